/**
 * What chapter 11 reads from and writes to files: a saved network (the
 * versioned format of src/model/saved-network.ts) turned back into the
 * builder's settings, and a reader's own grid of facies codes (CSV or JSON,
 * src/data/parse-grid.ts) made into an input the trained network can read.
 * Every refusal is a ParamError or ShapeError whose message says what is
 * wrong and what would fit. No DOM.
 */
import { FACIES_COUNT, encodeFacies, faciesLegend, parseUserGrid, type GridFormat } from '../../src/data/index.ts';
import { planNetwork, type LayerSpec } from '../../src/model/index.ts';
import type { SavedNetwork } from '../../src/model/saved-network.ts';
import { ParamError, ShapeError, type Tensor } from '../../src/tensor/index.ts';

const formatShape = (shape: readonly number[]): string => shape.join(' × ');
import { DEFAULT_CONFIG, builderInputShape, builderLayers, type BuilderConfig, type Dims } from './builder.ts';

const OP = 'network file';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The builder settings that make the saved network's layer stack, so the
 * page's controls can show it. Refuses a network this page's builder cannot
 * make (another input, other layers), saying which part differs.
 */
export function configFromSaved(saved: SavedNetwork): BuilderConfig {
  if (saved.loss !== 'cross_entropy') throw new ParamError(OP, `this page classifies structures with cross-entropy; the file's network was trained for ${saved.loss}`);
  const [x, y, z, depth] = saved.inputShape;
  if (saved.inputShape.length !== 4 || depth !== FACIES_COUNT) {
    throw new ParamError(OP, `this page's networks read grids of ${FACIES_COUNT} facies indicators per cell; the file's network reads ${formatShape(saved.inputShape)}`);
  }
  const dims: Dims = z! > 1 ? 3 : y! > 1 ? 2 : 1;
  const layers = saved.layers;
  const convs = layers.filter((l): l is Extract<LayerSpec, { type: 'conv' }> => l.type === 'conv');
  const dense = layers.filter((l) => l.type === 'dense');
  const act = layers.find((l): l is Extract<LayerSpec, { type: 'activation' }> => l.type === 'activation');
  const pools = layers.filter((l): l is Extract<LayerSpec, { type: 'pool' }> => l.type === 'pool');
  const first = convs[0];
  if (!first || !act || dense.length === 0) throw new ParamError(OP, 'the file\'s network has no convolution block or no class scores, which every network of this page has');
  const hiddenDense = dense.slice(0, -1)[0] as Extract<LayerSpec, { type: 'dense' }> | undefined;
  const config: BuilderConfig = {
    ...DEFAULT_CONFIG,
    dims,
    size: x!,
    depth: depth!,
    blocks: convs.length,
    filters: first.filters!,
    growth: convs.length > 1 && convs[1]!.filters === 2 * first.filters! ? 'double' : 'same',
    filterSize: first.size![0],
    stride: first.stride![0],
    padding: first.padding![0],
    batchNorm: layers.some((l) => l.type === 'batchnorm'),
    activation: act.kind,
    pool: pools[0]?.kind ?? DEFAULT_CONFIG.pool,
    pooled: pools.length,
    hidden: dense.length - 1,
    units: hiddenDense?.units ?? DEFAULT_CONFIG.units,
    classes: (dense.at(-1) as Extract<LayerSpec, { type: 'dense' }>).units!,
  };
  const rebuilt = planNetwork(builderLayers(config), { inputShape: builderInputShape(config) });
  if (!same(rebuilt.inputShape, saved.inputShape) || !same(rebuilt.layers.map((l) => l.spec), saved.layers)) {
    throw new ParamError(OP, `the file's network (${layers.length} layers on ${formatShape(saved.inputShape)}) was not made with this page's builder (equal grid axes, one filter size, stride and padding for every block, 2-cell pooling on the first blocks), so the controls cannot show it`);
  }
  return config;
}

export interface UserInput {
  /** The facies codes as read, [x, y, z]. */
  readonly shape: readonly [number, number, number];
  readonly codes: Float64Array;
  /** One-hot, [1, x, y, z, 4]: what the network reads. */
  readonly input: Tensor;
}

/**
 * A reader's grid of facies codes as the network's input. The grid must have
 * the network's own input size; its values must be facies codes 0 to 3.
 */
export function userGridInput(text: string, format: GridFormat, networkInput: readonly number[]): UserInput {
  const grid = parseUserGrid(text, format);
  const want = networkInput.slice(0, 3);
  if (!same(grid.shape, want)) {
    throw new ShapeError('grid', `the grid is ${formatShape(grid.shape)} cells but the network reads ${formatShape(want)}: give a grid of that size, or build and train a network for ${formatShape(grid.shape)}`);
  }
  const input = encodeFacies(grid.tensor.data, grid.shape, 'onehot');
  return { shape: grid.shape, codes: grid.tensor.data, input };
}

/** Facies codes [x, y, z] written as the CSV a reader could load: comments, a shape line, then the codes, z fastest. */
export function gridAsCsv(facies: Tensor, title: string): string {
  const [x, y, z] = [facies.shape[0] ?? 1, facies.shape[1] ?? 1, facies.shape[2] ?? 1];
  const rows: string[] = [`# ${title}; facies codes ${faciesLegend()}`, `# shape: ${x}, ${y}, ${z}`];
  for (let i = 0; i < x * y; i++) rows.push(Array.from(facies.data.subarray(i * z, (i + 1) * z)).join(','));
  return `${rows.join('\n')}\n`;
}

/** 'json' when the text looks like JSON (after any byte-order mark and spaces), else 'csv'. */
export function guessFormat(text: string): GridFormat {
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

export type { GridFormat };
