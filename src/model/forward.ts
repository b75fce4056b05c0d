/**
 * Forward pass through the stack: H^0 = X, H^m = layer_m(H^{m-1}) (eqs. 1, 3,
 * 5, 6 in the feature extraction zone; 7, 9 in the inference zone). Records
 * every H^m (the chapters draw them) and what backward needs. Never changes
 * the network: in train mode batchnorm's batch statistics are returned, and
 * `trainStep` folds them into the running averages.
 */
import { ShapeError, formatShape, type Tensor } from '../tensor/index.ts';
import { assertHealthy } from './divergence.ts';
import { kindOf } from './layers/index.ts';
import type { BatchStats } from './layers/types.ts';
import { atLayer, type Network } from './network.ts';

export type Mode = 'train' | 'inference';

export interface ForwardPass {
  readonly mode: Mode;
  readonly input: Tensor;
  /** activations[m] is the output of layer m ([n, ...outShape]); the last one is the output. */
  readonly activations: readonly Tensor[];
  readonly output: Tensor;
  /** Per layer, what its backward needs (opaque). */
  readonly caches: readonly unknown[];
  /** Train mode: batch mean and biased var of every batchnorm layer, by layer name. */
  readonly batchStats: Readonly<Record<string, BatchStats>>;
}

/** The parameters of one layer by short name ('w', 'b', 'gamma', 'beta'). */
export function layerParams(net: Network, index: number): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const p of net.layers[index]!.params) out[p.short] = net.params[p.name]!;
  return out;
}

export function checkBatch(net: Network, x: Tensor, name = 'x'): number {
  const s = x?.shape;
  const ok = Array.isArray(s) && s.length === net.inputShape.length + 1 && s[0]! >= 1 && net.inputShape.every((v, i) => s[i + 1] === v);
  if (!ok) {
    throw new ShapeError('network', `${name} must be a batch [n, ${net.inputShape.join(', ')}] with n >= 1, got ${s ? formatShape(s) : String(x)}`);
  }
  return s[0]!;
}

export function forward(net: Network, x: Tensor, options: { mode: Mode }): ForwardPass {
  const mode = options.mode;
  if (mode !== 'train' && mode !== 'inference') {
    throw new ShapeError('network', `mode must be "train" or "inference", got ${JSON.stringify(mode)}`);
  }
  checkBatch(net, x);
  const activations: Tensor[] = [];
  const caches: unknown[] = [];
  const batchStats: Record<string, BatchStats> = {};
  let h = x;
  for (const layer of net.layers) {
    const spec = layer.spec;
    let result;
    try {
      const running = spec.type === 'batchnorm' ? net.running[spec.name] : undefined;
      result = kindOf(spec).forward(spec, layerParams(net, layer.index), h, { mode, running });
    } catch (e) {
      atLayer(layer.index, layer.label, e);
    }
    assertHealthy(result.y.data, `the output of layer ${layer.index} (${layer.label})`);
    if (result.stats && spec.type === 'batchnorm') batchStats[spec.name] = result.stats;
    activations.push(result.y);
    caches.push(result.saved);
    h = result.y;
  }
  return { mode, input: x, activations, output: h, caches, batchStats };
}
