/**
 * What pooling does to sizes: eq. 2 with p = 0 along each axis (which cells a
 * window never reads, where windows overlap), and the cost of the NEXT layer
 * before and after pooling: a fully connected layer on Vec(H) (eq. 7) and a
 * 3-cell convolution with twice as many filters. All sizes come from the core
 * (poolOutputShape through pooledShape, convGeometry, droppedPositions). No DOM.
 */
import { convGeometry } from '../../src/nn/conv-geometry.ts';
import { droppedPositions } from '../../src/tensor/output-size.ts';
import { sizeOf } from '../../src/tensor/tensor.ts';
import { alongUsed, type Dims } from './feature-maps.ts';
import { pooledShape, type PoolGeometry } from './pooling.ts';

export const AXES = ['x', 'y', 'z'] as const;
export type Axis = (typeof AXES)[number];

export interface AxisSize {
  readonly axis: Axis;
  /** False along the axes a 1D or 2D grid does not use (window and stride 1, one cell). */
  readonly used: boolean;
  readonly input: number;
  readonly window: number;
  readonly stride: number;
  /** h_a = floor((input - window) / stride) + 1. */
  readonly output: number;
  /** Cells at the end of the axis no window reaches (the floor of eq. 2). */
  readonly dropped: number;
  /** Cells neighbouring windows share (stride < window). */
  readonly overlap: number;
  /** Cells skipped between neighbouring windows (stride > window). */
  readonly gap: number;
}

export interface PoolSizes {
  readonly inShape: readonly number[];
  readonly outShape: readonly number[];
  readonly axes: readonly AxisSize[];
  /** Cells per feature map before and after pooling, and their ratio. */
  readonly cellsBefore: number;
  readonly cellsAfter: number;
  readonly factor: number;
  /** Feature maps: pooling keeps them (its window is 1 along d). */
  readonly maps: number;
}

/** Eq. 2 per axis for the pooling window; throws the core's ShapeError when a window is larger than the input. */
export function poolSizes(inShape: readonly number[], geometry: PoolGeometry, dims: Dims): PoolSizes {
  const outShape = pooledShape(inShape, geometry);
  const axes = AXES.map((axis, a): AxisSize => {
    const input = inShape[a + 1]!;
    const window = geometry.window[a]!;
    const stride = geometry.stride[a]!;
    return {
      axis,
      used: a < dims,
      input,
      window,
      stride,
      output: outShape[a + 1]!,
      dropped: droppedPositions(input, window, stride, 0),
      overlap: Math.max(0, window - stride),
      gap: Math.max(0, stride - window),
    };
  });
  const cellsBefore = inShape[1]! * inShape[2]! * inShape[3]!;
  const cellsAfter = outShape[1]! * outShape[2]! * outShape[3]!;
  return { inShape, outShape, axes, cellsBefore, cellsAfter, factor: cellsBefore / cellsAfter, maps: inShape[4]! };
}

/** How many windows read each input cell, counted over every output cell (one feature map). */
export function coverage(sizes: PoolSizes): { unread: number; shared: number; most: number } {
  const counts = sizes.axes.map((s) => {
    const perCell = new Array<number>(s.input).fill(0);
    for (let o = 0; o < s.output; o++) for (let k = 0; k < s.window; k++) perCell[o * s.stride + k]! += 1;
    return perCell;
  });
  let unread = 0;
  let shared = 0;
  let most = 0;
  for (const cx of counts[0]!) {
    for (const cy of counts[1]!) {
      for (const cz of counts[2]!) {
        const n = cx * cy * cz;
        if (n === 0) unread++;
        if (n > 1) shared++;
        most = Math.max(most, n);
      }
    }
  }
  return { unread, shared, most };
}

export interface LayerCost {
  /** Values the layer receives: cells x feature maps. */
  readonly inputs: number;
  readonly weights: number;
  readonly biases: number;
  /** Multiply-adds for one sample. */
  readonly multiplyAdds: number;
}

export interface NextLayerCosts {
  readonly units: number;
  readonly dense: { readonly before: LayerCost; readonly after: LayerCost };
  /** The next convolution: 3-cell filters (along the axes in use), padding 1, `filters` filters. */
  readonly conv: { readonly filters: number; readonly filterShape: readonly number[]; readonly before: LayerCost; readonly after: LayerCost };
}

/** A fully connected layer of `units` units on Vec(H): (cells x maps) x units weights and units biases (eq. 7). */
export function denseCost(shape: readonly number[], units: number): LayerCost {
  const inputs = sizeOf(shape.slice(1));
  return { inputs, weights: inputs * units, biases: units, multiplyAdds: inputs * units };
}

/** A convolution with `filters` filters of 3 cells along each axis in use, padding 1 (the size is kept). */
export function convCost(shape: readonly number[], dims: Dims, filters: number): LayerCost {
  const [wx, wy, wz] = alongUsed(dims, 3, 1);
  const maps = shape[4]!;
  const geometry = convGeometry(shape, [wx, wy, wz, maps, filters], { stride: [1, 1, 1], padding: alongUsed(dims, 1, 0) });
  const taps = wx * wy * wz * maps;
  const outCells = geometry.output[0] * geometry.output[1] * geometry.output[2];
  return { inputs: sizeOf(shape.slice(1)), weights: taps * filters, biases: filters, multiplyAdds: outCells * taps * filters };
}

/** The next layer's cost on the feature maps before pooling and on the pooled ones. */
export function nextLayerCosts(sizes: PoolSizes, dims: Dims, units: number): NextLayerCosts {
  const filters = 2 * sizes.maps;
  const [wx, wy, wz] = alongUsed(dims, 3, 1);
  return {
    units,
    dense: { before: denseCost(sizes.inShape, units), after: denseCost(sizes.outShape, units) },
    conv: {
      filters,
      filterShape: [wx, wy, wz, sizes.maps, filters],
      before: convCost(sizes.inShape, dims, filters),
      after: convCost(sizes.outShape, dims, filters),
    },
  };
}
