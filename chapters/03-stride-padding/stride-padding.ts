/**
 * The arithmetic of chapter 3, Stride and padding (tutorial §2.1, eq. 2,
 * Figures 4 and 5), with no DOM: the numbers of eq. 2 along each axis (which
 * never throw, so the page can show them even for an impossible setting), and
 * the scene the views draw (which throws the core's ShapeError when the
 * filter does not fit).
 *
 * Eq. 2 per spatial axis a: h_a = floor((in_a - w_a + 2 p_a) / st_a) + 1.
 * Every filter here spans one input feature map and there is one filter
 * (w_d = in_d = 1, w_c = 1, as in the paper's Figure 4, 3 x 3 x 1 x 1).
 */
import { convGeometry, filterPositions, receptiveField, type ConvGeometry, type FilterPosition, type ReceptiveCell } from '../../src/nn/conv-geometry.ts';
import { droppedPositions, outputLength } from '../../src/tensor/output-size.ts';
import type { Triple } from '../../src/tensor/params.ts';
import { tensor, type Tensor } from '../../src/tensor/tensor.ts';

export type Dims = 1 | 2 | 3;
export type AxisName = 'x' | 'y' | 'z';
export const AXES: readonly AxisName[] = ['x', 'y', 'z'];

/** What the reader sets along one axis: input cells, filter cells, stride and padding. */
export interface AxisSettings {
  readonly input: number;
  readonly filter: number;
  readonly stride: number;
  readonly padding: number;
}

export interface StridePaddingConfig {
  /** A drill hole (1D: x), a section or map (2D: x, y) or a block model (3D). */
  readonly dims: Dims;
  /** Settings along x, y, z as used: axes beyond `dims` hold UNUSED_AXIS. */
  readonly axes: readonly [AxisSettings, AxisSettings, AxisSettings];
}

/** Along an axis the input does not have: one cell, a one-cell filter, stride 1, no padding. */
export const UNUSED_AXIS: AxisSettings = { input: 1, filter: 1, stride: 1, padding: 0 };

/** Whether axis number `a` (0 = x) is one of the input's axes. */
export function axisUsed(dims: Dims, a: number): boolean {
  return a < dims;
}

/** The configuration the page computes with: the reader's settings on the used axes, UNUSED_AXIS elsewhere. */
export function configure(dims: Dims, settings: readonly [AxisSettings, AxisSettings, AxisSettings]): StridePaddingConfig {
  const pick = (a: number): AxisSettings => (axisUsed(dims, a) ? settings[a]! : UNUSED_AXIS);
  return { dims, axes: [pick(0), pick(1), pick(2)] };
}

/** The paper's "same" remark: with stride 1, the output keeps the input's size only when p = (w - 1) / 2, w odd. */
export interface SameCondition {
  /** w is odd, so some whole padding keeps the size. */
  readonly odd: boolean;
  /** (w - 1) / 2 when w is odd. */
  readonly samePadding: number | null;
  /** The current padding is that one. */
  readonly holds: boolean;
  /** Output length with the current w and p but stride 1: in + 2p - w + 1. */
  readonly lengthAtStride1: number;
}

/** Eq. 2 along one axis, every intermediate number, for the live equation. Never throws. */
export interface AxisArithmetic {
  readonly axis: AxisName;
  readonly used: boolean;
  readonly input: number;
  readonly filter: number;
  readonly stride: number;
  readonly padding: number;
  /** in + 2p: the padded length. */
  readonly padded: number;
  /** in - w + 2p: how far the window can travel. Negative when it does not fit. */
  readonly travel: number;
  /** floor(travel / st). */
  readonly steps: number;
  /** Eq. 2: steps + 1. Below 1 when the window does not fit. */
  readonly output: number;
  /** The window fits in the padded input (w <= in + 2p), so output >= 1. */
  readonly fits: boolean;
  /** Padded positions at the end no window reaches (eq. 2's floor); 0 when it does not fit. */
  readonly dropped: number;
  /** Of those, how many are input cells (the rest are padding). */
  readonly droppedInput: number;
  readonly same: SameCondition;
}

/** The numbers of eq. 2 along one axis, from the core's outputLength and droppedPositions. */
export function axisArithmetic(axis: AxisName, used: boolean, settings: AxisSettings): AxisArithmetic {
  const { input, filter, stride, padding } = settings;
  const padded = input + 2 * padding; // term: p
  const travel = padded - filter; // term: w
  const output = outputLength(input, filter, stride, padding); // term: h
  const fits = filter <= padded;
  // A stride that does not divide the travel leaves its remainder unread at the end.
  const dropped = fits ? droppedPositions(input, filter, stride, padding) : 0; // term: st
  // The padded axis ends with p padding cells; dropped cells beyond those are input cells.
  const droppedInput = Math.max(0, dropped - padding); // term: hprev
  const odd = filter % 2 === 1;
  const samePadding = odd ? (filter - 1) / 2 : null;
  return {
    axis,
    used,
    ...settings,
    padded,
    travel,
    steps: output - 1,
    output,
    fits,
    dropped,
    droppedInput,
    same: { odd, samePadding, holds: samePadding === padding, lengthAtStride1: padded - filter + 1 },
  };
}

