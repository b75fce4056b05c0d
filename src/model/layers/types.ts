/**
 * What the network needs from each layer kind: shape inference through eq. 2
 * (`plan`), and forward and backward through the op in src/nn. Errors thrown
 * by `plan` name the op; the network adds the layer index and name.
 */
import type { RunningStats } from '../../nn/batchnorm.ts';
import type { Tensor } from '../../tensor/index.ts';
import type { LayerSpec } from '../spec.ts';

export type ParamInit = 'weights' | 'bias' | 'ones' | 'zeros';

export interface ParamPlan {
  /** 'w', 'b', 'gamma', 'beta'; the network names it `<layer name>.<short>`. */
  readonly short: string;
  readonly shape: readonly number[];
  /** weights: the paper's truncated normal; bias: ones or zeros (option); ones/zeros: fixed. */
  readonly init: ParamInit;
}

export interface LayerPlan<S extends LayerSpec> {
  /** The spec with its defaults filled in. */
  readonly spec: S;
  /** Output shape of one sample: [x, y, z, d] in the feature extraction zone, [k] after flatten. */
  readonly outShape: readonly number[];
  readonly params: readonly ParamPlan[];
}

export interface BatchStats {
  readonly mean: Tensor;
  readonly var: Tensor;
  readonly count: number;
}

export interface LayerRun {
  readonly mode: 'train' | 'inference';
  /** Batchnorm in inference mode: the running averages. */
  readonly running?: RunningStats;
}

export interface LayerForward {
  readonly y: Tensor;
  readonly saved: unknown;
  /** Batchnorm in train mode: the batch statistics (for the running averages). */
  readonly stats?: BatchStats;
}

export interface LayerBackward {
  readonly dx: Tensor;
  /** Gradients by short parameter name. */
  readonly grads: Readonly<Record<string, Tensor>>;
}

export interface LayerKind<S extends LayerSpec> {
  plan(spec: S, inShape: readonly number[], given: (short: string) => Tensor | undefined): LayerPlan<S>;
  forward(spec: S, params: Readonly<Record<string, Tensor>>, x: Tensor, run: LayerRun): LayerForward;
  backward(spec: S, dy: Tensor, saved: unknown): LayerBackward;
}
