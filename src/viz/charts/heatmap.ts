/**
 * Heatmap of one 2D feature map: cells on a canvas (crisp at any size),
 * axes, borders, values and the highlighted window in SVG on top.
 *
 *   const map = createHeatmap(el, { tensor: H1, map: 0 }, { title: 'H¹, map 0', window: { from: [0, 0], to: [2, 2] } });
 *   invalidation.then(map.dispose);
 *
 * x runs right and y up, as in the voxel view seen from above. Shapes as in
 * the voxel view ([x, y], [x, y, z], [x, y, z, d], [n, x, y, z, d]); `z`, `map`
 * and `sample` pick the slice shown.
 */
import { scaleLinear } from 'd3';
import type { Tensor } from '../../tensor/tensor.ts';
import { colorAt, colormap as getColormap, normalizeValue, textColorOn, type ColormapName, type RGB } from '../paint/colormap.ts';
import { finiteExtent, niceDomainOf } from '../paint/domain.ts';
import { formatRange, formatValue } from '../paint/format.ts';
import { paintRGBA } from '../paint/paint-values.ts';
import { cellIndex, valueIndex, voxelGrid, type VoxelGrid } from '../three/voxel-grid.ts';
import { createAxes, drawAxes, indexTicks } from './axes.ts';
import { createChartFrame } from './chart-frame.ts';
import { cellAt, clampCell, heatmapCellSize, type CellWindow } from './heatmap-geometry.ts';
import { pointerIn } from './pointer.ts';
import { createSvgLegend } from './svg-legend.ts';

export type { CellWindow };

export interface HeatmapData {
  tensor?: Tensor;
  values?: ArrayLike<number>;
  shape?: readonly number[];
  sample?: number;
  /** z slice shown (default 0). */
  z?: number;
  /** Feature map d shown (default 0). */
  map?: number;
  domain?: readonly [number, number];
  colormap?: ColormapName;
  /** Name in the text alternative, e.g. "Feature map H¹ (d = 0)". */
  name?: string;
}

export interface HeatmapCell {
  x: number;
  y: number;
  value: number;
}

export interface HeatmapOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  legendLabel?: string;
  colormap?: ColormapName;
  /** Highlighted window(s), inclusive cell ranges: a filter position, a pooling window. */
  window?: CellWindow | readonly CellWindow[] | null;
  /** Print values in cells: 'auto' when cells are at least 30 px wide. */
  showValues?: boolean | 'auto';
  onHover?: (cell: HeatmapCell | null) => void;
  onSelect?: (cell: HeatmapCell) => void;
}

export interface Heatmap {
  readonly node: HTMLElement;
  update(data: HeatmapData): void;
  setWindow(window: CellWindow | readonly CellWindow[] | null): void;
  setCursor(cell: readonly [number, number] | null): void;
  dispose(): void;
}

const MARGIN = { top: 10, right: 78, bottom: 42, left: 48 };

