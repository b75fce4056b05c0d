/**
 * One convolution layer as the chapter shows it: the input, the filter bank
 * and bias, the geometry, and the output H^m computed by src/nn/conv.ts (the
 * fast kernel the model trains with). Stride 1 and no padding: chapter 3
 * changes them.
 */
import { convGeometry, filterPositions, type ConvGeometry, type FilterPosition } from '../../src/nn/conv-geometry.ts';
import { forward } from '../../src/nn/conv.ts';
import { ParamError } from '../../src/tensor/errors.ts';
import type { Triple } from '../../src/tensor/params.ts';
import type { Tensor } from '../../src/tensor/tensor.ts';

export const STRIDE_ONE_NO_PADDING = { stride: [1, 1, 1] as Triple, padding: [0, 0, 0] as Triple };

export interface ConvLayer {
  /** H^{m-1} [1, x, y, z, d] */
  readonly x: Tensor;
  /** W^m [wx, wy, wz, wd, wc] */
  readonly w: Tensor;
  /** b^m [wc] */
  readonly b: Tensor;
  readonly geometry: ConvGeometry;
  /** H^m [1, ox, oy, oz, wc], from conv.forward */
  readonly y: Tensor;
  /** Every window position, in the order of the kernel's loops (x outermost, z innermost). */
  readonly positions: readonly FilterPosition[];
}

/** Runs the convolution; throws the core's ShapeError when the filter does not fit the input. */
export function convLayer(x: Tensor, w: Tensor, b: Tensor): ConvLayer {
  const geometry = convGeometry(x.shape, w.shape, STRIDE_ONE_NO_PADDING);
  const { y } = forward({ x, w, b }, STRIDE_ONE_NO_PADDING);
  return { x, w, b, geometry, y, positions: filterPositions(geometry) };
}

/** Where the window is: position p (1-based, as the slider counts) and the output cell and feature map it explains. */
export interface Placement {
  /** 1-based position, clamped to the positions there are. */
  readonly position: number;
  readonly count: number;
  /** Output cell [ox, oy, oz] (0-based, as in the code). */
  readonly output: Triple;
  /** Input cell where the window starts. */
  readonly corner: Triple;
  /** The filter (feature map) c explained, 0-based. */
  readonly filter: number;
}

/** The slider values clamped to this layer: a position past the last shows the last. */
export function placement(layer: ConvLayer, position: number, filter: number): Placement {
  if (!Number.isFinite(position) || !Number.isFinite(filter)) throw new ParamError('position', 'the position and filter must be numbers');
  const count = layer.positions.length;
  const p = Math.min(count, Math.max(1, Math.round(position)));
  const c = Math.min(layer.geometry.filters, Math.max(1, Math.round(filter))) - 1;
  const at = layer.positions[p - 1]!;
  return { position: p, count, output: at.output, corner: at.corner, filter: c };
}

/** The window's input cells along each axis, inclusive: [from, to]. */
export function windowRange(layer: ConvLayer, corner: Triple): { from: Triple; to: Triple } {
  const [wx, wy, wz] = layer.geometry.window;
  return { from: corner, to: [corner[0] + wx - 1, corner[1] + wy - 1, corner[2] + wz - 1] };
}
