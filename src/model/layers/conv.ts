/**
 * Conv layer, eqs. 1 and 3 (before g): H^m = W^m * H^{m-1} + b^m, filter bank
 * W [wx, wy, wz, wd, wc] with wd = the input depth, bias b [wc]; the output
 * sample [h_x, h_y, h_z, wc] follows eq. 2 per spatial axis.
 */
import * as conv from '../../nn/conv.ts';
import { ShapeError, assertCount, assertTriple, formatShape, outputSize, type Tensor } from '../../tensor/index.ts';
import type { ConvSpec } from '../spec.ts';
import { spatial } from './shape.ts';
import type { LayerKind } from './types.ts';

function filterShape(spec: ConvSpec, depth: number, given: Tensor | undefined): readonly number[] {
  if (given) {
    const s = given.shape;
    if (s.length !== 5 || s[3] !== depth) {
      throw new ShapeError('conv', `w ${formatShape(s)} must be [wx, wy, wz, wd, wc] with wd = ${depth}, the input depth`);
    }
    if (spec.size && (spec.size[0] !== s[0] || spec.size[1] !== s[1] || spec.size[2] !== s[2])) {
      throw new ShapeError('conv', `w ${formatShape(s)} does not match size ${formatShape(spec.size)}`);
    }
    if (spec.filters !== undefined && spec.filters !== s[4]) {
      throw new ShapeError('conv', `w ${formatShape(s)} holds ${s[4]} filters, not ${spec.filters}`);
    }
    return s;
  }
  const size = assertTriple('conv', 'filter size', spec.size, 1);
  const filters = assertCount('conv', 'filters', spec.filters);
  return [size[0], size[1], size[2], depth, filters];
}

export const convLayer: LayerKind<ConvSpec> = {
  plan(spec, inShape, given) {
    const [x, y, z, d] = spatial('conv', inShape);
    const stride = assertTriple('conv', 'stride', spec.stride ?? [1, 1, 1], 1);
    const padding = assertTriple('conv', 'padding', spec.padding ?? [0, 0, 0], 0);
    const w = filterShape(spec, d, given('w'));
    const out = outputSize({ in: [x, y, z], w: w.slice(0, 3), stride, padding }, 'conv');
    return {
      spec: { ...spec, size: [w[0]!, w[1]!, w[2]!], filters: w[4]!, stride, padding },
      outShape: [...out, w[4]!],
      params: [
        { short: 'w', shape: w, init: 'weights' },
        { short: 'b', shape: [w[4]!], init: 'bias' },
      ],
    };
  },
  forward(spec, p, x) {
    return conv.forward({ x, w: p.w!, b: p.b! }, { stride: spec.stride!, padding: spec.padding! });
  },
  backward(_spec, dy, saved) {
    const { dx, dw, db } = conv.backward(dy, saved as never);
    return { dx, grads: { w: dw, b: db } };
  },
};
