/**
 * The K scores s_k that the softmax is given and the probabilities p-hat(k)
 * it returns, as two bar charts side by side (one above the other on a
 * narrow screen). With `onDrag`, a score bar can be dragged up and down: the
 * chart reports the value under the pointer and the chapter moves the
 * matching slider, which stays the keyboard way to set it. The chart only
 * draws what the chapter computed.
 */
import { axisBottom, axisLeft, scaleBand, scaleLinear } from 'd3';
import { createChartFrame } from '../../src/viz/charts/chart-frame.ts';
import { pointerIn } from '../../src/viz/charts/pointer.ts';
import { formatValue } from '../../src/viz/paint/format.ts';
import { seriesColor } from '../../src/viz/paint/palette.ts';
import { formatPercent } from './format.ts';

export interface ScoreData {
  /** s_k as the softmax gets them. */
  readonly scores: readonly number[];
  /** The score axis, [lo, hi]. */
  readonly domain: readonly [number, number];
  readonly probabilities: readonly number[];
  /** One short name per class, under the bars. */
  readonly names: readonly string[];
  /** Class to mark (the true one), or null. */
  readonly marked?: number | null;
  readonly summary: string;
}

export interface ScoreChartOptions {
  readonly title?: string;
  /** Called with the class k - 1 and the score under the pointer while a bar is dragged. */
  readonly onDrag?: (k: number, score: number) => void;
}

export interface ScoreChart {
  readonly node: HTMLElement;
  update(data: ScoreData): void;
  dispose(): void;
}

const MARGIN = { top: 26, right: 12, bottom: 40, left: 48 };
const NARROW = 520;
const PANEL = 190;
const BETWEEN = 64;

