/**
 * A small matrix: the fully connected weights W_FC [n_out, n_in] (eq. 7),
 * one square per weight on a diverging scale, rows top-down as printed.
 *
 *   const m = createMatrixView(el, { tensor: fc1w }, { title: 'W_FC' });
 *   invalidation.then(m.dispose);
 */
import { axisLeft, axisTop, scaleBand, type ScaleBand } from 'd3';
import type { Tensor } from '../../tensor/tensor.ts';
import { colorAt, colormap as getColormap, normalizeValue, rgbCss, textColorOn, type ColormapName, type RGB } from '../paint/colormap.ts';
import { finiteExtent, niceDomainOf } from '../paint/domain.ts';
import { formatRange, formatValue } from '../paint/format.ts';
import { indexTicks } from './axes.ts';
import { createChartFrame } from './chart-frame.ts';
import { createSvgLegend } from './svg-legend.ts';

export interface MatrixData {
  tensor?: Tensor;
  values?: ArrayLike<number>;
  /** [rows, cols] when `values` is given. */
  shape?: readonly [number, number];
  domain?: readonly [number, number];
  colormap?: ColormapName;
  name?: string;
}

export interface MatrixCell {
  row: number;
  col: number;
  value: number;
}

export interface MatrixViewOptions {
  title?: string;
  rowLabel?: string;
  colLabel?: string;
  legendLabel?: string;
  showValues?: boolean | 'auto';
  onHover?: (cell: MatrixCell | null) => void;
}

export interface MatrixView {
  readonly node: HTMLElement;
  update(data: MatrixData): void;
  dispose(): void;
}

const MARGIN = { top: 44, right: 78, bottom: 12, left: 56 };
const MAX_CELL = 40;

