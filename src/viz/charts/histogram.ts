/**
 * Histogram of samples, with an optional overlaid density curve (e.g. the
 * truncated normal the tutorial initialises weights from) and reference
 * markers (e.g. the truncation bounds).
 *
 *   const h = createHistogram(el, { values: w.data, curve: { x, y, label: 'truncated normal' } }, { title: 'Initial weights' });
 *   invalidation.then(h.dispose);
 */
import { line, scaleLinear, type Selection } from 'd3';
import { finiteExtent, niceExtent } from '../paint/domain.ts';
import { formatCount, formatValue } from '../paint/format.ts';
import { seriesColor } from '../paint/palette.ts';
import { createAxes, drawAxes } from './axes.ts';
import { createChartFrame } from './chart-frame.ts';
import { barHeights, binValues, defaultBinCount, equalEdges, type Bins } from './histogram-bins.ts';
import { pointerIn } from './pointer.ts';
import { drawSeriesLegend } from './series-legend.ts';

export interface HistogramData {
  values: ArrayLike<number>;
  /** Number of equal bins (default Sturges, 10..60) or explicit edges. */
  bins?: number | readonly number[];
  /** Range the bins cover (default: the samples' nice extent). */
  domain?: readonly [number, number];
  /** Density curve to overlay, in the same units as the bars (density). */
  curve?: { x: ArrayLike<number>; y: ArrayLike<number>; label: string } | null;
  /** Vertical reference lines. */
  markers?: readonly { at: number; label: string }[];
  /** Name of the samples in the text alternative ("initial weights"). */
  name?: string;
}

export interface HistogramOptions {
  title?: string;
  xLabel?: string;
  /** Default: "density" or "count", following `normalize`. */
  yLabel?: string;
  /** Bars as counts, or as densities comparable with a curve (default: density when a curve is given). */
  normalize?: 'count' | 'density';
  /** What the read-out says while no bar is pointed at; small multiples pass '' so the hint is said once, by their caption. */
  hint?: string;
}

export interface Histogram {
  readonly node: HTMLElement;
  update(data: HistogramData): void;
  dispose(): void;
}

const MARGIN = { top: 12, right: 16, bottom: 44, left: 56 };
const CURVE_COLOR = seriesColor(1);

