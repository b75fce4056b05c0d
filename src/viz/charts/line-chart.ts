/**
 * Line chart of several series: loss curves that grow every training step,
 * activation functions and their derivatives with the "active zone" shaded.
 *
 *   const chart = createLineChart(el, { series: [{ name: 'training loss', y: losses }] },
 *     { title: 'Loss', xLabel: 'epoch', yLabel: 'cross-entropy', yScale: 'log' });
 *   chart.update({ series: [{ name: 'training loss', y: moreLosses }] });   // in place
 *   invalidation.then(chart.dispose);
 *
 * A series' points are (x[i], y[i]), or (i, y[i]) without x. Non-finite
 * points (and non-positive ones on a log scale) break the line.
 */
import { bisectCenter, line, scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3';
import { formatValue } from '../paint/format.ts';
import { seriesColor } from '../paint/palette.ts';
import { createAxes, drawAxes } from './axes.ts';
import { createChartFrame } from './chart-frame.ts';
import { pointerIn } from './pointer.ts';
import { drawSeriesLegend } from './series-legend.ts';
import { seriesExtent } from './series-extent.ts';

export interface LineSeries {
  name: string;
  y: ArrayLike<number>;
  x?: ArrayLike<number>;
  color?: string;
  dashed?: boolean;
}

export interface Band {
  from: number;
  to: number;
  label?: string;
}

export interface LineChartData {
  series: readonly LineSeries[];
  /** Shaded x interval, e.g. where an activation is not saturated. */
  band?: Band | null;
}

export interface LineChartOptions {
  title?: string;
  /** Axis titles, with units: "epoch", "loss (cross-entropy)". */
  xLabel?: string;
  yLabel?: string;
  yScale?: 'linear' | 'log';
  /** Fixed domains (default: the data's, y padded a little). */
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
  /** What the chart shows, for the text alternative ("training loss per epoch"). */
  description?: string;
}

export interface LineChart {
  readonly node: HTMLElement;
  update(data: LineChartData): void;
  dispose(): void;
}

const MARGIN = { top: 14, right: 18, bottom: 44, left: 60 };

export function createLineChart(container: HTMLElement, data: LineChartData, options: LineChartOptions = {}): LineChart {
  const frame = createChartFrame(container, { title: options.title, className: 'viz-chart--line', margin: MARGIN, legend: true, aspect: 1.8, focusable: true });
  const { plot } = frame;
  const bandRect = plot.append('rect').attr('class', 'band');
  const bandLabel = plot.append('text').attr('class', 'band-label').attr('text-anchor', 'middle');
  const axes = createAxes(plot, options.xLabel ?? 'x', options.yLabel ?? 'y');
  const lines = plot.append('g').attr('class', 'lines');
  const rule = plot.append('line').attr('class', 'rule').attr('display', 'none');
  const dots = plot.append('g').attr('class', 'dots');
  const hit = plot.append('rect').attr('fill', 'transparent');
  const x = scaleLinear();
  const logY = options.yScale === 'log';
  const y: ScaleLinear<number, number> | ScaleLogarithmic<number, number> = logY ? scaleLog() : scaleLinear();
  let current = data;
  let hoverIndex = -1;

  const xs = (s: LineSeries, i: number) => (s.x ? s.x[i]! : i);
  const ok = (v: number) => Number.isFinite(v) && (!logY || v > 0);
  const colorOf = (s: LineSeries, i: number) => s.color ?? seriesColor(i);

  function describe(d: LineChartData): void {
    const parts = d.series.map((s) => {
      const n = s.y.length;
      const last = n > 0 ? formatValue(s.y[n - 1]!) : 'no points';
      return `${s.name} (${n} points, last ${last})`;
    });
    const band = d.band ? `; shaded from ${formatValue(d.band.from)} to ${formatValue(d.band.to)}${d.band.label ? ` (${d.band.label})` : ''}` : '';
    frame.setSummary(`${options.description ?? 'Line chart'}: ${parts.join('; ') || 'no series'}${band}. x: ${options.xLabel ?? 'x'}, y: ${options.yLabel ?? 'y'}.`);
  }

  function render(): void {
    const { innerWidth: w, innerHeight: h } = frame.size;
    const ext = seriesExtent(current.series, logY);
    const [x0, x1] = options.xDomain ?? ext.x;
    x.domain([x0, x1]).range([0, w]);
    if (options.yDomain) y.domain([options.yDomain[0], options.yDomain[1]]);
    else y.domain(ext.y);
    y.range([h, 0]);
    // A log axis keeps the data's extent: nicing it to whole decades wastes most of the height.
    if (!options.yDomain && !logY) y.nice();
    drawAxes(axes, x, y, { innerWidth: w, innerHeight: h, left: MARGIN.left, bottom: MARGIN.bottom });

    const band = current.band;
    if (band) {
      const a = Math.max(0, Math.min(w, x(band.from)));
      const b = Math.max(0, Math.min(w, x(band.to)));
      bandRect.attr('display', null).attr('x', Math.min(a, b)).attr('width', Math.abs(b - a)).attr('y', 0).attr('height', h);
      bandLabel.attr('display', null).attr('x', (a + b) / 2).attr('y', 12).text(band.label ?? '');
    } else {
      bandRect.attr('display', 'none');
      bandLabel.attr('display', 'none');
    }

    lines
      .selectAll<SVGPathElement, LineSeries>('path')
      .data(current.series, (s) => s.name)
      .join('path')
      .attr('class', 'curve')
      .style('stroke', (s, i) => colorOf(s, i))
      .style('stroke-dasharray', (s) => (s.dashed ? '6 4' : null))
      .attr('d', (s) => {
        const idx = Array.from({ length: s.y.length }, (_, i) => i);
        return line<number>()
          .defined((i) => ok(s.y[i]!) && Number.isFinite(xs(s, i)))
          .x((i) => x(xs(s, i)))
          .y((i) => y(s.y[i]!))(idx);
      });
    hit.attr('width', w).attr('height', h);
    showHover();
  }

  function nearestIndex(px: number): number {
    const s = current.series[0];
    if (!s || s.y.length === 0) return -1;
    const v = x.invert(px);
    if (!s.x) return Math.max(0, Math.min(s.y.length - 1, Math.round(v)));
    return bisectCenter(Array.from(s.x), v);
  }

  function showHover(): void {
    const s0 = current.series[0];
    if (hoverIndex < 0 || !s0 || hoverIndex >= s0.y.length) {
      rule.attr('display', 'none');
      dots.selectAll('circle').remove();
      frame.setReadout('Point at the chart, or focus it and use ← →, to read the values.');
      return;
    }
    const xv = xs(s0, hoverIndex);
    rule.attr('display', null).attr('x1', x(xv)).attr('x2', x(xv)).attr('y1', 0).attr('y2', frame.size.innerHeight);
    const points = current.series
      .map((s, i) => ({ s, i, v: hoverIndex < s.y.length ? s.y[hoverIndex]! : Number.NaN }))
      .filter((p) => ok(p.v));
    dots
      .selectAll('circle')
      .data(points)
      .join('circle')
      .attr('r', 3.5)
      .attr('class', 'marker')
      .attr('cx', x(xv))
      .attr('cy', (p) => y(p.v))
      .style('fill', (p) => colorOf(p.s, p.i));
    const values = current.series.map((s) => `${s.name} ${formatValue(hoverIndex < s.y.length ? s.y[hoverIndex]! : Number.NaN)}`);
    frame.setReadout(`${options.xLabel ?? 'x'} ${formatValue(xv)}: ${values.join(', ')}`);
  }

  hit.on('pointermove', (event: PointerEvent) => {
    hoverIndex = nearestIndex(pointerIn(event, hit.node()!)[0]);
    showHover();
  });
  hit.on('pointerleave', () => {
    hoverIndex = -1;
    showHover();
  });
  frame.svg.on('keydown', (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const n = current.series[0]?.y.length ?? 0;
    hoverIndex = hoverIndex < 0 ? n - 1 : Math.max(0, Math.min(n - 1, hoverIndex + (event.key === 'ArrowRight' ? 1 : -1)));
    showHover();
  });

  function setData(d: LineChartData): void {
    current = d;
    if (frame.legend) drawSeriesLegend(frame.legend, d.series.map((s, i) => ({ name: s.name, color: colorOf(s, i), dashed: s.dashed })));
    describe(d);
  }

  setData(data);
  frame.observe(render);
  return {
    node: frame.root,
    update(next) {
      if (frame.disposed) return;
      setData(next);
      render();
    },
    dispose: () => frame.dispose(),
  };
}
