/** Adapter for `output_size` (eq. 2): params in, w, stride, padding -> out [x, y, z]. */
import { outputSize, type OutputSizeParams } from '../../../src/tensor/index.ts';
import type { OpAdapter } from '../case.ts';

export const outputSizeAdapter: OpAdapter = ({ params }) => ({ out: [...outputSize(params as unknown as OutputSizeParams)] });
