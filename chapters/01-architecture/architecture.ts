/**
 * The small CNN of chapter 1 (tutorial §2, Figures 1 and 2): a feature
 * extraction zone of M convolution blocks and an inference zone of F fully
 * connected layers, built as the model's layer stack so that the shapes the
 * page shows are the ones the model's shape inference (planNetwork, eq. 2 at
 * every conv and pool layer) computes. No DOM here.
 *
 * Block m follows eq. 6: H^m = pool(g(BN(W^m H^{m-1} + b^m))), with BN and
 * pooling optional (eqs. 3 and 5). The last fully connected layer gives the
 * class scores s_k that the softmax (eq. 8) turns into probabilities.
 */
import type { ActivationKind } from '../../src/nn/activation.ts';
import { planNetwork, type LayerSpec, type PlannedLayer } from '../../src/model/index.ts';
import { sizeOf, type Triple } from '../../src/tensor/index.ts';

export interface ArchitectureConfig {
  /** Spatial dimensionality of the input grid: a drill hole, a map, a block model. */
  readonly dims: 1 | 2 | 3;
  /** Cells along each spatial axis in use (in_x = in_y = in_z). */
  readonly size: number;
  /** Input variables, the depth in_d. */
  readonly depth: number;
  /** Convolution blocks M. */
  readonly blocks: number;
  /** Filters w_c of block 1; each later block doubles them. */
  readonly filters: number;
  /** Zero padding p on each side of the used axes: 0 shrinks each conv by 2, 1 keeps the size. */
  readonly padding: 0 | 1;
  readonly batchNorm: boolean;
  readonly pooling: boolean;
  readonly activation: ActivationKind;
  /** Fully connected layers F (the last one has K units). */
  readonly dense: number;
  /** Units n_FC of each fully connected layer before the last. */
  readonly units: number;
  /** Classes K. */
  readonly classes: number;
}

/** Filter extent of every convolution on this page (3 cells along each used axis). */
export const FILTER_SIZE = 3;
/** Max pooling window (2 cells along each used axis, non-overlapping). */
export const POOL_SIZE = 2;

/** The layer stack of the configured network, block by block, in the order the equations apply it. */
export function architectureLayers(config: ArchitectureConfig): LayerSpec[] {
  // Along unused axes (y and z of a 1D input) a filter is 1 wide and nothing is padded.
  const used = (n: number, unused: number): Triple => [n, config.dims >= 2 ? n : unused, config.dims === 3 ? n : unused];
  const layers: LayerSpec[] = [];
  for (let m = 1; m <= config.blocks; m++) {
    const filters = config.filters * 2 ** (m - 1);
    layers.push({ type: 'conv', name: `c${m}`, size: used(FILTER_SIZE, 1), filters, padding: used(config.padding, 0) }); // term: W
    if (config.batchNorm) layers.push({ type: 'batchnorm', name: `bn${m}` }); // term: BN
    layers.push({ type: 'activation', kind: config.activation }); // term: g
    if (config.pooling) layers.push({ type: 'pool', kind: 'max', window: used(POOL_SIZE, 1) }); // term: pool
  }
  layers.push({ type: 'flatten' }); // term: Vec
  for (let f = 1; f <= config.dense; f++) {
    const last = f === config.dense;
    layers.push({ type: 'dense', name: `fc${f}`, units: last ? config.classes : config.units }); // term: WFC
    // The last layer's values are the class scores s_k; the softmax (eq. 8) takes them as they are.
    if (!last) layers.push({ type: 'activation', kind: config.activation }); // term: g
  }
  return layers;
}

/** The input sample X as [in_x, in_y, in_z, in_d]. */
export function inputShape(config: ArchitectureConfig): [number, number, number, number] {
  const { dims, size, depth } = config;
  return [size, dims >= 2 ? size : 1, dims === 3 ? size : 1, depth];
}

export type StageKind = 'conv' | 'batchnorm' | 'activation' | 'pool';