export function arithmetic(config: StridePaddingConfig): [AxisArithmetic, AxisArithmetic, AxisArithmetic] {
  const row = (a: number) => axisArithmetic(AXES[a]!, axisUsed(config.dims, a), config.axes[a]!);
  return [row(0), row(1), row(2)];
}

/** One axis as the 2D diagram draws it: the padded cells, where each window starts, what each cell and window holds. */
export interface AxisLine {
  readonly axis: AxisName;
  readonly input: number;
  readonly padding: number;
  readonly filter: number;
  readonly stride: number;
  /** in + 2p. */
  readonly padded: number;
  /** First padded cell of each window, one per output cell (padded coordinates: the input starts at p). */
  readonly starts: readonly number[];
  /** Per padded cell, how many windows read it. */
  readonly coverage: readonly number[];
  /** Per output cell, how many of its window's cells are input cells (not padding). */
  readonly seen: readonly number[];
  /** Padded positions at the end that no window reaches. */
  readonly dropped: number;
  /** Input cells (not padding) no window reads: dropped at the end, or skipped between windows when st > w. */
  readonly unread: number;
}

/** Window starts along one axis, from the core's window corners (in padded coordinates). */
function startsAlong(positions: readonly FilterPosition[], geom: ConvGeometry, a: 0 | 1 | 2): number[] {
  const steps = [geom.output[0], geom.output[1], geom.output[2]];
  const starts = new Array<number>(steps[a]!);
  for (const position of positions) starts[position.output[a]] = position.corner[a] + geom.padding[a];
  return starts;
}

/** Coverage and seen counts along one axis, from the window starts. */
export function axisLine(axis: AxisName, geom: ConvGeometry, starts: readonly number[], dropped: number): AxisLine {
  const a = AXES.indexOf(axis);
  const input = geom.input[a]!;
  const padding = geom.padding[a]!;
  const filter = geom.window[a]!;
  const padded = input + 2 * padding;
  const coverage = new Array<number>(padded).fill(0);
  const seen = starts.map((start) => {
    let real = 0;
    for (let i = start; i < start + filter; i++) {
      coverage[i]! += 1; // term: w
      if (i >= padding && i < padding + input) real++; // term: p
    }
    return real;
  });
  let unread = 0;
  for (let i = padding; i < padding + input; i++) if (coverage[i] === 0) unread++;
  return { axis, input, padding, filter, stride: geom.stride[a]!, padded, starts, coverage, seen, dropped, unread };
}

/** The outer product of three per-axis counts: a tensor [nx, ny, nz] with value cx[i] * cy[j] * cz[k]. */
export function outerProduct(cx: readonly number[], cy: readonly number[], cz: readonly number[]): Tensor {
  const data = new Float64Array(cx.length * cy.length * cz.length);
  let n = 0;
  for (const vx of cx) for (const vy of cy) for (const vz of cz) data[n++] = vx * vy * vz;
  return tensor([cx.length, cy.length, cz.length], data);
}

/** Counts the numbers panel shows. */
export interface SceneCounts {
  readonly inputCells: number;
  readonly paddedCells: number;
  /** Zeros added by the padding. */
  readonly paddingCells: number;
  /** Cells of one window, w_x w_y w_z (taps of the filter). */
  readonly taps: number;
  readonly outputCells: number;
  /** One multiply-add per tap per output cell (per input map and filter). */
  readonly multiplyAdds: number;
  /** The same filter and padding with stride 1 along every axis. */
  readonly outputCellsAtStride1: number;
  readonly multiplyAddsAtStride1: number;
  /** Input cells that no window reads. */
  readonly unreadInput: number;
  /** Fewest and most input (non-padding) cells one output cell sees. */
  readonly seenMin: number;
  readonly seenMax: number;
}

/** Everything the views draw, for a configuration whose filter fits. */
export interface StrideScene {
  readonly config: StridePaddingConfig;
  readonly arithmetic: readonly [AxisArithmetic, AxisArithmetic, AxisArithmetic];
  readonly geometry: ConvGeometry;
  /** Every window position, in the core's order (output x slowest, z fastest). */
  readonly positions: readonly FilterPosition[];
  readonly lines: readonly [AxisLine, AxisLine, AxisLine];
  /** [in_x + 2p_x, in_y + 2p_y, in_z + 2p_z]. */
  readonly padded: Triple;
  /** Padded input, per cell the number of windows that read it. */
  readonly coverage: Tensor;
  /** Output H [h_x, h_y, h_z], per cell the input (non-padding) cells its window sees. */
  readonly seen: Tensor;
  readonly counts: SceneCounts;
}

