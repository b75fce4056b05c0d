/**
 * Contour map of a function of two variables with the trajectories of
 * several optimizers; clicking (or Enter on the keyboard crosshair) picks
 * the start point, which the chapter uses to run the optimizers again.
 *
 *   const map = createContourMap(el, { grid, trajectories: [{ name: 'Adam', points: run.points }], start: [-1.5, 2] },
 *     { title: 'Rosenbrock', onPick: (x, y) => setStart([x, y]) });
 *   invalidation.then(map.dispose);
 *
 * `points` is a trajectory's flat [x0, y0, x1, y1, ...] (src/optim Trajectory.points).
 */
import { contours, geoPath, geoTransform, scaleLinear, select } from 'd3';
import { colorAt, rgbCss, type ColormapName } from '../paint/colormap.ts';
import { formatValue } from '../paint/format.ts';
import { seriesColor } from '../paint/palette.ts';
import { createAxes, drawAxes } from './axes.ts';
import { createChartFrame } from './chart-frame.ts';
import { pointerIn } from './pointer.ts';
import { drawSeriesLegend } from './series-legend.ts';
import { checkSurfaceGrid, contourLevels, sampleAt, type SurfaceGrid } from '../paint/surface-grid.ts';

export interface TrajectorySeries {
  name: string;
  /** Flat [x0, y0, x1, y1, ...]. */
  points: ArrayLike<number>;
  color?: string;
}

export interface ContourData {
  /** Drawn again only when another grid object comes (its values are read as fixed). */
  grid: SurfaceGrid;
  trajectories?: readonly TrajectorySeries[];
  start?: readonly [number, number] | null;
  /** The known minimum, marked with a ring. */
  minimum?: readonly [number, number] | null;
  /** Name of the function for the text alternative ("Rosenbrock function"). */
  name?: string;
}

export interface ContourOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** What the function's value is ("loss"). */
  valueLabel?: string;
  colormap?: ColormapName;
  levels?: number;
  levelScale?: 'linear' | 'log';
  /** Called with the data coordinates of a click or keyboard pick. */
  onPick?: (x: number, y: number) => void;
}

export interface ContourMap {
  readonly node: HTMLElement;
  update(data: ContourData): void;
  dispose(): void;
}

const MARGIN = { top: 12, right: 16, bottom: 44, left: 52 };
let uid = 0;

