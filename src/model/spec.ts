/**
 * Layer specifications: the conformance `network` layers, applied in order to
 * X [n, x, y, z, d]. The feature extraction zone (eqs. 1-6) is conv, batchnorm,
 * activation and pool layers on [x, y, z, d] samples; flatten is Vec(H^M)
 * (eq. 7); dense and activation layers form the inference zone (eqs. 7, 9).
 *
 * Parameterized layers carry a name: their parameters are `<name>.w`,
 * `<name>.b` (conv, dense) and `<name>.gamma`, `<name>.beta` (batchnorm).
 * `size`/`filters` (conv) and `units` (dense) may be left out when the
 * parameters are given (their shapes then say it, as in the conformance files).
 */
import type { ActivationKind } from '../nn/activation.ts';
import type { LossKind } from '../nn/loss.ts';
import type { PoolKind } from '../nn/pool.ts';
import type { Triple } from '../tensor/index.ts';

export interface ConvSpec {
  readonly type: 'conv';
  readonly name: string;
  /** Filter extent [wx, wy, wz]; its depth wd is the input depth. */
  readonly size?: Triple;
  /** Number of filters wc, the output depth. */
  readonly filters?: number;
  /** Default [1, 1, 1] (the paper's default). */
  readonly stride?: Triple;
  /** Zeros on each side, default [0, 0, 0] (the paper's default). */
  readonly padding?: Triple;
}

export interface BatchNormSpec {
  readonly type: 'batchnorm';
  readonly name: string;
  /** Default 1e-5. */
  readonly eps?: number;
  /** Weight of the new batch in the running averages, default 0.1. */
  readonly momentum?: number;
}

export interface ActivationSpec {
  readonly type: 'activation';
  readonly kind: ActivationKind;
}

export interface PoolSpec {
  readonly type: 'pool';
  readonly kind: PoolKind;
  readonly window: Triple;
  /** Default: the window (non-overlapping windows). */
  readonly stride?: Triple;
}

export interface FlattenSpec {
  readonly type: 'flatten';
}

export interface DenseSpec {
  readonly type: 'dense';
  readonly name: string;
  /** Output size n_FC (P or K for the last layer, eq. 9). */
  readonly units?: number;
}

export type LayerSpec = ConvSpec | BatchNormSpec | ActivationSpec | PoolSpec | FlattenSpec | DenseSpec;
export type LayerType = LayerSpec['type'];

export const LAYER_TYPES = ['conv', 'batchnorm', 'activation', 'pool', 'flatten', 'dense'] as const satisfies readonly LayerType[];

/** A whole model as the conformance `network` op describes it. */
export interface NetworkSpec {
  readonly layers: readonly LayerSpec[];
  readonly loss: { readonly kind: LossKind };
}

/** "conv c1", "activation relu", "flatten": how messages and tables name a layer. */
export function layerLabel(spec: LayerSpec): string {
  if ('name' in spec && typeof spec.name === 'string') return `${spec.type} ${spec.name}`;
  if ('kind' in spec && typeof spec.kind === 'string') return `${spec.type} ${spec.kind}`;
  return String(spec.type);
}