const product = (t: readonly number[]): number => t.reduce((p, v) => p * v, 1);

/**
 * The scene of a configuration: the core's convolution geometry (which throws
 * ShapeError, naming the axis, when a window is larger than the padded
 * input), every window position, and the per-cell counts the views colour by.
 */
export function strideScene(config: StridePaddingConfig): StrideScene {
  const [x, y, z] = config.axes;
  const geometry = convGeometry([1, x.input, y.input, z.input, 1], [x.filter, y.filter, z.filter, 1, 1], {
    stride: [x.stride, y.stride, z.stride],
    padding: [x.padding, y.padding, z.padding],
  });
  const positions = filterPositions(geometry);
  const lines = ([0, 1, 2] as const).map((a) => axisLine(AXES[a]!, geometry, startsAlong(positions, geometry, a), geometry.dropped[a])) as unknown as [AxisLine, AxisLine, AxisLine];
  const coverage = outerProduct(lines[0].coverage, lines[1].coverage, lines[2].coverage);
  const seen = outerProduct(lines[0].seen, lines[1].seen, lines[2].seen);
  const padded: Triple = [lines[0].padded, lines[1].padded, lines[2].padded];
  const inputCells = product(geometry.input);
  const taps = product(geometry.window);
  const outputCells = product(geometry.output);
  const outputCellsAtStride1 = product(lines.map((l) => l.padded - l.filter + 1));
  const readInput = product(lines.map((l) => l.input - l.unread));
  let seenMin = Infinity;
  let seenMax = 0;
  for (const v of seen.data) {
    if (v < seenMin) seenMin = v;
    if (v > seenMax) seenMax = v;
  }
  return {
    config,
    arithmetic: arithmetic(config),
    geometry,
    positions,
    lines,
    padded,
    coverage,
    seen,
    counts: {
      inputCells,
      paddedCells: product(padded),
      paddingCells: product(padded) - inputCells,
      taps,
      outputCells,
      multiplyAdds: outputCells * taps,
      outputCellsAtStride1,
      multiplyAddsAtStride1: outputCellsAtStride1 * taps,
      unreadInput: inputCells - readInput,
      seenMin,
      seenMax,
    },
  };
}

/** The window of one output cell, in padded coordinates, with the cells it reads. */
export interface WindowAt {
  /** Position number in the core's order, from 0. */
  readonly index: number;
  readonly output: Triple;
  /** First and last padded cell of the window, inclusive. */
  readonly from: Triple;
  readonly to: Triple;
  /** The cells under the filter (core coordinates: negative or past the input in the padding). */
  readonly cells: readonly ReceptiveCell[];
  /** How many of them are input cells; the others are padding zeros. */
  readonly inputCells: number;
}

/** The output cell `cell` brought inside the output grid (each axis clamped). */
export function clampCell(scene: StrideScene, cell: readonly number[]): Triple {
  const o = scene.geometry.output;
  const c = (a: number) => Math.max(0, Math.min(o[a]! - 1, Math.round(cell[a] ?? 0)));
  return [c(0), c(1), c(2)];
}

/** Position number of an output cell in the core's order. */
export function positionIndex(scene: StrideScene, cell: Triple): number {
  const [, oy, oz] = scene.geometry.output;
  return (cell[0] * oy + cell[1]) * oz + cell[2];
}

/** The window producing output cell `cell` (clamped into the output). */
export function windowAt(scene: StrideScene, cell: readonly number[]): WindowAt {
  const output = clampCell(scene, cell);
  const index = positionIndex(scene, output);
  const { corner } = scene.positions[index]!;
  const p = scene.geometry.padding;
  const w = scene.geometry.window;
  const from: Triple = [corner[0] + p[0], corner[1] + p[1], corner[2] + p[2]];
  const to: Triple = [from[0] + w[0] - 1, from[1] + w[1] - 1, from[2] + w[2] - 1];
  const cells = receptiveField(scene.geometry, output);
  return { index, output, from, to, cells, inputCells: cells.filter((c) => !c.inPadding).length };
}

/** The output cell at position `index` in the core's order (the player's position). */
export function positionCell(scene: StrideScene, index: number): Triple {
  return scene.positions[Math.max(0, Math.min(scene.positions.length - 1, index))]!.output;
}

/** Window corners in padded coordinates: the first cell of every window, one per output cell. */
export function windowCorners(scene: StrideScene): Triple[] {
  const p = scene.geometry.padding;
  return scene.positions.map(({ corner }) => [corner[0] + p[0], corner[1] + p[1], corner[2] + p[2]]);
}
