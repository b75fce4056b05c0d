/**
 * Vec(H^M) drawn as what it is, one row of values in reading order: cell p of
 * the strip is FC_0[p]. Under the cells, brackets show the runs that share x,
 * then x and y, then x, y and z, and a coloured tick the feature map d of each
 * value, so the order (d fastest, then z, y, x) can be read off the strip.
 * Positions up to the walk's are drawn in full, the rest faded.
 *
 * Pointer: a cell reads out and reports its position (onHover); a click
 * moves the walk there (onSelect). Keyboard (the strip is focusable): Left
 * and Right move the walk, Home and End jump to the ends. The view only
 * draws: the chapter gives the values, the groups and the positions.
 */
import { scaleLinear } from 'd3';
import { createChartFrame } from '../../src/viz/charts/chart-frame.ts';
import { pointerIn } from '../../src/viz/charts/pointer.ts';
import { createSvgLegend } from '../../src/viz/charts/svg-legend.ts';
import { colorAt, colormap as getColormap, normalizeValue, rgbCss, type ColormapName, type RGB } from '../../src/viz/paint/colormap.ts';
import { seriesColor } from '../../src/viz/paint/palette.ts';
import type { Group } from './unrolling.ts';

export interface StripData {
  readonly values: ArrayLike<number>;
  /** [h_x, h_y, h_z, h_d]. */
  readonly dims: readonly [number, number, number, number];
  readonly groups: readonly Group[];
  /** The walk's position p. */
  readonly position: number;
  /** A position pointed at in another view, or null. */
  readonly pointed: number | null;
  readonly domain: readonly [number, number];
  readonly colormap: ColormapName;
  /** Text alternative of the strip as a whole. */
  readonly summary: string;
  /** The read-out for the position shown. */
  readonly readout: string;
}

export interface StripOptions {
  readonly title?: string;
  readonly onHover?: (position: number | null) => void;
  readonly onSelect?: (position: number) => void;
}

export interface VectorStrip {
  readonly node: HTMLElement;
  update(data: StripData): void;
  dispose(): void;
}

const MARGIN = { top: 22, right: 70, bottom: 8, left: 14 };
const BRACKET = 18;
const TICK = 5;
const FADED = 0.32;