export function createContourMap(container: HTMLElement, data: ContourData, options: ContourOptions = {}): ContourMap {
  const frame = createChartFrame(container, {
    title: options.title,
    className: 'viz-chart--contour',
    margin: MARGIN,
    legend: true,
    focusable: true,
    heightFor: (width) => {
      const g = current.grid;
      const ratio = (g.y[1] - g.y[0]) / (g.x[1] - g.x[0]);
      return (width - MARGIN.left - MARGIN.right) * Math.min(1.2, Math.max(0.5, ratio)) + MARGIN.top + MARGIN.bottom;
    },
  });
  const { plot, svg } = frame;
  const clipId = `viz-contour-clip-${++uid}`;
  const clipRect = svg.insert('defs', ':first-child').append('clipPath').attr('id', clipId).append('rect');
  // The filled contours are drawn in an SVG of their own under the chart's, a
  // layer the browser keeps: redrawing the paths above does not paint (or
  // raster) the fills again, which cost most of a slider move in software.
  const backdrop = select(frame.body)
    .insert('svg', () => svg.node())
    .attr('class', 'viz-chart__backdrop')
    .attr('aria-hidden', 'true');
  const backdropClipId = `${clipId}-backdrop`;
  const backdropClipRect = backdrop.append('defs').append('clipPath').attr('id', backdropClipId).append('rect');
  const backdropPlot = backdrop.append('g');
  const fills = backdropPlot.append('g').attr('clip-path', `url(#${backdropClipId})`);
  const axes = createAxes(plot, options.xLabel ?? 'θ₁', options.yLabel ?? 'θ₂');
  const paths = plot.append('g').attr('clip-path', `url(#${clipId})`);
  const markers = plot.append('g');
  const minimumMark = plot.append('circle').attr('class', 'minimum-marker').attr('r', 6);
  const startMark = plot.append('circle').attr('class', 'start-marker').attr('r', 5);
  const crosshair = plot.append('path').attr('class', 'cursor').attr('display', 'none');
  const hit = plot.append('rect').attr('fill', 'transparent').style('cursor', 'crosshair');
  const x = scaleLinear();
  const y = scaleLinear();
  let current = data;
  let levels: number[] = [];
  /** What the filled contours were last drawn for. */
  let filledGrid: SurfaceGrid | null = null;
  let filledWidth = -1;
  let filledHeight = -1;
  let pending: [number, number] | null = null;
  const mapName = options.colormap ?? 'viridis';
  const valueLabel = options.valueLabel ?? 'loss';

  const colorOf = (t: TrajectorySeries, i: number) => t.color ?? seriesColor(i);

  function setData(d: ContourData): void {
    checkSurfaceGrid('contour map', d.grid);
    current = d;
    let min = Infinity;
    let positive = true;
    for (let i = 0; i < d.grid.values.length; i++) {
      const v = d.grid.values[i]!;
      if (Number.isFinite(v)) {
        min = Math.min(min, v);
        if (v < 0) positive = false;
      }
    }
    levels = contourLevels(d.grid.values, options.levels ?? 14, options.levelScale ?? (positive && min >= 0 ? 'log' : 'linear'));
    const trajectories = d.trajectories ?? [];
    if (frame.legend) drawSeriesLegend(frame.legend, trajectories.map((t, i) => ({ name: t.name, color: colorOf(t, i) })));
    const ends = trajectories.map((t) => {
      const n = Math.floor(t.points.length / 2);
      return n > 0 ? `${t.name} ends at (${formatValue(t.points[2 * n - 2]!)}, ${formatValue(t.points[2 * n - 1]!)}) after ${n - 1} steps` : `${t.name} has no points`;
    });
    const start = d.start ? ` Start (${formatValue(d.start[0])}, ${formatValue(d.start[1])}).` : '';
    frame.setSummary(`Contour map of the ${d.name ?? valueLabel} over ${options.xLabel ?? 'θ₁'} and ${options.yLabel ?? 'θ₂'}.${start} ${ends.join('; ')}.`);
  }

  function render(): void {
    const { innerWidth: w, innerHeight: h } = frame.size;
    const g = current.grid;
    x.domain([g.x[0], g.x[1]]).range([0, w]);
    y.domain([g.y[0], g.y[1]]).range([h, 0]);
    // The filled contours and the axes change only with the grid or the size: a new path
    // for an optimizer leaves them (and their pixels) alone.
    if (g !== filledGrid || w !== filledWidth || h !== filledHeight) {
      filledGrid = g;
      filledWidth = w;
      filledHeight = h;
      clipRect.attr('width', w).attr('height', h);
      hit.attr('width', w).attr('height', h);
      drawAxes(axes, x, y, { innerWidth: w, innerHeight: h, left: MARGIN.left, bottom: MARGIN.bottom });
      // d3-contour puts sample (i, j) at (i + 0.5, j + 0.5).
      const dx = (g.x[1] - g.x[0]) / (g.nx - 1);
      const dy = (g.y[1] - g.y[0]) / (g.ny - 1);
      const projection = geoTransform({
        point(cx, cy) {
          this.stream.point(x(g.x[0] + (cx - 0.5) * dx), y(g.y[0] + (cy - 0.5) * dy));
        },
      });
      const { width, height } = frame.size;
      backdrop.attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
      backdropPlot.attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
      backdropClipRect.attr('width', w).attr('height', h);
      const path = geoPath(projection);
      const polys = contours().size([g.nx, g.ny]).thresholds(levels)(Array.from(g.values, (v) => (Number.isFinite(v) ? v : Number.MAX_VALUE)));
      fills
        .selectAll('path')
        .data(polys)
        .join('path')
        .attr('class', 'contour')
        .attr('d', (p) => path(p))
        .style('fill', (_, i) => rgbCss(colorAt(mapName, levels.length > 1 ? i / (levels.length - 1) : 0.5)));
    }

    const trajectories = current.trajectories ?? [];
    const toPath = (t: TrajectorySeries) => {
      let d = '';
      for (let k = 0; k + 1 < t.points.length; k += 2) {
        const a = t.points[k]!;
        const b = t.points[k + 1]!;
        if (!Number.isFinite(a) || !Number.isFinite(b)) break;
        d += `${k === 0 ? 'M' : 'L'}${x(a).toFixed(1)},${y(b).toFixed(1)}`;
      }
      return d;
    };
    paths
      .selectAll<SVGGElement, TrajectorySeries>('g')
      .data(trajectories, (t) => t.name)
      .join((enter) => {
        const gg = enter.append('g');
        gg.append('path').attr('class', 'trajectory-halo');
        gg.append('path').attr('class', 'trajectory');
        return gg;
      })
      .each(function (t, i) {
        const gg = this as SVGGElement;
        const d = toPath(t);
        gg.querySelector('.trajectory-halo')!.setAttribute('d', d);
        const line = gg.querySelector<SVGPathElement>('.trajectory')!;
        line.setAttribute('d', d);
        line.style.stroke = colorOf(t, i);
      });
    const ends = trajectories
      .map((t, i) => {
        const n = Math.floor(t.points.length / 2);
        return n > 0 ? { x: t.points[2 * n - 2]!, y: t.points[2 * n - 1]!, color: colorOf(t, i) } : null;
      })
      .filter((e): e is { x: number; y: number; color: string } => e !== null && Number.isFinite(e.x) && Number.isFinite(e.y));
    markers
      .selectAll('circle')
      .data(ends)
      .join('circle')
      .attr('class', 'marker')
      .attr('r', 5)
      .attr('cx', (e) => x(e.x))
      .attr('cy', (e) => y(e.y))
      .style('fill', (e) => e.color);
    const place = (el: typeof startMark, p: readonly [number, number] | null | undefined) =>
      p ? el.attr('display', null).attr('cx', x(p[0])).attr('cy', y(p[1])) : el.attr('display', 'none');
    place(startMark, current.start);
    place(minimumMark, current.minimum);
    drawCrosshair();
  }

  function drawCrosshair(): void {
    if (!pending) {
      crosshair.attr('display', 'none');
      frame.setReadout(options.onPick ? 'Click the map, or focus it and use the arrow keys and Enter, to choose the start point.' : `Point at the map to read the ${valueLabel}.`);
      return;
    }
    const [px, py] = [x(pending[0]), y(pending[1])];
    crosshair.attr('display', null).attr('d', `M${px - 8},${py}H${px + 8}M${px},${py - 8}V${py + 8}`);
    const v = sampleAt(current.grid, pending[0], pending[1]);
    frame.setReadout(`${options.xLabel ?? 'θ₁'} ${formatValue(pending[0])}, ${options.yLabel ?? 'θ₂'} ${formatValue(pending[1])}: ${valueLabel} ${formatValue(v)}`);
  }

  hit.on('pointermove', (event: PointerEvent) => {
    const [px, py] = pointerIn(event, hit.node()!);
    pending = [x.invert(px), y.invert(py)];
    drawCrosshair();
  });
  hit.on('pointerleave', () => {
    if (document.activeElement !== svg.node()) {
      pending = null;
      drawCrosshair();
    }
  });
  hit.on('click', (event: MouseEvent) => {
    const [px, py] = pointerIn(event, hit.node()!);
    options.onPick?.(x.invert(px), y.invert(py));
  });
  svg.on('keydown', (event: KeyboardEvent) => {
    const g = current.grid;
    const sx = (g.x[1] - g.x[0]) / 40;
    const sy = (g.y[1] - g.y[0]) / 40;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-sx, 0], ArrowRight: [sx, 0], ArrowUp: [0, sy], ArrowDown: [0, -sy] };
    const m = moves[event.key];
    if (m) {
      event.preventDefault();
      const from = pending ?? (current.start ? [current.start[0], current.start[1]] : [(g.x[0] + g.x[1]) / 2, (g.y[0] + g.y[1]) / 2]);
      pending = [Math.max(g.x[0], Math.min(g.x[1], from[0]! + m[0])), Math.max(g.y[0], Math.min(g.y[1], from[1]! + m[1]))];
      drawCrosshair();
    } else if (event.key === 'Enter' && pending) {
      event.preventDefault();
      options.onPick?.(pending[0], pending[1]);
    } else if (event.key === 'Escape') {
      pending = null;
      drawCrosshair();
    }
  });

  setData(data);
  frame.observe(render);
  return {
    node: frame.root,
    update(next) {
      if (frame.disposed) return;
      const g0 = current.grid;
      setData(next);
      const g = next.grid;
      // A grid of another shape may need another height.
      if (g.x[0] !== g0.x[0] || g.x[1] !== g0.x[1] || g.y[0] !== g0.y[0] || g.y[1] !== g0.y[1]) frame.observe(render);
      else render();
    },
    dispose: () => frame.dispose(),
  };
}
