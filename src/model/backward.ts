/**
 * Backpropagation through the stack: from dL/dH^M, each layer in reverse
 * gives dL/dH^{m-1} and the gradient of its parameters (the gradient
 * nabla_Theta L of eq. 11), collected by parameter name.
 */
import { ShapeError, formatShape, sameShape, type Tensor } from '../tensor/index.ts';
import { assertHealthy } from './divergence.ts';
import type { ForwardPass } from './forward.ts';
import { kindOf } from './layers/index.ts';
import { atLayer, type Network } from './network.ts';

export interface BackwardResult {
  /** dL/dX, shaped like the input batch. */
  readonly dx: Tensor;
  /** dL/dTheta for every parameter, by name (`c1.w`, `bn1.gamma`, ...). */
  readonly gradients: Readonly<Record<string, Tensor>>;
}

export function backward(net: Network, pass: ForwardPass, dOutput: Tensor): BackwardResult {
  if (!dOutput || !sameShape(dOutput.shape, pass.output.shape)) {
    throw new ShapeError('network', `the output gradient must match the output ${formatShape(pass.output.shape)}, got ${dOutput ? formatShape(dOutput.shape) : String(dOutput)}`);
  }
  const gradients: Record<string, Tensor> = {};
  let d = dOutput;
  for (let m = net.layers.length - 1; m >= 0; m--) {
    const layer = net.layers[m]!;
    let result;
    try {
      result = kindOf(layer.spec).backward(layer.spec, d, pass.caches[m]);
    } catch (e) {
      atLayer(layer.index, layer.label, e);
    }
    for (const p of layer.params) {
      const g = result.grads[p.short]!;
      assertHealthy(g.data, `the gradient of ${p.name}`);
      gradients[p.name] = g;
    }
    if (m > 0) assertHealthy(result.dx.data, `the gradient of the input of layer ${m} (${layer.label})`);
    d = result.dx;
  }
  const ordered: Record<string, Tensor> = {};
  for (const name of Object.keys(net.params)) ordered[name] = gradients[name]!;
  return { dx: d, gradients: ordered };
}
