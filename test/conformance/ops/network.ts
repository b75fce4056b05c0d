/**
 * Adapter for `network`: params {layers, loss}; inputs x, target and every
 * parameter by name -> loss and d<name> for every parameter (train mode:
 * batchnorm with batch statistics), through src/model; also dx, the gradient
 * of the loss with respect to the input x.
 */
import type { LossKind } from '../../../src/nn/loss.ts';
import { createNetwork, lossAndGradients, type LayerSpec } from '../../../src/model/index.ts';
import type { Tensor } from '../../../src/tensor/index.ts';
import { MalformedCase, isRecord, type OpAdapter, type Outputs } from '../case.ts';

export const networkAdapter: OpAdapter = (ctx) => {
  const { layers, loss } = ctx.params;
  if (!isRecord(loss)) throw new MalformedCase('params.loss must be an object {"kind": ...}');
  const x = ctx.input('x');
  const target = ctx.input('target');
  const parameters: Record<string, Tensor> = {};
  for (const name of ctx.inputNames) if (name !== 'x' && name !== 'target') parameters[name] = ctx.input(name);
  const net = createNetwork(layers as LayerSpec[], { inputShape: x.shape.slice(1), parameters });
  const result = lossAndGradients(net, x, target, loss.kind as LossKind, 'train');
  const outputs: Outputs = { loss: result.loss, dx: result.dx };
  for (const [name, g] of Object.entries(result.gradients)) outputs[`d${name}`] = g;
  return outputs;
};
