/**
 * A confusion matrix: K x K counts of a classifier's answers, row = true
 * class, column = predicted class, as the training worker reports them per
 * epoch on the validation set. Each cell is coloured by its share of its row
 * (the row's recall on the diagonal), prints its count, and reads out in
 * words; the column on the right gives each class's recall, the title line
 * the overall accuracy.
 *
 *   const cm = createConfusionMatrix(el, { counts, classes: ['horizontal', ...] }, { title: 'Validation' });
 *   cm.update({ counts: next, classes });
 *   invalidation.then(cm.dispose);
 *
 * `confusionStats` is the arithmetic, pure, for the view and for tests.
 */
import { axisLeft, axisTop, scaleBand } from 'd3';
import { colorAt, normalizeValue, rgbCss, textColorOn, type ColormapName, type RGB } from '../paint/colormap.ts';
import { formatCount, formatValue } from '../paint/format.ts';
import { createChartFrame } from './chart-frame.ts';
import { createSvgLegend } from './svg-legend.ts';

export interface ConfusionData {
  /** K * K counts, row-major: counts[t * K + p] samples of true class t predicted as p. */
  counts: ArrayLike<number>;
  /** The K class names, in label order. */
  classes: readonly string[];
}

export interface ConfusionCell {
  /** True class. */
  row: number;
  /** Predicted class. */
  col: number;
  count: number;
  /** count / samples of the true class; null for a class with no samples. */
  share: number | null;
}

export interface ConfusionMatrixOptions {
  title?: string;
  /** Names the set in text: 'validation set'. */
  setName?: string;
  colormap?: ColormapName;
  onHover?: (cell: ConfusionCell | null) => void;
}

export interface ConfusionMatrix {
  readonly node: HTMLElement;
  update(data: ConfusionData): void;
  dispose(): void;
}

export interface ConfusionStats {
  readonly k: number;
  readonly total: number;
  readonly correct: number;
  /** correct / total; null when there are no samples. */
  readonly accuracy: number | null;
  /** Samples per true class (row sums). */
  readonly support: readonly number[];
  /** Diagonal / row sum per class; null for a class with no samples. */
  readonly recall: readonly (number | null)[];
  /** Diagonal / column sum per class; null for a class never predicted. */
  readonly precision: readonly (number | null)[];
  /** Every cell's share of its row. */
  readonly shares: readonly (number | null)[];
  /** The largest off-diagonal count, as [true, predicted, count], or null when every answer is right. */
  readonly worst: readonly [number, number, number] | null;
}

/** Counts checked (K * K finite, non-negative integers) and summarised. */
export function confusionStats(data: ConfusionData): ConfusionStats {
  const k = data.classes.length;
  const counts = data.counts;
  if (k < 1) throw new Error('confusion matrix: give at least one class name');
  if (counts.length !== k * k) throw new Error(`confusion matrix: ${counts.length} counts do not fill ${k} x ${k} classes`);
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (!Number.isInteger(c) || c < 0) throw new Error(`confusion matrix: count ${i} is ${c}; counts are whole numbers from 0`);
  }
  const support = Array.from({ length: k }, (_, t) => {
    let s = 0;
    for (let p = 0; p < k; p++) s += counts[t * k + p]!;
    return s;
  });
  const predicted = Array.from({ length: k }, (_, p) => {
    let s = 0;
    for (let t = 0; t < k; t++) s += counts[t * k + p]!;
    return s;
  });
  let correct = 0;
  let worst: [number, number, number] | null = null;
  for (let t = 0; t < k; t++) {
    correct += counts[t * k + t]!;
    for (let p = 0; p < k; p++) {
      const c = counts[t * k + p]!;
      if (p !== t && c > 0 && (worst === null || c > worst[2])) worst = [t, p, c];
    }
  }
  const total = support.reduce((a, b) => a + b, 0);
  return {
    k,
    total,
    correct,
    accuracy: total > 0 ? correct / total : null,
    support,
    recall: support.map((s, t) => (s > 0 ? counts[t * k + t]! / s : null)),
    precision: predicted.map((s, p) => (s > 0 ? counts[p * k + p]! / s : null)),
    shares: Array.from({ length: k * k }, (_, i) => {
      const s = support[Math.floor(i / k)]!;
      return s > 0 ? counts[i]! / s : null;
    }),
    worst,
  };
}