export function createVectorStrip(container: HTMLElement, data: StripData, options: StripOptions = {}): VectorStrip {
  let current = data;
  let hovered: number | null = null;
  const axesShown = (): ('x' | 'y' | 'z')[] => (['x', 'y', 'z'] as const).filter((a) => current.groups.some((g) => g.axis === a));
  const cellHeight = (width: number): number => Math.max(22, Math.min(40, (width - MARGIN.left - MARGIN.right) / current.values.length));

  const frame = createChartFrame(container, {
    title: options.title,
    className: 'viz-chart--strip',
    margin: MARGIN,
    focusable: true,
    heightFor: (width) => MARGIN.top + cellHeight(width) + TICK + 4 + axesShown().length * BRACKET + MARGIN.bottom,
    minHeight: 60,
    maxHeight: 200,
  });
  const { plot, svg } = frame;
  const positions = plot.append('g').attr('class', 'axis strip-positions');
  const cells = plot.append('g');
  const ticks = plot.append('g');
  const brackets = plot.append('g').attr('class', 'strip-brackets');
  const walk = plot.append('rect').attr('class', 'window');
  const pointer = plot.append('rect').attr('class', 'cursor').attr('display', 'none');
  const hit = plot.append('rect').attr('fill', 'transparent').style('cursor', 'pointer');
  const legend = createSvgLegend(svg, plot);
  const x = scaleLinear();
  const scratch: RGB = [0, 0, 0];

  // What each cell shows now: an SVG attribute or style set, even to the same value, restyles the cell.
  let painted: string[] = [];
  function paint(): void {
    const kind = getColormap(current.colormap).kind;
    const nodes = cells.selectAll<SVGRectElement, number>('rect').nodes();
    for (let p = 0; p < nodes.length; p++) {
      const t = normalizeValue(current.values[p]!, current.domain, kind);
      const fill = Number.isNaN(t) ? 'none' : rgbCss(colorAt(current.colormap, t, scratch));
      const faded = p > current.position;
      const key = `${fill}${faded ? '/' : ''}`;
      if (painted[p] === key) continue;
      painted[p] = key;
      nodes[p]!.style.fill = fill;
      nodes[p]!.style.opacity = faded ? String(FADED) : '1';
    }
  }

  function render(): void {
    const { innerWidth } = frame.size;
    const n = current.values.length;
    const h = cellHeight(frame.size.width);
    const width = innerWidth;
    x.domain([0, n]).range([0, width]);
    const cw = width / n;
    const all = Array.from({ length: n }, (_, p) => p);
    cells
      .selectAll<SVGRectElement, number>('rect')
      .data(all)
      .join('rect')
      .attr('class', 'strip-cell')
      .attr('data-position', (p) => p)
      .attr('x', (p) => x(p))
      .attr('y', 0)
      .attr('width', Math.max(0.5, cw - (cw > 5 ? 1 : 0)))
      .attr('height', h);
    painted = [];
    paint();
    const hd = current.dims[3];
    ticks
      .selectAll<SVGRectElement, number>('rect')
      .data(hd > 1 ? all : [])
      .join('rect')
      .attr('x', (p) => x(p))
      .attr('y', h + 2)
      .attr('width', Math.max(0.5, cw - (cw > 5 ? 1 : 0)))
      .attr('height', TICK)
      .style('fill', (p) => seriesColor(p % hd));
    // Brackets: one row per axis in use, x on top.
    const rows = axesShown();
    const top = h + TICK + 6;
    const groupMarks = current.groups.map((g) => ({ ...g, row: rows.indexOf(g.axis) }));
    const words = (g: Group, w: number): string => (w >= 44 ? `${g.axis} = ${g.index}` : w >= 20 ? `${g.axis}${g.index}` : w >= 9 ? String(g.index) : '');
    brackets
      .selectAll<SVGPathElement, (typeof groupMarks)[number]>('path')
      .data(groupMarks)
      .join('path')
      .attr('d', (g) => {
        const x0 = x(g.start) + 1;
        const x1 = x(g.start + g.length) - 2;
        const y0 = top + g.row * BRACKET;
        return `M${x0},${y0} v4 H${x1} v-4`;
      });
    brackets
      .selectAll<SVGTextElement, (typeof groupMarks)[number]>('text')
      .data(groupMarks)
      .join('text')
      .attr('x', (g) => x(g.start + g.length / 2))
      .attr('y', (g) => top + g.row * BRACKET + 13)
      .attr('text-anchor', 'middle')
      .text((g) => words(g, x(g.start + g.length) - x(g.start)));
    // Position numbers above the cells: the first of each x run, and the last.
    const marks = [...new Set([...current.groups.filter((g) => g.axis === rows[0]).map((g) => g.start), 0, n - 1])].filter((p) => p < n);
    const spaced = marks.filter((p, i) => i === 0 || x(p) - x(marks[i - 1]!) > 22 || p === n - 1);
    positions
      .selectAll<SVGTextElement, number>('text')
      .data(spaced)
      .join('text')
      .attr('x', (p) => x(p) + cw / 2)
      .attr('y', -7)
      .attr('text-anchor', 'middle')
      .text((p) => String(p));
    updateLegend();
    hit.attr('x', 0).attr('y', 0).attr('width', width).attr('height', h + TICK + 2);
    drawMarks();
  }

  function updateLegend(): void {
    const h = cellHeight(frame.size.width);
    legend.update(current.colormap, current.domain, frame.size.innerWidth + 18, Math.max(h + TICK, 40), 'value');
  }

  function drawMarks(): void {
    const n = current.values.length;
    const cw = frame.size.innerWidth / n;
    const h = cellHeight(frame.size.width);
    const p = Math.min(n - 1, Math.max(0, current.position));
    walk.attr('x', x(p) - 1.5).attr('y', -1.5).attr('width', cw + 2).attr('height', h + 3);
    const shown = hovered ?? current.pointed;
    if (shown === null || shown === p || shown >= n) pointer.attr('display', 'none');
    else pointer.attr('display', null).attr('x', x(shown) - 1).attr('y', -1).attr('width', cw + 1).attr('height', h + 2);
    frame.setReadout(current.readout);
    frame.setSummary(current.summary);
  }

  function at(event: PointerEvent | MouseEvent): number | null {
    const [px] = pointerIn(event, plot.node()!);
    const p = Math.floor(x.invert(px));
    return p >= 0 && p < current.values.length ? p : null;
  }

  hit.on('pointermove', (event: PointerEvent) => {
    const p = at(event);
    if (p === hovered) return;
    hovered = p;
    drawMarks();
    options.onHover?.(p);
  });
  hit.on('pointerleave', () => {
    hovered = null;
    drawMarks();
    options.onHover?.(null);
  });
  hit.on('click', (event: MouseEvent) => {
    const p = at(event);
    if (p !== null) options.onSelect?.(p);
  });
  svg.on('keydown', (event: KeyboardEvent) => {
    const n = current.values.length;
    const moves: Record<string, number> = { ArrowLeft: current.position - 1, ArrowRight: current.position + 1, Home: 0, End: n - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    options.onSelect?.(Math.max(0, Math.min(n - 1, next)));
  });

  frame.observe(render);
  return {
    node: frame.root,
    update(next) {
      if (frame.disposed) return;
      // A new height only when the vector's shape changes: measuring the page again costs a layout.
      const relayout = next.values.length !== current.values.length || next.dims.some((n, i) => n !== current.dims[i]);
      const recolour = relayout || next.values !== current.values || next.position !== current.position || next.domain !== current.domain;
      const newDomain = next.domain[0] !== current.domain[0] || next.domain[1] !== current.domain[1];
      current = next;
      if (!relayout && newDomain) updateLegend();
      if (relayout) frame.observe(render);
      else if (recolour) {
        paint();
        drawMarks();
      } else drawMarks();
    },
    dispose: () => frame.dispose(),
  };
}
