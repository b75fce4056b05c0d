/**
 * Geometry of a convolution layer (eqs. 1-3), computed once and used by every
 * kernel and by the chapters that animate the sliding filter.
 *
 *   x [n, x, y, z, d]  *  W [wx, wy, wz, wd, wc]  ->  H [n, ox, oy, oz, wc]
 *
 * with wd = d (each filter spans every input feature map) and, per spatial
 * axis a, eq. 2: o_a = floor((in_a + 2 p_a - w_a) / st_a) + 1. When the stride
 * does not divide evenly, the last `dropped` input positions (padding
 * included) are never reached by a window.
 */
import { ShapeError, formatShape, ParamError } from '../tensor/errors.ts';
import { droppedPositions, outputSize } from '../tensor/output-size.ts';
import { assertTriple, type Triple } from '../tensor/params.ts';

/** Stride and symmetric zero padding per spatial axis [x, y, z] (the paper's st, p without the depth entry). */
export interface ConvAttrs {
  readonly stride: Triple;
  readonly padding: Triple;
}

export interface ConvGeometry {
  /** n: samples in the batch. */
  readonly batch: number;
  /** Spatial input size [x, y, z]. */
  readonly input: Triple;
  /** d: input feature maps, equal to the filter depth wd. */
  readonly depth: number;
  /** Spatial filter size [wx, wy, wz]. */
  readonly window: Triple;
  /** c: number of filters wc, the depth of the output. */
  readonly filters: number;
  readonly stride: Triple;
  readonly padding: Triple;
  /** Spatial output size [ox, oy, oz] (eq. 2). */
  readonly output: Triple;
  /** Padded input positions per axis that no window reaches (eq. 2's floor). */
  readonly dropped: Triple;
  readonly xShape: readonly number[];
  readonly wShape: readonly number[];
  /** [n, ox, oy, oz, c] */
  readonly yShape: readonly number[];
}

const OP = 'conv';

function assertConvShape(name: string, shape: readonly number[], layout: string): void {
  if (!Array.isArray(shape) || shape.length !== 5) {
    throw new ShapeError(OP, `${name} must have rank 5 ${layout}, got ${Array.isArray(shape) ? formatShape(shape) : String(shape)}`);
  }
  if (!shape.every((s) => Number.isInteger(s) && s >= 1)) {
    throw new ShapeError(OP, `${name} ${formatShape(shape)} must hold sizes of at least 1 ${layout}`);
  }
}

/**
 * Validates the shapes and attributes of a convolution and derives its
 * geometry. Throws ShapeError (wrong rank, depth mismatch, window larger than
 * the padded input) or ParamError (stride < 1 or fractional, negative padding).
 */
export function convGeometry(xShape: readonly number[], wShape: readonly number[], attrs: ConvAttrs): ConvGeometry {
  assertConvShape('x', xShape, '[n, x, y, z, d]');
  assertConvShape('w', wShape, '[wx, wy, wz, wd, wc]');
  const stride = assertTriple(OP, 'stride', attrs?.stride, 1);
  const padding = assertTriple(OP, 'padding', attrs?.padding, 0);
  const [batch, ix, iy, iz, depth] = xShape as [number, number, number, number, number];
  const [wx, wy, wz, wd, filters] = wShape as [number, number, number, number, number];
  if (wd !== depth) {
    throw new ShapeError(
      OP,
      `input depth ${depth} does not match filter depth wd = ${wd} (x ${formatShape(xShape)}, w ${formatShape(wShape)})`,
    );
  }
  const input: Triple = [ix, iy, iz];
  const window: Triple = [wx, wy, wz];
  const output = outputSize({ in: input, w: window, stride, padding }, OP);
  const dropped: Triple = [
    droppedPositions(ix, wx, stride[0], padding[0]),
    droppedPositions(iy, wy, stride[1], padding[1]),
    droppedPositions(iz, wz, stride[2], padding[2]),
  ];
  return {
    batch,
    input,
    depth,
    window,
    filters,
    stride,
    padding,
    output,
    dropped,
    xShape: [...xShape],
    wShape: [...wShape],
    yShape: [batch, output[0], output[1], output[2], filters],
  };
}

function assertOutputCell(geom: ConvGeometry, cell: readonly number[]): Triple {
  const ok =
    Array.isArray(cell) && cell.length === 3 && cell.every((v, a) => Number.isInteger(v) && v >= 0 && v < geom.output[a]!);
  if (!ok) {
    throw new ParamError(
      OP,
      `output cell ${Array.isArray(cell) ? formatShape(cell) : String(cell)} lies outside the output ${formatShape(geom.output)}`,
    );
  }
  return [cell[0]!, cell[1]!, cell[2]!];
}

/** Top-left-front input cell of the window that produces output cell `o` (negative inside the padding). */
function corner(geom: ConvGeometry, o: Triple): Triple {
  const { stride: s, padding: p } = geom;
  return [o[0] * s[0] - p[0], o[1] * s[1] - p[1], o[2] * s[2] - p[2]];
}

export interface ReceptiveCell {
  /** Filter tap [i, j, k] within the window. */
  readonly tap: Triple;
  /** Input cell [x, y, z] under that tap; outside [0, input) when it falls in the zero padding. */
  readonly cell: Triple;
  /** True when the cell is padding: it holds zeros and contributes nothing to the sum. */
  readonly inPadding: boolean;
}

/**
 * The input cells that feed output cell [ox, oy, oz], one per filter tap in
 * row-major tap order. Each cell stands for its whole depth column (all d
 * feature maps), since every filter spans the full input depth.
 */
export function receptiveField(geom: ConvGeometry, outputCell: readonly number[]): ReceptiveCell[] {
  const o = assertOutputCell(geom, outputCell);
  const [cx, cy, cz] = corner(geom, o);
  const [wx, wy, wz] = geom.window;
  const [ix, iy, iz] = geom.input;
  const cells: ReceptiveCell[] = [];
  for (let i = 0; i < wx; i++) {
    for (let j = 0; j < wy; j++) {
      for (let k = 0; k < wz; k++) {
        const cell: Triple = [cx + i, cy + j, cz + k];
        const inside = cell[0] >= 0 && cell[0] < ix && cell[1] >= 0 && cell[1] < iy && cell[2] >= 0 && cell[2] < iz;
        cells.push({ tap: [i, j, k], cell, inPadding: !inside });
      }
    }
  }
  return cells;
}

export interface FilterPosition {
  /** Output cell [ox, oy, oz] this window position produces. */
  readonly output: Triple;
  /** Top-left-front input cell of the window; negative inside the padding. */
  readonly corner: Triple;
}

/** Every position of the sliding window, in row-major output order (the order a chapter animates). */
export function filterPositions(geom: ConvGeometry): FilterPosition[] {
  const [ox, oy, oz] = geom.output;
  const positions: FilterPosition[] = [];
  for (let a = 0; a < ox; a++) {
    for (let b = 0; b < oy; b++) {
      for (let c = 0; c < oz; c++) {
        const output: Triple = [a, b, c];
        positions.push({ output, corner: corner(geom, output) });
      }
    }
  }
  return positions;
}
