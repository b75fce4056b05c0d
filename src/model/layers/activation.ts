/** Activation layer g(.), eq. 4 (sigmoid, tanh, ReLU), on any sample shape: in either zone. */
import * as activation from '../../nn/activation.ts';
import { assertKind } from '../../tensor/index.ts';
import type { ActivationSpec } from '../spec.ts';
import type { LayerKind } from './types.ts';

export const activationLayer: LayerKind<ActivationSpec> = {
  plan(spec, inShape) {
    assertKind('activation', 'activation kind', spec.kind, activation.ACTIVATION_KINDS);
    return { spec, outShape: [...inShape], params: [] };
  },
  forward(spec, _p, x) {
    return activation.forward({ x }, { kind: spec.kind });
  },
  backward(_spec, dy, saved) {
    return { dx: activation.backward(dy, saved as never).dx, grads: {} };
  },
};
