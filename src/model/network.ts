/**
 * A network: the layer stack of the feature extraction zone (eqs. 1-6),
 * Vec (eq. 7) and the inference zone (eqs. 7, 9), with its parameters.
 *
 * `planNetwork` infers the shape of every H^m through eq. 2 and the shape of
 * every parameter, without allocating them; an impossible architecture is
 * refused with a ShapeError / ParamError naming the layer:
 *   network: layer 3 (conv c2): conv: the 5-wide window along x is larger than ...
 * `createNetwork` then makes the parameters with the paper's initialization
 * (section 2.3; src/tensor/init.ts): weights from N(0, 0.1) truncated at 2
 * sigma, biases at ones (or zeros), batchnorm gamma 1 and beta 0, running
 * mean 0 and var 1. Given parameters (e.g. a conformance case's) replace the
 * drawn ones and fix the layer sizes.
 *
 * Parameters are one Tensor per name (`c1.w`, `c1.b`, `bn1.gamma`, ...), in
 * layer order; an optimizer steps their Float64Arrays in place.
 */
import type { RunningStats } from '../nn/batchnorm.ts';
import { initialRunningStats } from '../nn/batchnorm.ts';
import {
  AtlasError,
  PAPER_INIT,
  ParamError,
  ShapeError,
  biasTensor,
  clone,
  formatShape,
  full,
  sameShape,
  sizeOf,
  truncatedNormalTensor,
  type BiasInit,
  type Rng,
  type Tensor,
  type TruncatedNormalOptions,
} from '../tensor/index.ts';
import { kindOf } from './layers/index.ts';
import type { ParamInit } from './layers/types.ts';
import { LAYER_TYPES, layerLabel, type LayerSpec } from './spec.ts';

export interface ParamInfo {
  /** `<layer name>.<short>`, e.g. `c1.w`. */
  readonly name: string;
  readonly short: string;
  readonly shape: readonly number[];
  readonly init: ParamInit;
}

export interface PlannedLayer {
  readonly index: number;
  /** The spec with its defaults filled in (stride, padding, filters, units, eps, ...). */
  readonly spec: LayerSpec;
  /** "conv c1", "activation relu", "flatten". */
  readonly label: string;
  /** Shape of one input sample ([x, y, z, d] or [k]). */
  readonly inShape: readonly number[];
  /** Shape of one output sample, the layer's H^m without the batch axis. */
  readonly outShape: readonly number[];
  readonly params: readonly ParamInfo[];
}

export interface NetworkPlan {
  readonly layers: readonly PlannedLayer[];
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
}

export interface Network extends NetworkPlan {
  /** Every parameter by name, in layer order. The tensors' data is updated in place by training. */
  readonly params: Readonly<Record<string, Tensor>>;
  /** Batchnorm running averages by layer name, replaced by each training step. */
  readonly running: Record<string, RunningStats>;
}

export interface PlanOptions {
  /** One sample: [x, y, z, d] (1D: y = z = 1; 2D: z = 1), or [k] for a network of dense layers. */
  readonly inputShape: readonly number[];
  /** Given parameter values by name; they fix the sizes of their layers. */
  readonly parameters?: Readonly<Record<string, Tensor>>;
}

export interface NetworkOptions extends PlanOptions {
  /** Draws the weights not given in `parameters`. */
  readonly rng?: Rng;
  /** The paper's ones (default) or the frameworks' zeros. */
  readonly biasInit?: BiasInit;
  /** Truncated normal of the weights; default the paper's mu 0, sigma 0.1, cut 2. */
  readonly init?: TruncatedNormalOptions;
  /** Batchnorm running averages by layer name (a trained network's); the others start at mean 0, var 1. */
  readonly running?: Readonly<Record<string, RunningStats>>;
}

/** Re-raises an op's refusal as the network's, naming the layer. */
export function atLayer(index: number, label: string, e: unknown): never {
  if (e instanceof AtlasError) {
    const detail = `layer ${index} (${label}): ${e.message}`;
    throw e.category === 'shape' ? new ShapeError('network', detail) : new ParamError('network', detail);
  }
  throw e;
}

