/**
 * The targets of a data set of geological models, built a few samples at a
 * time: a 3D block takes about 2 ms to draw, so 240 of them would hold the
 * page for half a second. As a notebook cell this generator yields the
 * targets drawn so far once per animation frame, and the histogram fills in
 * while the page stays responsive. Samples come from src/data's
 * generateSample (the structure types in turn, seeds TARGET_SEED + i), the
 * targets from its targets.ts. No DOM.
 */
import { REGIONAL_DIP_DEFAULT, STRUCTURE_KINDS, TARGET_COUNT, generateSample, nativeGeometry } from '../../src/data/index.ts';
import { tensor, type Tensor } from '../../src/tensor/tensor.ts';
import { GRID_SIZE, type Dims } from './geology.ts';
import { TARGET_SAMPLES, TARGET_SEED } from './regression.ts';

export interface TargetBatch {
  /** [n, 2]: net-to-gross and dip of the samples drawn so far. */
  readonly targets: Tensor;
  readonly total: number;
  readonly done: boolean;
}

/** Samples per step: about 15 ms of work. */
const CHUNK: Readonly<Record<Dims, number>> = { 1: TARGET_SAMPLES, 2: 40, 3: 8 };

export function* targetStream(dims: Dims, total = TARGET_SAMPLES): Generator<TargetBatch, void, unknown> {
  const size = GRID_SIZE[dims];
  const geometry = nativeGeometry(dims, Array.from({ length: dims }, () => size));
  const values = new Float64Array(total * TARGET_COUNT);
  let n = 0;
  while (n < total) {
    const end = Math.min(total, n + CHUNK[dims]);
    for (; n < end; n++) {
      const kind = STRUCTURE_KINDS[n % STRUCTURE_KINDS.length]!;
      const sample = generateSample(kind, TARGET_SEED + n, geometry, { maxRegionalDip: REGIONAL_DIP_DEFAULT, flip: 0 });
      for (let t = 0; t < TARGET_COUNT; t++) values[n * TARGET_COUNT + t] = sample.targets[t]!;
    }
    yield { targets: tensor([n, TARGET_COUNT], values.slice(0, n * TARGET_COUNT)), total, done: n === total };
  }
}
