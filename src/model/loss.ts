/**
 * The loss L(Theta) of eq. 10 on a batch and its gradient with respect to
 * every parameter: forward, the loss op (cross-entropy on logits with the
 * softmax of eq. 8 inside, or MSE), backward.
 */
import { loss as lossOp, type LossKind } from '../nn/loss.ts';
import { ShapeError, formatShape, type Tensor } from '../tensor/index.ts';
import { backward } from './backward.ts';
import { DivergenceError } from './divergence.ts';
import { forward, type ForwardPass, type Mode } from './forward.ts';
import type { Network } from './network.ts';

export interface LossAndGradients {
  readonly loss: number;
  readonly output: Tensor;
  readonly gradients: Readonly<Record<string, Tensor>>;
  /** dL/dX, shaped like the input batch (what each input value contributes). */
  readonly dx: Tensor;
  readonly pass: ForwardPass;
}

export function lossAndGradients(net: Network, x: Tensor, target: Tensor, lossKind: LossKind, mode: Mode = 'train'): LossAndGradients {
  if (net.outputShape.length !== 1) {
    throw new ShapeError('network', `a loss needs a flat output [k]; the network ends in ${formatShape(net.outputShape)} (add flatten and dense layers)`);
  }
  const pass = forward(net, x, { mode });
  const result = lossOp({ x: pass.output, target }, { kind: lossKind });
  if (!Number.isFinite(result.loss)) throw new DivergenceError('the loss', result.loss);
  const { gradients, dx } = backward(net, pass, result.dx);
  return { loss: result.loss, output: pass.output, gradients, dx, pass };
}