function checkInputShape(shape: readonly number[]): void {
  const ok =
    Array.isArray(shape) && (shape.length === 4 || shape.length === 1) && shape.every((s) => Number.isInteger(s) && s >= 1);
  if (!ok) {
    throw new ShapeError('network', `inputShape must be one sample [x, y, z, d] (or [k]) of positive integers, got ${JSON.stringify(shape)}`);
  }
}

function checkSpec(spec: unknown, index: number, names: Set<string>): LayerSpec {
  if (typeof spec !== 'object' || spec === null) {
    throw new ParamError('network', `layer ${index} must be an object with a type, got ${JSON.stringify(spec)}`);
  }
  const s = spec as { type?: unknown; name?: unknown };
  if (typeof s.type !== 'string' || !(LAYER_TYPES as readonly string[]).includes(s.type)) {
    throw new ParamError('network', `layer ${index}: unknown layer type ${JSON.stringify(s.type)}; expected one of ${LAYER_TYPES.join(', ')}`);
  }
  if (s.type === 'conv' || s.type === 'batchnorm' || s.type === 'dense') {
    if (typeof s.name !== 'string' || s.name === '' || s.name.includes('.')) {
      throw new ParamError('network', `layer ${index} (${s.type}) needs a name without dots for its parameters, got ${JSON.stringify(s.name)}`);
    }
    if (names.has(s.name)) throw new ParamError('network', `layer ${index}: the name ${JSON.stringify(s.name)} is used twice`);
    names.add(s.name);
  }
  return spec as LayerSpec;
}

/** Shape inference through the stack (eq. 2 at every conv and pool layer). */
export function planNetwork(layers: readonly LayerSpec[], options: PlanOptions): NetworkPlan {
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new ParamError('network', `layers must be a non-empty list, got ${JSON.stringify(layers)}`);
  }
  checkInputShape(options.inputShape);
  const given = options.parameters ?? {};
  const names = new Set<string>();
  const owned = new Set<string>();
  const planned: PlannedLayer[] = [];
  let shape: readonly number[] = [...options.inputShape];
  layers.forEach((raw, index) => {
    const spec0 = checkSpec(raw, index, names);
    const label = layerLabel(spec0);
    const prefix = 'name' in spec0 ? `${spec0.name}.` : '';
    try {
      const plan = kindOf(spec0).plan(spec0, shape, (short) => given[prefix + short]);
      const params = plan.params.map((p) => ({ ...p, name: prefix + p.short }));
      for (const p of params) {
        owned.add(p.name);
        const t = given[p.name];
        if (t && !sameShape(t.shape, p.shape)) {
          throw new ShapeError(spec0.type, `parameter ${p.name} has shape ${formatShape(t.shape)}, expected ${formatShape(p.shape)}`);
        }
      }
      planned.push({ index, spec: plan.spec, label, inShape: shape, outShape: plan.outShape, params });
      shape = plan.outShape;
    } catch (e) {
      atLayer(index, label, e);
    }
  });
  for (const name of Object.keys(given)) {
    if (!owned.has(name)) throw new ParamError('network', `no layer has a parameter named ${JSON.stringify(name)}`);
  }
  return { layers: planned, inputShape: [...options.inputShape], outputShape: shape };
}

function initialValue(p: ParamInfo, options: NetworkOptions): Tensor {
  const given = options.parameters?.[p.name];
  if (given) return clone(given);
  switch (p.init) {
    case 'weights':
      if (!options.rng) throw new ParamError('network', `parameter ${p.name} is not given, so an rng is needed to draw it`);
      return truncatedNormalTensor(p.shape, options.rng, options.init ?? PAPER_INIT);
    case 'bias':
      return biasTensor(p.shape, options.biasInit ?? 'ones');
    case 'ones':
      return full(p.shape, 1);
    case 'zeros':
      return full(p.shape, 0);
  }
}