const percent = (v: number | null): string => (v === null ? 'no samples' : `${formatValue(100 * v, { digits: 3 })} %`);

/** The text alternative: size, accuracy, each class's recall and the most frequent confusion. */
export function describeConfusion(data: ConfusionData, setName = 'the samples'): string {
  const s = confusionStats(data);
  if (s.total === 0) return `A ${s.k} by ${s.k} confusion matrix of ${setName}, with no samples counted yet.`;
  const recalls = data.classes.map((name, t) => `${name} ${percent(s.recall[t]!)}`).join(', ');
  const worst = s.worst ? ` The most frequent confusion: ${formatCount(s.worst[2])} ${data.classes[s.worst[0]]} taken for ${data.classes[s.worst[1]]}.` : ' Every sample is classified correctly.';
  return `A ${s.k} by ${s.k} confusion matrix of ${formatCount(s.total)} samples of ${setName} (rows: true class, columns: predicted class): ${formatCount(s.correct)} correct, accuracy ${percent(s.accuracy)}. Share of each class found: ${recalls}.${worst}`;
}

const MARGIN = { top: 86, right: 132, bottom: 12, left: 96 };
const MAX_CELL = 64;

export function createConfusionMatrix(container: HTMLElement, data: ConfusionData, options: ConfusionMatrixOptions = {}): ConfusionMatrix {
  const mapName: ColormapName = options.colormap ?? 'cividis';
  const setName = options.setName ?? 'the samples';
  const scratch: RGB = [0, 0, 0];
  let current = data;
  let stats = confusionStats(data);
  let cursor: [number, number] | null = null;

  // Room on the left for the longest class name (11 px text, about 6.5 px a character).
  const margin = { ...MARGIN, left: Math.max(MARGIN.left, Math.ceil(24 + 6.5 * Math.max(...data.classes.map((c) => c.length)))) };
  const frame = createChartFrame(container, {
    title: options.title,
    className: 'viz-chart--confusion',
    margin,
    focusable: true,
    heightFor: (width) => Math.min(MAX_CELL, Math.max(8, (width - margin.left - margin.right) / stats.k)) * stats.k + margin.top + margin.bottom,
    minHeight: 120,
    maxHeight: 720,
  });
  const { plot, svg } = frame;
  const cells = plot.append('g');
  const labels = plot.append('g');
  const recallLabels = plot.append('g');
  const xAxis = plot.append('g').attr('class', 'axis');
  const yAxis = plot.append('g').attr('class', 'axis');
  const xTitle = plot.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle').text('predicted class');
  const yTitle = plot.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle').text('true class');
  const recallTitle = plot.append('text').attr('class', 'axis-title').attr('text-anchor', 'start').text('found');
  const cursorRect = plot.append('rect').attr('class', 'cursor').attr('display', 'none');
  const legend = createSvgLegend(svg, plot);
  const xs = scaleBand<number>().padding(0.06);
  const ys = scaleBand<number>().padding(0.06);

  const colour = (share: number | null): RGB | null => (share === null ? null : colorAt(mapName, normalizeValue(share, [0, 1], 'sequential'), scratch));
  const cellText = (i: number): string => formatCount(current.counts[i]!);

  function render(): void {
    const { k } = stats;
    const cell = Math.min(MAX_CELL, Math.max(8, frame.size.innerWidth / k));
    const w = cell * k;
    const index = Array.from({ length: k }, (_, i) => i);
    xs.domain(index).range([0, w]);
    ys.domain(index).range([0, w]);
    const all = Array.from({ length: k * k }, (_, i) => i);
    cells
      .selectAll('rect')
      .data(all)
      .join('rect')
      .attr('x', (i) => xs(i % k)!)
      .attr('y', (i) => ys(Math.floor(i / k))!)
      .attr('width', xs.bandwidth())
      .attr('height', ys.bandwidth())
      .attr('class', (i) => (i % k === Math.floor(i / k) ? 'diagonal' : null))
      .style('fill', (i) => {
        const c = colour(stats.shares[i]!);
        return c ? rgbCss(c) : 'none';
      })
      .style('stroke', (i) => (stats.shares[i] === null ? 'currentColor' : null))
      .on('pointerenter', (_event: PointerEvent, i: number) => setCursor([Math.floor(i / k), i % k]));
    const show = cell >= 22;
    labels
      .selectAll('text')
      .data(show ? all : [])
      .join('text')
      .attr('class', 'cell-value')
      .attr('x', (i) => xs(i % k)! + xs.bandwidth() / 2)
      .attr('y', (i) => ys(Math.floor(i / k))! + ys.bandwidth() / 2)
      .style('fill', (i) => {
        const c = colour(stats.shares[i]!);
        return c ? textColorOn(c) : 'currentColor';
      })
      .text(cellText);
    recallLabels
      .selectAll('text')
      .data(index)
      .join('text')
      .attr('class', 'cell-value')
      .style('text-anchor', 'start')
      .style('fill', 'currentColor')
      .attr('x', w + 8)
      .attr('y', (t) => ys(t)! + ys.bandwidth() / 2)
      .text((t) => (stats.recall[t] === null ? '—' : `${formatValue(100 * stats.recall[t]!, { digits: 3 })} %`));
    const name = (i: number) => current.classes[i] ?? String(i);
    xAxis.call(axisTop(xs).tickFormat(name).tickSizeOuter(0));
    xAxis.selectAll<SVGTextElement, number>('.tick text').attr('text-anchor', 'start').attr('transform', 'rotate(-35)').attr('dx', '0.2em');
    yAxis.call(axisLeft(ys).tickFormat(name).tickSizeOuter(0));
    xTitle.attr('x', w / 2).attr('y', -MARGIN.top + 12);
    yTitle.attr('transform', `translate(${-margin.left + 12},${w / 2}) rotate(-90)`);
    recallTitle.attr('x', w + 8).attr('y', -8);
    legend.update(mapName, [0, 1], w + 62, Math.max(w, 60), 'share of row');
    frame.setSummary(describeConfusion(current, setName));
    drawCursor();
  }

  function drawCursor(): void {
    if (!cursor) {
      cursorRect.attr('display', 'none');
      frame.setReadout(
        stats.total === 0
          ? 'No samples counted yet.'
          : `Accuracy ${percent(stats.accuracy)} (${formatCount(stats.correct)} of ${formatCount(stats.total)}). Point at a cell, or focus the matrix and use the arrow keys, to read it.`,
      );
      return;
    }
    const [t, p] = cursor;
    const k = stats.k;
    const count = current.counts[t * k + p]!;
    cursorRect.attr('display', null).attr('x', xs(p)!).attr('y', ys(t)!).attr('width', xs.bandwidth()).attr('height', ys.bandwidth());
    const of = `${formatCount(count)} of ${formatCount(stats.support[t]!)} ${current.classes[t]} samples`;
    frame.setReadout(t === p ? `${of} classified correctly (${percent(stats.shares[t * k + p]!)})` : `${of} taken for ${current.classes[p]} (${percent(stats.shares[t * k + p]!)})`);
  }

  function setCursor(next: [number, number] | null): void {
    cursor = next;
    drawCursor();
    if (options.onHover) {
      if (!next) options.onHover(null);
      else {
        const i = next[0] * stats.k + next[1];
        options.onHover({ row: next[0], col: next[1], count: current.counts[i]!, share: stats.shares[i]! });
      }
    }
  }

  cells.on('pointerleave', () => {
    if (document.activeElement !== svg.node()) setCursor(null);
  });
  svg.on('keydown', (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    const m = moves[event.key];
    if (m) {
      event.preventDefault();
      const k = stats.k;
      const [r, c] = cursor ?? [0, 0];
      setCursor(cursor ? [Math.max(0, Math.min(k - 1, r + m[0])), Math.max(0, Math.min(k - 1, c + m[1]))] : [0, 0]);
    } else if (event.key === 'Escape') setCursor(null);
  });

  frame.observe(render);
  return {
    node: frame.root,
    update(next) {
      if (frame.disposed) return;
      const k = stats.k;
      const nextStats = confusionStats(next);
      current = next;
      stats = nextStats;
      if (cursor && (cursor[0] >= stats.k || cursor[1] >= stats.k)) cursor = null;
      if (k !== stats.k) frame.observe(render);
      else render();
    },
    dispose: () => frame.dispose(),
  };
}