export function createHeatmap(container: HTMLElement, data: HeatmapData, options: HeatmapOptions = {}): Heatmap {
  let grid: VoxelGrid;
  let nx = 1;
  let ny = 1;
  let values: Float64Array = new Float64Array(0);
  let domain: readonly [number, number] = [0, 1];
  let mapName: ColormapName = options.colormap ?? 'viridis';
  let windows: readonly CellWindow[] = toList(options.window ?? null);
  let cursor: [number, number] | null = null;
  let cell = 1;
  let rgba: Uint8ClampedArray = new Uint8ClampedArray(0);
  const scratch: RGB = [0, 0, 0];

  const frame = createChartFrame(container, {
    title: options.title,
    className: 'viz-chart--heatmap',
    margin: MARGIN,
    canvas: true,
    focusable: true,
    heightFor: (width) => heatmapCellSize(width - MARGIN.left - MARGIN.right, nx, 56) * ny + MARGIN.top + MARGIN.bottom,
    minHeight: 120,
    maxHeight: 640,
  });
  const { plot, svg } = frame;
  const image = document.createElement('canvas');
  const axes = createAxes(plot, options.xLabel ?? 'x', options.yLabel ?? 'y');
  const borders = plot.append('g').attr('class', 'borders');
  const labels = plot.append('g').attr('class', 'values');
  const windowLayer = plot.append('g');
  const cursorRect = plot.append('rect').attr('class', 'cursor').attr('display', 'none');
  const hit = plot.append('rect').attr('fill', 'transparent').style('cursor', 'crosshair');
  const legend = createSvgLegend(svg, plot);
  const x = scaleLinear();
  const y = scaleLinear();

  function setData(d: HeatmapData): void {
    const shape = d.tensor ? d.tensor.shape : d.shape;
    const source = d.tensor ? d.tensor.data : d.values;
    if (!shape || !source) throw new Error('heatmap: give a tensor, or values and a shape');
    grid = voxelGrid(shape, { sample: d.sample });
    const z = d.z ?? 0;
    const m = d.map ?? 0;
    if (z < 0 || z >= grid.nz || m < 0 || m >= grid.nd) {
      throw new Error(`heatmap: slice z = ${z}, map d = ${m} is outside a grid of ${grid.nz} slices and ${grid.nd} maps`);
    }
    nx = grid.nx;
    ny = grid.ny;
    if (values.length !== nx * ny) values = new Float64Array(nx * ny);
    // values in image order: row j (from the top, y = ny - 1 - j), column x.
    for (let xi = 0; xi < nx; xi++) for (let yi = 0; yi < ny; yi++) values[(ny - 1 - yi) * nx + xi] = source[valueIndex(grid, cellIndex(grid, xi, yi, z, m))]!;
    mapName = d.colormap ?? options.colormap ?? mapName;
    const extent = finiteExtent(values);
    domain = d.domain ?? niceDomainOf(extent, getColormap(mapName).kind);
    rgba = paintRGBA(values, domain, mapName, rgba.length === values.length * 4 ? rgba : undefined);
    image.width = nx;
    image.height = ny;
    image.getContext('2d')!.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, nx, ny), 0, 0);
    frame.setSummary(`${d.name ?? 'Feature map'}: heatmap of ${nx} by ${ny} cells, values ${formatRange(extent)}; x to the right, y upwards.`);
    if (cursor) cursor = clampCell(cursor, nx, ny);
  }

  const valueAt = (cx: number, cy: number) => values[(ny - 1 - cy) * nx + cx]!;

  function render(): void {
    const { innerWidth, innerHeight } = frame.size;
    cell = Math.min(heatmapCellSize(innerWidth, nx, 56), innerHeight / ny);
    const w = cell * nx;
    const h = cell * ny;
    x.domain([-0.5, nx - 0.5]).range([0, w]);
    y.domain([-0.5, ny - 0.5]).range([h, 0]);
    drawAxes(axes, x, y, {
      innerWidth: w,
      innerHeight: h,
      left: MARGIN.left,
      bottom: MARGIN.bottom,
      xValues: indexTicks(nx, w),
      yValues: indexTicks(ny, h, 18),
    });
    // Axes sit at the plot's edge, titles below / left of the cells.
    axes.x.attr('transform', `translate(0,${h})`);
    axes.xTitle.attr('y', h + MARGIN.bottom - 8);
    axes.yTitle.attr('transform', `translate(${-MARGIN.left + 14},${h / 2}) rotate(-90)`);

    const ctx = frame.canvas!.getContext('2d')!;
    const ratio = frame.canvas!.width / frame.size.width;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, frame.size.width, frame.size.height);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(image, MARGIN.left, MARGIN.top, w, h);

    const showBorders = cell >= 10;
    const lines = showBorders ? [...Array.from({ length: nx - 1 }, (_, i) => ({ v: true, at: x(i + 0.5) })), ...Array.from({ length: ny - 1 }, (_, j) => ({ v: false, at: y(j + 0.5) }))] : [];
    borders
      .selectAll('line')
      .data(lines)
      .join('line')
      .attr('class', 'cell-border')
      .attr('x1', (l) => (l.v ? l.at : 0))
      .attr('x2', (l) => (l.v ? l.at : w))
      .attr('y1', (l) => (l.v ? 0 : l.at))
      .attr('y2', (l) => (l.v ? h : l.at));

    const show = options.showValues === true || ((options.showValues ?? 'auto') === 'auto' && cell >= 30);
    const cells = show ? Array.from({ length: nx * ny }, (_, i) => ({ cx: i % nx, cy: ny - 1 - Math.floor(i / nx) })) : [];
    const kind = getColormap(mapName).kind;
    labels
      .selectAll('text')
      .data(cells)
      .join('text')
      .attr('class', 'cell-value')
      .attr('x', (c) => x(c.cx))
      .attr('y', (c) => y(c.cy))
      .style('fill', (c) => {
        const t = normalizeValue(valueAt(c.cx, c.cy), domain, kind);
        return Number.isNaN(t) ? 'currentColor' : textColorOn(colorAt(mapName, t, scratch));
      })
      .text((c) => formatValue(valueAt(c.cx, c.cy), { digits: cell >= 40 ? 3 : 2 }));

    hit.attr('width', w).attr('height', h);
    legend.update(mapName, domain, w + 22, h, options.legendLabel ?? 'value');
    drawWindows();
    drawCursor();
  }

  function drawWindows(): void {
    windowLayer
      .selectAll('rect')
      .data(windows)
      .join('rect')
      .attr('class', 'window')
      .attr('x', (r) => x(Math.min(r.from[0], r.to[0]) - 0.5))
      .attr('y', (r) => y(Math.max(r.from[1], r.to[1]) + 0.5))
      .attr('width', (r) => (Math.abs(r.to[0] - r.from[0]) + 1) * cell)
      .attr('height', (r) => (Math.abs(r.to[1] - r.from[1]) + 1) * cell);
  }

  function drawCursor(): void {
    if (!cursor) {
      cursorRect.attr('display', 'none');
      frame.setReadout(`Point at a cell, or focus the chart and use the arrow keys, to read its value.`);
      return;
    }
    const [cx, cy] = cursor;
    cursorRect
      .attr('display', null)
      .attr('x', x(cx - 0.5) + 1)
      .attr('y', y(cy + 0.5) + 1)
      .attr('width', Math.max(1, cell - 2))
      .attr('height', Math.max(1, cell - 2));
    frame.setReadout(`x ${cx}, y ${cy}: ${formatValue(valueAt(cx, cy))}`);
  }

  function moveCursor(next: [number, number] | null): void {
    const same = next && cursor && next[0] === cursor[0] && next[1] === cursor[1];
    if (same || (next === null && cursor === null)) return;
    cursor = next;
    drawCursor();
    options.onHover?.(cursor ? { x: cursor[0], y: cursor[1], value: valueAt(cursor[0], cursor[1]) } : null);
  }

  hit.on('pointermove', (event: PointerEvent) => {
    const [px, py] = pointerIn(event, hit.node()!);
    moveCursor(cellAt(x.invert(px), y.invert(py), nx, ny));
  });
  hit.on('pointerleave', () => {
    if (document.activeElement !== svg.node()) moveCursor(null);
  });
  hit.on('click', () => {
    if (cursor) options.onSelect?.({ x: cursor[0], y: cursor[1], value: valueAt(cursor[0], cursor[1]) });
  });
  svg.on('keydown', (event: KeyboardEvent) => {
    const step: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const delta = step[event.key];
    if (delta) {
      event.preventDefault();
      const from = cursor ?? [0, 0];
      moveCursor(cursor ? clampCell([from[0] + delta[0], from[1] + delta[1]], nx, ny) : [0, 0]);
    } else if (event.key === 'Enter' && cursor) {
      options.onSelect?.({ x: cursor[0], y: cursor[1], value: valueAt(cursor[0], cursor[1]) });
    } else if (event.key === 'Escape') {
      moveCursor(null);
    }
  });

  setData(data);
  frame.observe(render);

  return {
    node: frame.root,
    update(next) {
      if (frame.disposed) return;
      const before = [nx, ny];
      setData(next);
      if (before[0] !== nx || before[1] !== ny) frame.observe(render);
      else render();
    },
    setWindow(next) {
      windows = toList(next);
      drawWindows();
    },
    setCursor(next) {
      moveCursor(next ? clampCell([next[0], next[1]], nx, ny) : null);
    },
    dispose() {
      frame.dispose();
    },
  };
}

function toList(w: CellWindow | readonly CellWindow[] | null): readonly CellWindow[] {
  if (w === null) return [];
  return Array.isArray(w) ? (w as readonly CellWindow[]) : [w as CellWindow];
}