export interface Stage {
  readonly kind: StageKind;
  readonly layer: PlannedLayer;
}

/** A convolution block m of the feature extraction zone and the hidden layer H^m it makes. */
export interface HiddenLayer {
  readonly m: number;
  /** [h_x, h_y, h_z, h_d]. */
  readonly shape: readonly number[];
  /** The filter bank W^m [w_x, w_y, w_z, w_d, w_c]. */
  readonly filter: readonly number[];
  readonly stages: readonly Stage[];
  readonly parameterCount: number;
}

/** A fully connected layer FC_f of the inference zone. */
export interface DenseLayer {
  readonly f: number;
  readonly units: number;
  /** W_FC_f [n_FC^(f), n_FC^(f-1)]. */
  readonly weights: readonly number[];
  readonly parameterCount: number;
  /** The last layer gives the class scores s_k. */
  readonly scores: boolean;
}

export interface Architecture {
  readonly config: ArchitectureConfig;
  readonly input: readonly number[];
  readonly hidden: readonly HiddenLayer[];
  /** Length of Vec(H^M) = FC_0. */
  readonly vectorLength: number;
  readonly dense: readonly DenseLayer[];
  /** The planned layer stack, one row per layer, as the model infers it. */
  readonly layers: readonly PlannedLayer[];
  readonly parameterCount: number;
  /** Which of the tutorial's block equations the blocks follow. */
  readonly blockEquation: BlockEquation;
}

/** Eq. 3 (conv + g), 5 (with BN), 6 (with BN and pooling), or 6 without its BN. */
export type BlockEquation = 3 | 5 | 6 | '6-without-bn';

export function blockEquation(config: Pick<ArchitectureConfig, 'batchNorm' | 'pooling'>): BlockEquation {
  if (config.pooling) return config.batchNorm ? 6 : '6-without-bn';
  return config.batchNorm ? 5 : 3;
}

const parameterCount = (layer: PlannedLayer): number => layer.params.reduce((sum, p) => sum + sizeOf(p.shape), 0);

/**
 * Plans the network with the model's shape inference. Throws the model's
 * ShapeError (naming the layer) when a setting makes a layer impossible, e.g.
 * a 2-wide pooling window over a hidden layer 1 cell wide.
 */
export function describeArchitecture(config: ArchitectureConfig): Architecture {
  const plan = planNetwork(architectureLayers(config), { inputShape: inputShape(config) });
  const hidden: HiddenLayer[] = [];
  const dense: DenseLayer[] = [];
  let vectorLength = 0;
  for (const layer of plan.layers) {
    const { spec } = layer;
    if (spec.type === 'conv') {
      const filter = layer.params.find((p) => p.short === 'w')!.shape;
      hidden.push({ m: hidden.length + 1, shape: layer.outShape, filter, stages: [], parameterCount: 0 });
    }
    if (spec.type === 'flatten') vectorLength = layer.outShape[0]!;
    if (spec.type === 'dense') {
      const weights = layer.params.find((p) => p.short === 'w')!.shape;
      dense.push({ f: dense.length + 1, units: layer.outShape[0]!, weights, parameterCount: parameterCount(layer), scores: false });
      continue;
    }
    const block = hidden[hidden.length - 1];
    if (block && spec.type !== 'flatten' && vectorLength === 0) {
      hidden[hidden.length - 1] = {
        ...block,
        shape: layer.outShape,
        stages: [...block.stages, { kind: spec.type as StageKind, layer }],
        parameterCount: block.parameterCount + parameterCount(layer),
      };
    }
  }
  if (dense.length > 0) dense[dense.length - 1] = { ...dense[dense.length - 1]!, scores: true };
  return {
    config,
    input: plan.inputShape,
    hidden,
    vectorLength,
    dense,
    layers: plan.layers,
    parameterCount: plan.layers.reduce((sum, l) => sum + parameterCount(l), 0),
    blockEquation: blockEquation(config),
  };
}
