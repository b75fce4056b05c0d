/**
 * The network builder of chapter 11 (tutorial §3, the summary, with Figures 1
 * and 2 applied): the reader's settings become the model's layer stack,
 * block after block as eq. 6 applies them, then Vec(H^M) and the fully
 * connected layers of eq. 7, the last giving the K class scores of eq. 8.
 * The model's shape inference (planNetwork, eq. 2 at every convolution and
 * pooling layer) plans it; each row of the result carries its output size,
 * the eq. 2 arithmetic that gave it and its parameter count. An impossible
 * network is refused with the model's reason, in words. No DOM.
 */
import type { ActivationKind } from '../../src/nn/activation.ts';
import type { PoolKind } from '../../src/nn/pool.ts';
import { planNetwork, type LayerSpec, type NetworkPlan, type PlannedLayer } from '../../src/model/index.ts';
import { layerLabel } from '../../src/model/spec.ts';
import { LIMITS } from '../../src/model/worker-limits.ts';
import { AtlasError, ParamError, ShapeError, outputLength, sizeOf, type Triple } from '../../src/tensor/index.ts';
import { subscript, superscript } from '../01-architecture/format.ts';

export type Dims = 1 | 2 | 3;

export interface BuilderConfig {
  /** A well column (1D), a cross-section (2D) or a block model (3D). */
  readonly dims: Dims;
  /** Cells along each axis of the grid. */
  readonly size: number;
  /** Variables per cell, in_d (4: one indicator per facies). */
  readonly depth: number;
  /** Convolution blocks M. */
  readonly blocks: number;
  /** Filters w_c of block 1. */
  readonly filters: number;
  /** Later blocks keep the count or double it. */
  readonly growth: 'same' | 'double';
  /** Filter extent w along each axis in use. */
  readonly filterSize: number;
  /** Convolution stride st along each axis in use. */
  readonly stride: number;
  /** Zero padding p on each side of each axis in use. */
  readonly padding: number;
  readonly batchNorm: boolean;
  readonly activation: ActivationKind;
  /** Pooling kind over 2-cell windows. */
  readonly pool: PoolKind;
  /** How many blocks, from the first, end in pooling (0: none; more than M: all). */
  readonly pooled: number;
  /** Hidden fully connected layers before the class scores. */
  readonly hidden: number;
  /** Units n_FC of each hidden fully connected layer. */
  readonly units: number;
  /** Classes K. */
  readonly classes: number;
}

/**
 * The defaults: the project's preset network (src/model/presets/geology.ts),
 * which reaches 90 % validation accuracy on the four-class 3D task within a
 * couple of minutes in a browser (a unit test checks that the two agree).
 */
export const DEFAULT_CONFIG: BuilderConfig = {
  dims: 3,
  size: 12,
  depth: 4,
  blocks: 2,
  filters: 8,
  growth: 'same',
  filterSize: 3,
  stride: 1,
  padding: 0,
  batchNorm: true,
  activation: 'relu',
  pool: 'max',
  pooled: 1,
  hidden: 0,
  units: 32,
  classes: 4,
};

/** Pooling window along each axis in use (non-overlapping). */
export const POOL_WINDOW = 2;

/** Along the axes a 1D or 2D grid does not have, windows are 1 wide and nothing is padded. */
export function onUsedAxes(dims: Dims, n: number, unused: number): Triple {
  return [n, dims >= 2 ? n : unused, dims === 3 ? n : unused];
}

export function filtersOf(config: BuilderConfig, m: number): number {
  return config.growth === 'double' ? config.filters * 2 ** (m - 1) : config.filters;
}

/** The layer stack, in the order the equations apply it. */
export function builderLayers(config: BuilderConfig): LayerSpec[] {
  const used = (n: number, unused: number) => onUsedAxes(config.dims, n, unused);
  const layers: LayerSpec[] = [];
  for (let m = 1; m <= config.blocks; m++) {
    const bank = { size: used(config.filterSize, 1), filters: filtersOf(config, m) };
    const slide = { stride: used(config.stride, 1), padding: used(config.padding, 0) };
    layers.push({ type: 'conv', name: `c${m}`, ...bank, ...slide }); // term: W
    if (config.batchNorm) layers.push({ type: 'batchnorm', name: `bn${m}` }); // term: BN
    layers.push({ type: 'activation', kind: config.activation }); // term: g
    if (m <= config.pooled) layers.push({ type: 'pool', kind: config.pool, window: used(POOL_WINDOW, 1) }); // term: pool
  }
  layers.push({ type: 'flatten' }); // term: Vec
  for (let f = 1; f <= config.hidden; f++) {
    layers.push({ type: 'dense', name: `fc${f}`, units: config.units }); // term: WFC
    layers.push({ type: 'activation', kind: config.activation }); // term: g
  }
  // The class scores s_k, which the softmax (eq. 8) takes as they are.
  layers.push({ type: 'dense', name: `fc${config.hidden + 1}`, units: config.classes }); // term: WFC
  return layers;
}

/** One sample X: [in_x, in_y, in_z, in_d]. */
export function builderInputShape(config: BuilderConfig): [number, number, number, number] {
  const [x, y, z] = onUsedAxes(config.dims, config.size, 1);
  return [x, y, z, config.depth];
}

