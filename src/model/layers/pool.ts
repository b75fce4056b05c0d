/**
 * Pooling layer, eq. 6: pool(.) per feature map over windows [wx, wy, wz]
 * (no padding); output sample per eq. 2 with p = 0. Stride defaults to the
 * window (non-overlapping windows).
 */
import * as pool from '../../nn/pool.ts';
import { assertKind, assertTriple, outputSize } from '../../tensor/index.ts';
import type { PoolSpec } from '../spec.ts';
import { spatial } from './shape.ts';
import type { LayerKind } from './types.ts';

export const poolLayer: LayerKind<PoolSpec> = {
  plan(spec, inShape) {
    const [x, y, z, d] = spatial('pool', inShape);
    const kind = assertKind('pool', 'pool kind', spec.kind, pool.POOL_KINDS);
    const window = assertTriple('pool', 'window', spec.window, 1);
    const stride = assertTriple('pool', 'stride', spec.stride ?? window, 1);
    const out = outputSize({ in: [x, y, z], w: window, stride, padding: [0, 0, 0] }, 'pool');
    return { spec: { ...spec, kind, window, stride }, outShape: [...out, d], params: [] };
  },
  forward(spec, _p, x) {
    return pool.forward({ x }, { kind: spec.kind, window: spec.window, stride: spec.stride! });
  },
  backward(_spec, dy, saved) {
    return { dx: pool.backward(dy, saved as never).dx, grads: {} };
  },
};
