/**
 * What the views mark for a selected output cell, and the words above and
 * under the four output views. Pure: the input view's highlight (the window,
 * on its feature map), its outlines (the window, and the cells max and min
 * pooling kept) and, in 3D, where the block is cut open so the window's top
 * layer shows.
 */
import type { CellRange, HighlightSpec, SliceSpec } from '../../src/viz/three/voxel-view.ts';
import type { Dims } from './feature-maps.ts';
import type { PoolKind } from './pooling.ts';
import type { WindowDetails } from './selection.ts';

export interface InputMarks {
  readonly slice: SliceSpec | null;
  readonly highlight: HighlightSpec;
  readonly boxes: readonly CellRange[];
}

export function inputMarks(details: WindowDetails, dims: Dims): InputMarks {
  const d = details.cell[3];
  const single = (cell: readonly number[]): CellRange => ({ from: [cell[1]!, cell[2]!, cell[3]!], to: [cell[1]!, cell[2]!, cell[3]!], maps: [d] });
  const window: CellRange = { from: details.from, to: details.to, maps: [d] };
  const boxes: CellRange[] = [window];
  // A 1-cell window is its own selected cell: no smaller outline to draw.
  if (details.values.length > 1) {
    boxes.push(single(details.picked.max));
    if (details.picked.min.some((v, i) => v !== details.picked.max[i])) boxes.push(single(details.picked.min));
  }
  return {
    slice: dims === 3 ? { axis: 'z', index: details.to[2], mode: 'upTo' } : null,
    highlight: window,
    boxes,
  };
}

/** The formula over each output view, its terms linked to eq. 6. */
export const OUTPUT_FORMULAS: Readonly<Record<PoolKind, string>> = {
  max: String.raw`\term{H}{H^m} = \term{pool}{\max_{\text{window}}}\, v`,
  avg: String.raw`\term{H}{H^m} = \term{pool}{\tfrac{1}{n}\textstyle\sum_{\text{window}}}\, v`,
  min: String.raw`\term{H}{H^m} = \term{pool}{\min_{\text{window}}}\, v`,
  l2: String.raw`\term{H}{H^m} = \term{pool}{\sqrt{\textstyle\sum_{\text{window}} v^2}}`,
};

export const OUTPUT_TITLES: Readonly<Record<PoolKind, string>> = {
  max: 'Max pooling: the largest value of each window.',
  avg: 'Average pooling: the mean of each window.',
  min: 'Min pooling: the smallest value of each window.',
  l2: 'L2-norm pooling: the square root of the sum of squares.',
};

export const OUTPUT_CAPTIONS: Readonly<Record<PoolKind, string>> = {
  max: 'Same colour scale as the feature maps it pools.',
  avg: 'Same colour scale as the feature maps it pools.',
  min: 'Same colour scale as the feature maps it pools.',
  l2: 'Its own colour scale: the norm of a window is at least its largest magnitude and at most √n times it, n the cells in the window.',
};
