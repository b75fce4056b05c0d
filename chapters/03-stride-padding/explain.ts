/**
 * Chapter 3's words and substituted equations, from the numbers of eq. 2
 * (stride-padding.ts). Pure: TeX strings with \term markup, and sentences
 * with inline $...$ math, rendered by the views.
 */
import type { AxisArithmetic, SceneCounts } from './stride-padding.ts';

const cells = (n: number): string => `${n} cell${n === 1 ? '' : 's'}`;
const count = new Intl.NumberFormat('en');
export const formatCount = (n: number): string => count.format(n);

/** TeX for a possibly negative integer, with a true minus sign. */
const num = (n: number): string => (n < 0 ? `-${-n}` : String(n));

/**
 * Eq. 2 along one axis with the reader's numbers in place of the symbols,
 * then, on a second line, each step to the result:
 *   h_x = floor((7 - 3 + 2·0) / 2) + 1
 *       = 4 / 2 + 1 = 2 + 1 = 3
 * An output below 1 is shown as such, marked as impossible.
 */
export function substitutedTex(row: AxisArithmetic): string {
  const a = row.axis;
  const fraction = String.raw`\dfrac{\term{hprev}{${row.input}} - \term{w}{${row.filter}} + 2 \cdot \term{p}{${row.padding}}}{\term{st}{${row.stride}}}`;
  const divides = row.travel % row.stride === 0;
  const quotient = divides
    ? String.raw`\dfrac{${num(row.travel)}}{${row.stride}} + 1`
    : String.raw`\left\lfloor \dfrac{${num(row.travel)}}{${row.stride}} \right\rfloor + 1`;
  const result = row.fits ? String.raw`\term{h}{${row.output}}` : String.raw`${num(row.output)} < 1`;
  return String.raw`\begin{aligned} \term{h}{h_${a}} &= \left\lfloor ${fraction} \right\rfloor + 1 \\ &= ${quotient} = ${num(row.steps)} + 1 = ${result} \end{aligned}`;
}

/** The depth of the output: one feature map per filter. */
export const DEPTH_TEX = String.raw`h_d = w_c = 1`;

/** One sentence on what eq. 2 did along this axis: fits exactly, drops positions, skips cells, or cannot fit. */
export function axisSentence(row: AxisArithmetic): string {
  const a = row.axis;
  if (!row.used) {
    return `The input has no ${a} axis: $in_${a} = 1$, $w_${a} = 1$, $st_${a} = 1$ and $p_${a} = 0$ keep $h_${a} = 1$.`;
  }
  if (!row.fits) {
    return (
      `Along ${a} the ${row.filter}-cell window is larger than the padded input, ` +
      `$${row.input} + 2 \\cdot ${row.padding} = ${row.padded}$ ${row.padded === 1 ? 'cell' : 'cells'}: it has no position at all, eq. 2 gives ${row.output}, and no output can be made. ` +
      `Make the input larger, the filter smaller or the padding wider.`
    );
  }
  const parts: string[] = [];
  const positions = `${row.output} window position${row.output === 1 ? '' : 's'}`;
  if (row.dropped === 0) {
    parts.push(
      row.travel === 0
        ? `Along ${a} the window covers the whole padded input: 1 window position.`
        : `Along ${a} the ${row.filter}-cell window travels ${cells(row.travel)} in steps of ${row.stride} and lands exactly on the last cell: ${positions}, nothing dropped.`,
    );
  } else {
    const which =
      row.droppedInput === 0
        ? row.dropped === 1
          ? 'a padding cell'
          : 'all padding'
        : row.droppedInput === row.dropped
          ? row.dropped === 1
            ? 'an input cell'
            : 'all input cells'
          : `${cells(row.droppedInput)} of the input and ${cells(row.dropped - row.droppedInput)} of padding`;
    parts.push(
      `Along ${a} the window could travel ${cells(row.travel)}, which steps of ${row.stride} do not divide: ` +
        `$\\lfloor ${row.travel} / ${row.stride} \\rfloor = ${row.steps}$ steps, ${positions}, and the last ${row.dropped === 1 ? 'position' : `${row.dropped} positions`} of the padded input (${which}) ${row.dropped === 1 ? 'is' : 'are'} never reached.`,
    );
  }
  if (row.stride > row.filter && row.output > 1) {
    const gap = row.stride - row.filter;
    parts.push(`The stride is longer than the window, so ${cells(gap)} between neighbouring windows ${gap === 1 ? 'is' : 'are'} skipped each time.`);
  }
  return parts.join(' ');
}