export function createNetwork(layers: readonly LayerSpec[], options: NetworkOptions): Network {
  if (options.biasInit !== undefined && options.biasInit !== 'ones' && options.biasInit !== 'zeros') {
    throw new ParamError('network', `biasInit must be "ones" or "zeros", got ${JSON.stringify(options.biasInit)}`);
  }
  const plan = planNetwork(layers, options);
  const given = checkRunning(plan, options.running ?? {});
  const params: Record<string, Tensor> = {};
  const running: Record<string, RunningStats> = {};
  for (const layer of plan.layers) {
    for (const p of layer.params) params[p.name] = initialValue(p, options);
    if (layer.spec.type !== 'batchnorm') continue;
    const stats = given[layer.spec.name];
    running[layer.spec.name] = stats ? { mean: clone(stats.mean), var: clone(stats.var) } : initialRunningStats(layer.outShape[3]!);
  }
  return { ...plan, params, running };
}

/**
 * Given running averages (eq. 5 at inference) must name batchnorm layers and
 * hold d finite values each, the variances non-negative.
 */
export function checkRunning(plan: NetworkPlan, running: Readonly<Record<string, RunningStats>>): Readonly<Record<string, RunningStats>> {
  if (typeof running !== 'object' || running === null) throw new ParamError('network', `running must be an object of batchnorm statistics by layer name`);
  const bn = new Map(plan.layers.flatMap((l) => (l.spec.type === 'batchnorm' ? [[l.spec.name, l] as const] : [])));
  for (const [name, stats] of Object.entries(running)) {
    const layer = bn.get(name);
    if (!layer) throw new ParamError('network', `running statistics are given for ${JSON.stringify(name)}, which is not a batchnorm layer of this network`);
    const d = layer.outShape[3]!;
    for (const part of ['mean', 'var'] as const) {
      const t = stats?.[part];
      if (!t || !Array.isArray(t.shape) || !(t.data instanceof Float64Array)) {
        throw new ParamError('network', `layer ${layer.index} (${layer.label}): the running ${part} must be a tensor of shape [${d}]`);
      }
      if (!sameShape(t.shape, [d]) || t.data.length !== d) {
        throw new ShapeError('network', `layer ${layer.index} (${layer.label}): the running ${part} has shape ${formatShape(t.shape)}, expected [${d}] (one value per feature map)`);
      }
      const bad = t.data.findIndex((v) => !Number.isFinite(v) || (part === 'var' && v < 0));
      if (bad >= 0) {
        throw new ParamError('network', `layer ${layer.index} (${layer.label}): the running ${part} holds ${t.data[bad]} for feature map ${bad}; expected a finite${part === 'var' ? ', non-negative' : ''} number`);
      }
    }
  }
  return running;
}

export interface LayerSummary {
  readonly index: number;
  readonly label: string;
  /** Output shape of one sample. */
  readonly outputShape: readonly number[];
  readonly params: readonly { readonly name: string; readonly shape: readonly number[]; readonly count: number }[];
  readonly parameterCount: number;
}

/** Every layer's output shape and parameter counts, as the chapters tabulate them. */
export function describeNetwork(plan: NetworkPlan): { readonly layers: readonly LayerSummary[]; readonly parameterCount: number } {
  const rows = plan.layers.map((layer) => {
    const params = layer.params.map((p) => ({ name: p.name, shape: p.shape, count: sizeOf(p.shape) }));
    return {
      index: layer.index,
      label: layer.label,
      outputShape: layer.outShape,
      params,
      parameterCount: params.reduce((s, p) => s + p.count, 0),
    };
  });
  return { layers: rows, parameterCount: rows.reduce((s, r) => s + r.parameterCount, 0) };
}

/** The output shape of every layer for one sample of `inputShape` (eq. 2 through the stack). */
export function layerShapes(layers: readonly LayerSpec[], inputShape: readonly number[]): (readonly number[])[] {
  return planNetwork(layers, { inputShape }).layers.map((l) => l.outShape);
}
