/**
 * Loss (eq. 10) and accuracy of a network on a data set in inference mode
 * (batchnorm with its running averages), without changing the network.
 */
import { loss as lossOp, type LossKind } from '../nn/loss.ts';
import type { Tensor } from '../tensor/index.ts';
import type { Dataset } from './batch.ts';
import { forward } from './forward.ts';
import type { Network } from './network.ts';

function argmax(data: Float64Array, start: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (data[start + c]! > data[start + best]!) best = c;
  return best;
}

/** Fraction of rows of `output` [n, k] whose arg-max is the arg-max of `target` [n, k]. */
export function accuracy(output: Tensor, target: Tensor): number {
  const [n, k] = output.shape as [number, number];
  let right = 0;
  for (let i = 0; i < n; i++) if (argmax(output.data, i * k, k) === argmax(target.data, i * k, k)) right++;
  return right / n;
}

export function evaluate(net: Network, data: Dataset, lossKind: LossKind): { loss: number; accuracy: number | null; output: Tensor } {
  const { output } = forward(net, data.x, { mode: 'inference' });
  const { loss } = lossOp({ x: output, target: data.target }, { kind: lossKind });
  return { loss, accuracy: lossKind === 'cross_entropy' ? accuracy(output, data.target) : null, output };
}
