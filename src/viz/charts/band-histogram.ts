/**
 * Histogram of counts binned by the caller and split into classes (stacked
 * bars), over a shaded band: pre-activations with the active zone of the
 * activation function behind them, split into units inside and outside it.
 * Samples beyond the first and last bin are counted at the edges (an arrow
 * and a number) rather than dropped.
 *
 *   const h = createBandHistogram(el, {
 *     bins: [{ x0: -1, x1: 0, counts: [3, 9] }, ...],
 *     classes: [{ name: 'active', color: '#0072b2' }, { name: 'dead', color: '#d55e00' }],
 *     band: { from: 0, to: Infinity, label: 'active zone' },
 *   }, { title: 'Pre-activations', xLabel: 'z' });
 *   invalidation.then(h.dispose);
 *
 * Presentation only: the chapter bins and classifies the samples.
 */
import { scaleLinear } from 'd3';
import { formatCount, formatValue } from '../paint/format.ts';
import { createAxes, drawAxes } from './axes.ts';
import { createChartFrame } from './chart-frame.ts';
import type { Band } from './line-chart.ts';
import { pointerIn } from './pointer.ts';
import { drawSeriesLegend } from './series-legend.ts';

export interface BandHistogramClass {
  name: string;
  color: string;
}

export interface BandHistogramBin {
  x0: number;
  x1: number;
  /** One count per class, in the order of `classes`. */
  counts: readonly number[];
}

export interface BandHistogramData {
  bins: readonly BandHistogramBin[];
  classes: readonly BandHistogramClass[];
  /** Shaded x interval behind the bars (its ends may be infinite). */
  band?: Band | null;
  /** Samples below the first bin and above the last. */
  under?: number;
  over?: number;
  /** Name of the samples in the text alternative ("pre-activations"). */
  name?: string;
}

export interface BandHistogramOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Width / height (default 2.2). */
  aspect?: number;
}

export interface BandHistogram {
  readonly node: HTMLElement;
  update(data: BandHistogramData): void;
  dispose(): void;
}

interface Segment {
  key: string;
  bin: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  color: string;
}

const MARGIN = { top: 22, right: 16, bottom: 44, left: 56 };

function total(bin: BandHistogramBin): number {
  let sum = 0;
  for (const c of bin.counts) sum += c;
  return sum;
}