export function createMatrixView(container: HTMLElement, data: MatrixData, options: MatrixViewOptions = {}): MatrixView {
  let rows = 1;
  let cols = 1;
  let values: ArrayLike<number> = [];
  let domain: readonly [number, number] = [-1, 1];
  let mapName: ColormapName = 'diverging';
  let cursor: [number, number] | null = null;
  const scratch: RGB = [0, 0, 0];

  const frame = createChartFrame(container, {
    title: options.title,
    className: 'viz-chart--matrix',
    margin: MARGIN,
    focusable: true,
    heightFor: (width) => Math.min(MAX_CELL, (width - MARGIN.left - MARGIN.right) / cols) * rows + MARGIN.top + MARGIN.bottom,
    minHeight: 90,
    maxHeight: 720,
  });
  const { plot, svg } = frame;
  const cellsLayer = plot.append('g');
  const labels = plot.append('g');
  const xAxis = plot.append('g').attr('class', 'axis');
  const yAxis = plot.append('g').attr('class', 'axis');
  const xTitle = plot.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle').text(options.colLabel ?? 'input j');
  const yTitle = plot.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle').text(options.rowLabel ?? 'output i');
  const cursorRect = plot.append('rect').attr('class', 'cursor').attr('display', 'none');
  const legend = createSvgLegend(svg, plot);
  const xs: ScaleBand<number> = scaleBand<number>().padding(0.06);
  const ys: ScaleBand<number> = scaleBand<number>().padding(0.06);

  const at = (r: number, c: number) => values[r * cols + c]!;

  function setData(d: MatrixData): void {
    const shape = d.tensor ? d.tensor.shape : d.shape;
    const source = d.tensor ? d.tensor.data : d.values;
    if (!shape || !source || shape.length !== 2) throw new Error('matrix view: give a 2-axis tensor [rows, cols], or values and shape [rows, cols]');
    [rows, cols] = shape as [number, number];
    if (source.length !== rows * cols) throw new Error(`matrix view: ${source.length} values do not fill [${rows}, ${cols}]`);
    values = source;
    mapName = d.colormap ?? 'diverging';
    const extent = finiteExtent(values);
    domain = d.domain ?? niceDomainOf(extent, getColormap(mapName).kind);
    frame.setSummary(`${d.name ?? 'Matrix'} of ${rows} rows (${options.rowLabel ?? 'output i'}) by ${cols} columns (${options.colLabel ?? 'input j'}), values ${formatRange(extent)}.`);
    if (cursor && (cursor[0] >= rows || cursor[1] >= cols)) cursor = null;
  }

  function render(): void {
    const { innerWidth } = frame.size;
    const cell = Math.min(MAX_CELL, innerWidth / cols);
    const w = cell * cols;
    const h = cell * rows;
    xs.domain(Array.from({ length: cols }, (_, i) => i)).range([0, w]);
    ys.domain(Array.from({ length: rows }, (_, i) => i)).range([0, h]);
    const kind = getColormap(mapName).kind;
    const colour = (v: number) => {
      const t = normalizeValue(v, domain, kind);
      return Number.isNaN(t) ? null : colorAt(mapName, t, scratch);
    };
    const all = Array.from({ length: rows * cols }, (_, i) => i);
    cellsLayer
      .selectAll('rect')
      .data(all)
      .join('rect')
      .attr('x', (i) => xs(i % cols)!)
      .attr('y', (i) => ys(Math.floor(i / cols))!)
      .attr('width', xs.bandwidth())
      .attr('height', ys.bandwidth())
      .style('fill', (i) => {
        const c = colour(values[i]!);
        return c ? rgbCss(c) : 'none';
      })
      .style('stroke', (i) => (colour(values[i]!) ? null : 'currentColor'))
      .on('pointerenter', (_event: PointerEvent, i: number) => setCursor([Math.floor(i / cols), i % cols]));
    const show = options.showValues === true || ((options.showValues ?? 'auto') === 'auto' && cell >= 34);
    labels
      .selectAll('text')
      .data(show ? all : [])
      .join('text')
      .attr('class', 'cell-value')
      .attr('x', (i) => xs(i % cols)! + xs.bandwidth() / 2)
      .attr('y', (i) => ys(Math.floor(i / cols))! + ys.bandwidth() / 2)
      .style('fill', (i) => {
        const c = colour(values[i]!);
        return c ? textColorOn(c) : 'currentColor';
      })
      .text((i) => formatValue(values[i]!, { digits: 2 }));
    xAxis.call(axisTop(xs).tickValues(indexTicks(cols, w)).tickSizeOuter(0));
    yAxis.call(axisLeft(ys).tickValues(indexTicks(rows, h, 16)).tickSizeOuter(0));
    xTitle.attr('x', w / 2).attr('y', -28);
    yTitle.attr('transform', `translate(${-MARGIN.left + 14},${h / 2}) rotate(-90)`);
    legend.update(mapName, domain, w + 22, Math.max(h, 60), options.legendLabel ?? 'weight');
    drawCursor();
  }

  function drawCursor(): void {
    if (!cursor) {
      cursorRect.attr('display', 'none');
      frame.setReadout('Point at a weight, or focus the matrix and use the arrow keys, to read it.');
      return;
    }
    const [r, c] = cursor;
    cursorRect.attr('display', null).attr('x', xs(c)!).attr('y', ys(r)!).attr('width', xs.bandwidth()).attr('height', ys.bandwidth());
    frame.setReadout(`row ${r}, column ${c}: ${formatValue(at(r, c))}`);
  }

  function setCursor(next: [number, number] | null): void {
    cursor = next;
    drawCursor();
    options.onHover?.(next ? { row: next[0], col: next[1], value: at(next[0], next[1]) } : null);
  }

  cellsLayer.on('pointerleave', () => {
    if (document.activeElement !== svg.node()) setCursor(null);
  });
  svg.on('keydown', (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    const m = moves[event.key];
    if (m) {
      event.preventDefault();
      const [r, c] = cursor ?? [0, 0];
      setCursor(cursor ? [Math.max(0, Math.min(rows - 1, r + m[0])), Math.max(0, Math.min(cols - 1, c + m[1]))] : [0, 0]);
    } else if (event.key === 'Escape') setCursor(null);
  });

  setData(data);
  frame.observe(render);
  return {
    node: frame.root,
    update(next) {
      if (frame.disposed) return;
      const before = [rows, cols];
      setData(next);
      if (before[0] !== rows || before[1] !== cols) frame.observe(render);
      else render();
    },
    dispose: () => frame.dispose(),
  };
}