export function createHistogram(container: HTMLElement, data: HistogramData, options: HistogramOptions = {}): Histogram {
  const frame = createChartFrame(container, { title: options.title, className: 'viz-chart--histogram', margin: MARGIN, legend: true, aspect: 1.8, focusable: true });
  const { plot } = frame;
  const normalize = () => options.normalize ?? (current.curve ? 'density' : 'count');
  const axes = createAxes(plot, options.xLabel ?? 'value', '');
  const bars = plot.append('g').attr('class', 'bars');
  const markerLayer = plot.append('g').attr('class', 'markers');
  const curvePath = plot.append('path').attr('class', 'curve').style('stroke', CURVE_COLOR);
  const hit = plot.append('rect').attr('fill', 'transparent');
  const x = scaleLinear();
  const y = scaleLinear();
  let current = data;
  let bins: Bins = binValues([], [0, 1]);
  let heights: number[] = [];
  let active = -1;

  function setData(d: HistogramData): void {
    current = d;
    const ext = finiteExtent(d.values);
    const [lo, hi] = d.domain ?? (ext ? niceExtent(ext[0], ext[1]) : [0, 1]);
    const edges = Array.isArray(d.bins) ? (d.bins as number[]) : equalEdges(lo, hi, typeof d.bins === 'number' ? d.bins : defaultBinCount(d.values.length));
    bins = binValues(d.values, edges);
    heights = barHeights(bins, normalize());
    axes.yTitle.text(options.yLabel ?? normalize());
    if (frame.legend) drawSeriesLegend(frame.legend, d.curve ? [{ name: d.curve.label, color: CURVE_COLOR }] : []);
    const apart = [
      bins.outside ? `${formatCount(bins.outside)} outside the bins` : '',
      bins.nonFinite ? `${formatCount(bins.nonFinite)} not finite` : '',
    ].filter(Boolean);
    frame.setSummary(
      `Histogram of ${formatCount(d.values.length)} ${d.name ?? 'samples'} in ${bins.counts.length} bins from ${formatValue(edges[0]!)} to ${formatValue(edges[edges.length - 1]!)}` +
        (d.curve ? `, with the ${d.curve.label} overlaid` : '') +
        (apart.length ? ` (${apart.join(', ')})` : '') +
        '.',
    );
  }

  function render(): void {
    const { innerWidth: w, innerHeight: h } = frame.size;
    const edges = bins.edges;
    x.domain([edges[0]!, edges[edges.length - 1]!]).range([0, w]);
    let top = Math.max(1e-12, ...heights);
    const curve = current.curve;
    if (curve) for (let i = 0; i < curve.y.length; i++) if (Number.isFinite(curve.y[i]!)) top = Math.max(top, curve.y[i]!);
    y.domain([0, top * 1.08]).range([h, 0]).nice();
    drawAxes(axes, x, y, { innerWidth: w, innerHeight: h, left: MARGIN.left, bottom: MARGIN.bottom });
    bars
      .selectAll('rect')
      .data(heights)
      .join('rect')
      .attr('class', (_, i) => (i === active ? 'bar bar--active' : 'bar'))
      .attr('x', (_, i) => x(edges[i]!) + 0.5)
      .attr('width', (_, i) => Math.max(0.5, x(edges[i + 1]!) - x(edges[i]!) - 1))
      .attr('y', (v) => y(v))
      .attr('height', (v) => Math.max(0, h - y(v)));
    if (curve) {
      const points = Array.from({ length: curve.x.length }, (_, i) => [curve.x[i]!, curve.y[i]!] as [number, number]);
      curvePath.attr('display', null).attr(
        'd',
        line()
          .defined(([a, b]) => Number.isFinite(a) && Number.isFinite(b))
          .x(([a]) => x(a))
          .y(([, b]) => y(b))(points),
      );
    } else {
      curvePath.attr('display', 'none');
    }
    drawMarkers(markerLayer, current.markers ?? [], x, h);
    hit.attr('width', w).attr('height', h);
  }

  function setActive(i: number): void {
    active = i;
    bars.selectAll<SVGRectElement, number>('rect').attr('class', (_, k) => (k === active ? 'bar bar--active' : 'bar'));
    if (i < 0) {
      frame.setReadout(options.hint ?? 'Point at a bar, or focus the chart and use ← →, to read its bin.');
      return;
    }
    const last = i === bins.counts.length - 1 ? ']' : ')';
    const value = normalize() === 'density' ? `, density ${formatValue(heights[i]!)}` : '';
    frame.setReadout(`[${formatValue(bins.edges[i]!)}, ${formatValue(bins.edges[i + 1]!)}${last}: ${formatCount(bins.counts[i]!)} samples${value}`);
  }

  hit.on('pointermove', (event: PointerEvent) => {
    const [px] = pointerIn(event, hit.node()!);
    const v = x.invert(px);
    const i = bins.edges.findIndex((e, k) => k < bins.edges.length - 1 && v >= e && v <= bins.edges[k + 1]!);
    setActive(i);
  });
  hit.on('pointerleave', () => setActive(-1));
  frame.svg.on('keydown', (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const n = bins.counts.length;
    setActive(active < 0 ? 0 : Math.max(0, Math.min(n - 1, active + (event.key === 'ArrowRight' ? 1 : -1))));
  });

  setData(data);
  setActive(-1);
  frame.observe(render);
  return {
    node: frame.root,
    update(next) {
      if (frame.disposed) return;
      setData(next);
      if (active >= bins.counts.length) active = -1;
      render();
      setActive(active);
    },
    dispose: () => frame.dispose(),
  };
}

function drawMarkers(layer: Selection<SVGGElement, unknown, null, undefined>, markers: readonly { at: number; label: string }[], x: (v: number) => number, h: number): void {
  const g = layer
    .selectAll<SVGGElement, { at: number; label: string }>('g')
    .data(markers)
    .join((enter) => {
      const m = enter.append('g');
      m.append('line').attr('class', 'rule');
      m.append('text').attr('class', 'band-label').attr('text-anchor', 'start');
      return m;
    });
  g.attr('transform', (m) => `translate(${x(m.at)},0)`);
  g.select('line').attr('y1', 0).attr('y2', h);
  g.select('text').attr('x', 4).attr('y', 12).text((m) => m.label);
}
