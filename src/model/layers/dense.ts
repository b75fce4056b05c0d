/**
 * Dense layer, eqs. 7 and 9 (before g): FC_f = W_FC_f FC_{f-1} + b_f with
 * W_FC_f [n_out, n_in] and b_f [n_out].
 */
import * as dense from '../../nn/dense.ts';
import { ShapeError, assertCount, formatShape } from '../../tensor/index.ts';
import type { DenseSpec } from '../spec.ts';
import { flat } from './shape.ts';
import type { LayerKind } from './types.ts';

export const denseLayer: LayerKind<DenseSpec> = {
  plan(spec, inShape, given) {
    const k = flat('dense', inShape);
    const w = given('w');
    let units: number;
    if (w) {
      if (w.shape.length !== 2 || w.shape[1] !== k) {
        throw new ShapeError('dense', `w ${formatShape(w.shape)} must be [n_out, n_in] with n_in = ${k}, the input size`);
      }
      if (spec.units !== undefined && spec.units !== w.shape[0]) {
        throw new ShapeError('dense', `w ${formatShape(w.shape)} has ${w.shape[0]} outputs, not units = ${spec.units}`);
      }
      units = w.shape[0]!;
    } else {
      units = assertCount('dense', 'units', spec.units);
    }
    return {
      spec: { ...spec, units },
      outShape: [units],
      params: [
        { short: 'w', shape: [units, k], init: 'weights' },
        { short: 'b', shape: [units], init: 'bias' },
      ],
    };
  },
  forward(_spec, p, x) {
    return dense.forward({ x, w: p.w!, b: p.b! });
  },
  backward(_spec, dy, saved) {
    const { dx, dw, db } = dense.backward(dy, saved as never);
    return { dx, grads: { w: dw, b: db } };
  },
};
