/** Flatten, Vec(H^M) of eq. 7: a sample [x, y, z, d] becomes FC_0 [x*y*z*d], row-major (d fastest). */
import * as flatten from '../../nn/flatten.ts';
import type { FlattenSpec } from '../spec.ts';
import { spatial } from './shape.ts';
import type { LayerKind } from './types.ts';

export const flattenLayer: LayerKind<FlattenSpec> = {
  plan(spec, inShape) {
    const [x, y, z, d] = spatial('flatten', inShape);
    return { spec, outShape: [x * y * z * d], params: [] };
  },
  forward(_spec, _p, x) {
    return flatten.forward({ x });
  },
  backward(_spec, dy, saved) {
    return { dx: flatten.backward(dy, saved as never).dx, grads: {} };
  },
};