/** What a row of the builder's table says of one layer. */
export interface BuilderRow {
  readonly index: number;
  readonly label: string;
  readonly type: LayerSpec['type'];
  /** The term of the equations the layer implements (W, BN, g, pool, Vec, WFC). */
  readonly term: string;
  /** 'H³' for the last layer of block 3, 'FC₁', 's' for the scores, '' otherwise. */
  readonly makes: string;
  readonly outShape: readonly number[];
  /** Eq. 2 along x with the layer's numbers, for convolution and pooling. */
  readonly eq2: string | null;
  readonly parameters: number;
}

export interface BuiltNetwork {
  readonly config: BuilderConfig;
  readonly layers: readonly LayerSpec[];
  readonly inputShape: readonly number[];
  readonly plan: NetworkPlan;
  readonly rows: readonly BuilderRow[];
  readonly parameterCount: number;
  /** Values in one sample's hidden layers, a measure of the work of one forward pass. */
  readonly activationValues: number;
}

const TERM_OF: Readonly<Record<LayerSpec['type'], string>> = {
  conv: 'W',
  batchnorm: 'BN',
  activation: 'g',
  pool: 'pool',
  flatten: 'Vec',
  dense: 'WFC',
};

const parameterCount = (layer: PlannedLayer): number => layer.params.reduce((sum, p) => sum + sizeOf(p.shape), 0);

/** "⌊(16 − 3 + 2·1) / 1⌋ + 1 = 16", eq. 2 along x. */
export function eq2Text(inLength: number, w: number, stride: number, padding: number): string {
  return `⌊(${inLength} − ${w} + 2·${padding}) / ${stride}⌋ + 1 = ${outputLength(inLength, w, stride, padding)}`;
}

function eq2Of(layer: PlannedLayer): string | null {
  const { spec } = layer;
  const h = layer.inShape[0]!;
  if (spec.type === 'conv') return eq2Text(h, spec.size![0], spec.stride![0], spec.padding![0]);
  if (spec.type === 'pool') return eq2Text(h, spec.window[0], (spec.stride ?? spec.window)[0], 0);
  return null;
}

/** The words a reader gets when the network cannot be built. */
function refusal(e: AtlasError): never {
  const text = `This network cannot be built: ${e.message.replace(/^network: /, '')}. Change the settings marked in the message (fewer blocks, padding, a smaller filter or stride, or no pooling).`;
  throw e.category === 'shape' ? new ShapeError('builder', text) : new ParamError('builder', text);
}

/**
 * Plans the configured network. Throws ShapeError / ParamError with the
 * reason in words when a layer cannot be built (a window wider than the
 * padded layer under it) or when the network is larger than the training
 * worker accepts.
 */
export function buildNetwork(config: BuilderConfig): BuiltNetwork {
  const layers = builderLayers(config);
  const inputShape = builderInputShape(config);
  let plan: NetworkPlan;
  try {
    plan = planNetwork(layers, { inputShape });
  } catch (e) {
    if (e instanceof AtlasError) refusal(e);
    throw e;
  }
  const makes = new Map<number, string>();
  let m = 0;
  let f = 0;
  plan.layers.forEach((layer, i) => {
    const next = plan.layers[i + 1]?.spec.type;
    if (layer.spec.type === 'conv') m++;
    const endsBlock = m > 0 && f === 0 && layer.spec.type !== 'flatten' && (next === 'conv' || next === 'flatten');
    if (endsBlock) makes.set(i, `H${superscript(m)}`);
    if (layer.spec.type === 'flatten') makes.set(i, 'FC₀');
    if (layer.spec.type === 'dense') makes.set(i, next === undefined ? 's' : `FC${subscript(++f)}`);
  });
  const rows = plan.layers.map((layer, i): BuilderRow => ({
    index: i,
    label: layer.label,
    type: layer.spec.type,
    term: TERM_OF[layer.spec.type],
    makes: makes.get(i) ?? '',
    outShape: layer.outShape,
    eq2: eq2Of(layer),
    parameters: parameterCount(layer),
  }));
  const total = rows.reduce((sum, r) => sum + r.parameters, 0);
  if (total > LIMITS.parameters) {
    throw new ParamError('builder', `This network has ${total.toLocaleString('en')} parameters; the training worker takes at most ${LIMITS.parameters.toLocaleString('en')} (2^22). Use fewer filters, fewer units or pooling.`);
  }
  const activationValues = plan.layers.reduce((sum, l) => sum + sizeOf(l.outShape), 0);
  return { config, layers, inputShape, plan, rows, parameterCount: total, activationValues };
}

/** What the builder shows: the planned network, or the refusal with the layers that were asked for. */
export type BuildResult =
  | { readonly net: BuiltNetwork }
  | { readonly error: AtlasError; readonly config: BuilderConfig; readonly inputShape: readonly number[]; readonly labels: readonly string[] };

/** 'conv c1, 8 filters 3 × 3 × 3', 'dense fc1, 32 units': a layer as asked for. */
function requestedLabel(spec: LayerSpec): string {
  if (spec.type === 'conv') return `${layerLabel(spec)}, ${spec.filters} filters ${spec.size!.join(' × ')}, stride ${spec.stride![0]}, padding ${spec.padding![0]}`;
  if (spec.type === 'dense') return `${layerLabel(spec)}, ${spec.units} units`;
  return layerLabel(spec);
}

/** buildNetwork, with a refusal returned instead of thrown, so the table can still list the layers asked for. */
export function tryBuildNetwork(config: BuilderConfig): BuildResult {
  try {
    return { net: buildNetwork(config) };
  } catch (e) {
    if (!(e instanceof AtlasError)) throw e;
    return { error: e, config, inputShape: builderInputShape(config), labels: builderLayers(config).map(requestedLabel) };
  }
}