/** Whether this axis keeps its size at stride 1, and why: the paper's "same size" remark, checked live. */
export function sameSentence(row: AxisArithmetic): string {
  const a = row.axis;
  const { same } = row;
  const at1 = `$h_${a} = ${row.input} + 2 \\cdot ${row.padding} - ${row.filter} + 1 = ${same.lengthAtStride1}$`;
  if (!row.used) return `${a}: not an axis of this input.`;
  if (!same.odd) {
    const low = row.input - 1;
    const high = row.input + 1;
    return (
      `${a}: the filter is ${row.filter} cells, an even number, so no symmetric padding keeps ${cells(row.input)}: ` +
      `$p_${a} = ${row.filter / 2}$ gives ${high}, $p_${a} = ${row.filter / 2 - 1}$ gives ${low}. Here, with stride 1, ${at1}.`
    );
  }
  if (same.holds) {
    const strideNote = row.stride === 1 ? 'and the stride is 1, so the size is kept.' : `so stride 1 would keep it; the stride of ${row.stride} makes ${row.fits ? row.output : 'no output'}.`;
    return `${a}: $p_${a} = (w_${a} - 1)/2 = (${row.filter} - 1)/2 = ${same.samePadding}$, the "same" padding: with stride 1, ${at1}, the input's size, ${strideNote}`;
  }
  return `${a}: with stride 1, ${at1}${same.lengthAtStride1 === row.input ? '' : `, not ${row.input}`}; the size is kept only with $p_${a} = (${row.filter} - 1)/2 = ${same.samePadding}$.`;
}

export interface NumberRow {
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
}

/** The numbers panel: shapes, what one output cell sees, and the multiply-adds, compared with stride 1. */
export function numberRows(counts: SceneCounts, shapes: { input: readonly number[]; padded: readonly number[]; window: readonly number[]; output: readonly number[] }): NumberRow[] {
  const shape = (s: readonly number[]): string => `${s.join(' × ')} × 1`;
  const ratio = counts.outputCellsAtStride1 / counts.outputCells;
  const stride = ratio === 1 ? 'the same as with stride 1' : `${formatCount(counts.outputCellsAtStride1)} with stride 1 along every axis: ${ratio.toFixed(ratio < 10 ? 2 : 1).replace(/\.?0+$/, '')} times fewer`;
  const seen =
    counts.seenMin === counts.seenMax
      ? `every output cell sees ${formatCount(counts.seenMax)} input cells`
      : `from ${formatCount(counts.seenMin)} (at the edges, where the window overlaps the padding) to ${formatCount(counts.seenMax)} input cells`;
  return [
    { label: 'Input X', value: shape(shapes.input), detail: `${formatCount(counts.inputCells)} cells` },
    {
      label: 'Padded input',
      value: shape(shapes.padded),
      detail: `${formatCount(counts.paddedCells)} cells, of which ${formatCount(counts.paddingCells)} are padding zeros`,
    },
    { label: 'Filter W', value: `${shapes.window.join(' × ')} × 1 × 1`, detail: `${formatCount(counts.taps)} weights, one per cell of the window` },
    { label: 'Output H', value: shape(shapes.output), detail: `${formatCount(counts.outputCells)} cells, ${stride}` },
    { label: 'One output cell sees', value: `${formatCount(counts.taps)} cells`, detail: seen },
    {
      label: 'Multiply-adds',
      value: formatCount(counts.multiplyAdds),
      detail: `${formatCount(counts.outputCells)} output cells × ${formatCount(counts.taps)} weights (${formatCount(counts.multiplyAddsAtStride1)} with stride 1); times in_d × w_c with more input maps and filters`,
    },
    {
      label: 'Input cells never read',
      value: formatCount(counts.unreadInput),
      detail: counts.unreadInput === 0 ? 'every input cell reaches at least one output' : 'dropped at the end, or skipped by a stride longer than the window',
    },
  ];
}