export function createBandHistogram(container: HTMLElement, data: BandHistogramData, options: BandHistogramOptions = {}): BandHistogram {
  const frame = createChartFrame(container, { title: options.title, className: 'viz-chart--band-histogram', margin: MARGIN, legend: true, aspect: options.aspect ?? 2.2, focusable: true });
  const { plot } = frame;
  const bandRect = plot.append('rect').attr('class', 'band');
  const bandLabel = plot.append('text').attr('class', 'band-label').attr('text-anchor', 'middle');
  const axes = createAxes(plot, options.xLabel ?? 'value', options.yLabel ?? 'count');
  const bars = plot.append('g').attr('class', 'bars');
  const under = plot.append('text').attr('class', 'band-label overflow overflow--under').attr('text-anchor', 'start');
  const over = plot.append('text').attr('class', 'band-label overflow overflow--over').attr('text-anchor', 'end');
  const cursor = plot.append('rect').attr('class', 'cursor').attr('display', 'none');
  const hit = plot.append('rect').attr('fill', 'transparent');
  const x = scaleLinear();
  const y = scaleLinear();
  let current = data;
  let active = -1;

  function describe(d: BandHistogramData): void {
    const units = d.bins.reduce((s, b) => s + total(b), 0) + (d.under ?? 0) + (d.over ?? 0);
    const perClass = d.classes.map((c, k) => `${formatCount(d.bins.reduce((s, b) => s + (b.counts[k] ?? 0), 0))} ${c.name}`);
    const first = d.bins[0];
    const last = d.bins[d.bins.length - 1];
    const range = first && last ? ` in ${d.bins.length} bins from ${formatValue(first.x0)} to ${formatValue(last.x1)}` : '';
    const beyond = [d.under ? `${formatCount(d.under)} below` : '', d.over ? `${formatCount(d.over)} above` : ''].filter(Boolean);
    const band = d.band ? `; shaded from ${formatValue(d.band.from)} to ${formatValue(d.band.to)}${d.band.label ? ` (${d.band.label})` : ''}` : '';
    frame.setSummary(
      `Histogram of ${formatCount(units)} ${d.name ?? 'samples'}${range}: ${perClass.join(', ')} in the bins` +
        (beyond.length ? `, ${beyond.join(' and ')} the range` : '') +
        `${band}.`,
    );
    if (frame.legend) drawSeriesLegend(frame.legend, d.classes.map((c) => ({ name: c.name, color: c.color })));
  }

  function render(): void {
    const { innerWidth: w, innerHeight: h } = frame.size;
    const bins = current.bins;
    const lo = bins[0]?.x0 ?? 0;
    const hi = bins[bins.length - 1]?.x1 ?? 1;
    x.domain([lo, hi]).range([0, w]);
    const top = Math.max(1, ...bins.map(total));
    y.domain([0, top * 1.05]).range([h, 0]).nice();
    drawAxes(axes, x, y, { innerWidth: w, innerHeight: h, left: MARGIN.left, bottom: MARGIN.bottom });

    const band = current.band;
    if (band) {
      // Clamp to the range before scaling: an infinite end (ReLU's zone) would scale to NaN.
      const a = x(Math.max(lo, Math.min(hi, band.from)));
      const b = x(Math.max(lo, Math.min(hi, band.to)));
      bandRect.attr('display', null).attr('x', Math.min(a, b)).attr('width', Math.abs(b - a)).attr('y', 0).attr('height', h);
      bandLabel.attr('display', null).attr('x', (a + b) / 2).attr('y', -7).text(band.label ?? '');
    } else {
      bandRect.attr('display', 'none');
      bandLabel.attr('display', 'none');
    }

    const segments: Segment[] = [];
    bins.forEach((bin, i) => {
      let base = 0;
      bin.counts.forEach((count, k) => {
        if (count > 0) {
          segments.push({ key: `${i}:${k}`, bin: i, x0: bin.x0, x1: bin.x1, y0: base, y1: base + count, color: current.classes[k]?.color ?? 'currentColor' });
        }
        base += count;
      });
    });
    bars
      .selectAll<SVGRectElement, Segment>('rect')
      .data(segments, (s) => s.key)
      .join('rect')
      .attr('class', 'bar')
      .attr('x', (s) => x(s.x0) + 0.5)
      .attr('width', (s) => Math.max(0.5, x(s.x1) - x(s.x0) - 1))
      .attr('y', (s) => y(s.y1))
      .attr('height', (s) => Math.max(0, y(s.y0) - y(s.y1)))
      .style('fill', (s) => s.color);

    under.attr('x', 2).attr('y', -7).text(current.under ? `◀ ${formatCount(current.under)} below` : '');
    over.attr('x', w - 2).attr('y', -7).text(current.over ? `${formatCount(current.over)} above ▶` : '');
    hit.attr('width', w).attr('height', h);
    showActive();
  }

  function showActive(): void {
    const bin = current.bins[active];
    if (!bin) {
      cursor.attr('display', 'none');
      frame.setReadout('Point at a bar, or focus the chart and use ← →, to read its bin.');
      return;
    }
    const { innerHeight: h } = frame.size;
    cursor.attr('display', null).attr('x', x(bin.x0)).attr('width', Math.max(1, x(bin.x1) - x(bin.x0))).attr('y', 0).attr('height', h);
    const closing = active === current.bins.length - 1 ? ']' : ')';
    const parts = current.classes.map((c, k) => `${formatCount(bin.counts[k] ?? 0)} ${c.name}`);
    frame.setReadout(`[${formatValue(bin.x0)}, ${formatValue(bin.x1)}${closing}: ${parts.join(', ')}`);
  }

  function setActive(i: number): void {
    active = i;
    showActive();
  }

  hit.on('pointermove', (event: PointerEvent) => {
    const v = x.invert(pointerIn(event, hit.node()!)[0]);
    setActive(current.bins.findIndex((b) => v >= b.x0 && v <= b.x1));
  });
  hit.on('pointerleave', () => setActive(-1));
  frame.svg.on('keydown', (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const n = current.bins.length;
    setActive(active < 0 ? Math.floor(n / 2) : Math.max(0, Math.min(n - 1, active + (event.key === 'ArrowRight' ? 1 : -1))));
  });

  describe(data);
  frame.observe(render);
  return {
    node: frame.root,
    update(next) {
      current = next;
      if (active >= next.bins.length) active = -1;
      describe(next);
      render();
    },
    dispose: () => frame.dispose(),
  };
}