export function createScoreChart(container: HTMLElement, data: ScoreData, options: ScoreChartOptions = {}): ScoreChart {
  let current = data;
  const narrow = (width: number): boolean => width < NARROW;
  const frame = createChartFrame(container, {
    title: options.title,
    className: 'viz-chart--scores',
    margin: MARGIN,
    heightFor: (width) => (narrow(width) ? 2 * PANEL + BETWEEN : PANEL) + MARGIN.top + MARGIN.bottom,
    minHeight: 120,
    maxHeight: 700,
  });
  const { plot } = frame;
  const scorePanel = plot.append('g').attr('class', 'scores-panel');
  const probPanel = plot.append('g').attr('class', 'probs-panel');
  const sAxis = scorePanel.append('g').attr('class', 'axis');
  const sNames = scorePanel.append('g').attr('class', 'axis');
  const sBase = scorePanel.append('line').attr('class', 'score-baseline');
  const sTitle = scorePanel.append('text').attr('class', 'axis-title').attr('text-anchor', 'start');
  const sBars = scorePanel.append('g');
  const sValues = scorePanel.append('g');
  const sHit = scorePanel.append('g');
  const pAxis = probPanel.append('g').attr('class', 'axis');
  const pBase = probPanel.append('g').attr('class', 'axis');
  const pTitle = probPanel.append('text').attr('class', 'axis-title').attr('text-anchor', 'start');
  const pBars = probPanel.append('g');
  const pValues = probPanel.append('g');
  const sy = scaleLinear();
  const py = scaleLinear().domain([0, 1]);
  const bx = scaleBand<number>().padding(0.28);
  let dragging = -1;
  const valueAt = (event: PointerEvent): number => {
    const [, y] = pointerIn(event, scorePanel.node()!);
    return sy.invert(Math.max(0, Math.min(PANEL, y)));
  };

  function render(): void {
    const { innerWidth, width } = frame.size;
    const stacked = narrow(width);
    const panelWidth = stacked ? innerWidth : (innerWidth - BETWEEN) / 2;
    const k = current.scores.length;
    const idx = Array.from({ length: k }, (_, i) => i);
    bx.domain(idx).range([0, panelWidth]);
    sy.domain([current.domain[0], current.domain[1]]).range([PANEL, 0]);
    py.range([PANEL, 0]);
    scorePanel.attr('transform', 'translate(0,0)');
    probPanel.attr('transform', stacked ? `translate(0,${PANEL + BETWEEN})` : `translate(${panelWidth + BETWEEN},0)`);
    const base = Math.min(Math.max(0, current.domain[0]), current.domain[1]);
    const names = (i: number) => current.names[i] ?? `k = ${i + 1}`;

    sAxis.call(axisLeft(sy).ticks(5).tickFormat((v) => formatValue(Number(v))).tickSizeOuter(0));
    sNames.attr('transform', `translate(0,${PANEL})`).call(axisBottom(bx).tickFormat((i) => `s${String.fromCharCode(0x2080 + i + 1)}`).tickSizeOuter(0));
    sBase.attr('x1', 0).attr('x2', panelWidth).attr('y1', sy(base)).attr('y2', sy(base));
    sTitle.attr('x', -MARGIN.left + 4).attr('y', -12).text('scores s_k given to the softmax');
    const colour = (i: number) => seriesColor(i);
    sBars
      .selectAll<SVGRectElement, number>('rect')
      .data(idx)
      .join('rect')
      .attr('class', (i) => `score-bar${i === current.marked ? ' is-marked' : ''}`)
      .attr('x', (i) => bx(i)!)
      .attr('width', bx.bandwidth())
      .attr('y', (i) => Math.min(sy(current.scores[i]!), sy(base)))
      .attr('height', (i) => Math.max(1, Math.abs(sy(current.scores[i]!) - sy(base))))
      .style('fill', colour);
    sValues
      .selectAll<SVGTextElement, number>('text')
      .data(idx)
      .join('text')
      .attr('class', 'bar-value')
      .attr('x', (i) => bx(i)! + bx.bandwidth() / 2)
      .attr('y', (i) => (current.scores[i]! >= base ? sy(current.scores[i]!) - 4 : sy(current.scores[i]!) + 12))
      .attr('text-anchor', 'middle')
      .text((i) => formatValue(current.scores[i]!, { digits: current.domain[1] > 100 ? 5 : 3 }));
    sHit
      .selectAll<SVGRectElement, number>('rect')
      .data(options.onDrag ? idx : [])
      .join((enter) =>
        enter
          .append('rect')
          .on('pointerdown', (event: PointerEvent, i: number) => {
            dragging = i;
            (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
            options.onDrag?.(i, valueAt(event));
          })
          .on('pointermove', (event: PointerEvent) => {
            if (dragging >= 0) options.onDrag?.(dragging, valueAt(event));
          })
          .on('pointerup pointercancel', () => {
            dragging = -1;
          }),
      )
      .attr('class', 'drag-target')
      .attr('x', (i) => bx(i)! - (bx.step() * bx.paddingInner()) / 2)
      .attr('width', bx.step())
      .attr('y', 0)
      .attr('height', PANEL)
      .attr('fill', 'transparent');

    pAxis.call(axisLeft(py).ticks(5).tickFormat((v) => formatValue(Number(v))).tickSizeOuter(0));
    pBase.attr('transform', `translate(0,${PANEL})`).call(axisBottom(bx).tickFormat((i) => names(i)).tickSizeOuter(0));
    pTitle.attr('x', -MARGIN.left + 4).attr('y', -12).text('probabilities p̂(k)');
    pBars
      .selectAll<SVGRectElement, number>('rect')
      .data(idx)
      .join('rect')
      .attr('class', (i) => `score-bar${i === current.marked ? ' is-marked' : ''}`)
      .attr('x', (i) => bx(i)!)
      .attr('width', bx.bandwidth())
      .attr('y', (i) => py(current.probabilities[i]!))
      .attr('height', (i) => Math.max(1, PANEL - py(current.probabilities[i]!)))
      .style('fill', colour);
    pValues
      .selectAll<SVGTextElement, number>('text')
      .data(idx)
      .join('text')
      .attr('class', 'bar-value')
      .attr('x', (i) => bx(i)! + bx.bandwidth() / 2)
      .attr('y', (i) => py(current.probabilities[i]!) - 4)
      .attr('text-anchor', 'middle')
      .text((i) => formatPercent(current.probabilities[i]!));
    frame.setSummary(current.summary);
  }

  frame.observe(render);
  frame.setReadout(options.onDrag ? 'Drag a score bar up or down, or use the sliders, to change s_k.' : '');
  return {
    node: frame.root,
    update(next) {
      if (frame.disposed) return;
      current = next;
      render();
    },
    dispose: () => frame.dispose(),
  };
}
