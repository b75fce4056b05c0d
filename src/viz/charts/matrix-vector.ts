/**
 * A fully connected layer as printed, y = g(W x + b) (eq. 7, 9): the weight
 * matrix W [n_out, n_in] as coloured cells, the vector x it multiplies laid
 * along the top (one cell over each column of W), and beside the rows the
 * bias b, the sum W x + b and, when an activation follows, g of it. A
 * selected row is outlined together with the vector it multiplies, and its
 * products w_ij x_j can be drawn under the matrix, aligned with the columns.
 *
 *   const v = createMatrixVector(el, { w, x, b, affine, output, row: 2, products }, { onSelectRow });
 *   v.setColumn(17);            // outline column 17 and x_17 (linked from another view)
 *   invalidation.then(v.dispose);
 *
 * The chart only draws: the caller computes W x + b, g and the products.
 * The many cells of W, x and the products go on a canvas (a first layer of
 * 8 x 108 SVG rectangles made every update restyle a thousand elements);
 * the few cells beside the rows, the outlines and the text stay in SVG.
 * Pointer: a cell reads its value; a click selects its row. Keyboard (the
 * chart is focusable): Up/Down select a row, Left/Right move along the
 * columns, Escape clears the column.
 */
import { axisLeft, axisTop, scaleBand, type ScaleBand } from 'd3';
import type { Tensor } from '../../tensor/tensor.ts';
import { colorAt, colormap as getColormap, normalizeValue, rgbCss, textColorOn, type RGB } from '../paint/colormap.ts';
import { finiteExtent, niceDomainOf } from '../paint/domain.ts';
import { formatRange, formatValue } from '../paint/format.ts';
import { indexTicks } from './axes.ts';
import { createChartFrame } from './chart-frame.ts';
import { pointerIn } from './pointer.ts';
import { createSvgLegend } from './svg-legend.ts';
import './matrix-vector.css';

export interface MatrixVectorLabels {
  w?: string;
  x?: string;
  b?: string;
  affine?: string;
  output?: string;
  products?: string;
}

export interface MatrixVectorData {
  /** W [n_out, n_in]. */
  w: Tensor;
  /** The vector W multiplies: n_in values. */
  x: ArrayLike<number>;
  /** n_out values each. */
  b: ArrayLike<number>;
  affine: ArrayLike<number>;
  /** g(W x + b), or null when no activation follows. */
  output?: ArrayLike<number> | null;
  /** The selected row, or null. */
  row?: number | null;
  /** w_ij x_j of the selected row (n_in values), or null. */
  products?: ArrayLike<number> | null;
  /** Short names drawn beside each part: 'W', 'x', 'b', 'W x + b', 'g(·)', 'w·x'; `_{...}` is a subscript. */
  labels?: MatrixVectorLabels;
  /** Names of the rows for the read-out (class names); default "row i". */
  rowNames?: readonly string[];
  /** Name of the layer in the text alternative. */
  name?: string;
}

export interface MatrixVectorOptions {
  title?: string;
  onSelectRow?: (row: number) => void;
  /** The column under the pointer or the keyboard cursor, or null. */
  onColumn?: (col: number | null) => void;
}

export interface MatrixVectorView {
  readonly node: HTMLElement;
  update(data: MatrixVectorData): void;
  /** Outline column `col` of W and x_col (from another view), or clear it. */
  setColumn(col: number | null): void;
  dispose(): void;
}

const MARGIN = { top: 8, right: 72, bottom: 8, left: 84 };
/** Below this width (a phone) the legend goes and the columns beside the rows narrow, so the numbers stay in view. */
const NARROW = 520;
const TICKS = 16;
const SIDE_WIDE = 54;
const OPERATOR_WIDE = 20;
const MAX_CELL = 48;
const GAP = 10;

type Part = 'w' | 'x' | 'b' | 'affine' | 'output' | 'products';
interface Hit {
  part: Part;
  row: number;
  col: number;
}

interface Geometry {
  cw: number;
  rh: number;
  xh: number;
  matrixWidth: number;
  xTop: number;
  matrixTop: number;
  productsTop: number;
  height: number;
}

/** Writes `text` into an SVG text element, with `_{...}` set as subscripts. */
function writeLabel(element: SVGTextElement, text: string): void {
  element.textContent = '';
  const parts = text.split(/(_\{[^}]*\})/);
  for (const part of parts) {
    if (part === '') continue;
    const span = document.createElementNS('http://www.w3.org/2000/svg', 'tspan');
    const sub = /^_\{([^}]*)\}$/.exec(part);
    span.textContent = sub ? sub[1]! : part;
    if (sub) span.setAttribute('class', 'matvec-sub');
    element.append(span);
  }
}

export function createMatrixVector(container: HTMLElement, data: MatrixVectorData, options: MatrixVectorOptions = {}): MatrixVectorView {
  let current = data;
  let rows = 1;
  let cols = 1;
  let sideCount = 2;
  let column: number | null = null;
  let hover: Hit | null = null;
  let geom: Geometry | null = null;
  const scratch: RGB = [0, 0, 0];

  let SIDE_WIDTH = SIDE_WIDE;
  let OPERATOR = OPERATOR_WIDE;
  let narrow = false;
  /** Margins and side columns for a chart `width` wide (the frame's margin object is the one it lays out with). */
  const fit = (width: number): void => {
    narrow = width < NARROW;
    SIDE_WIDTH = narrow ? 40 : SIDE_WIDE;
    OPERATOR = narrow ? 12 : OPERATOR_WIDE;
    if (!margins) return;
    margins.left = narrow ? 60 : MARGIN.left;
    margins.right = narrow ? 6 : MARGIN.right;
  };
  /** The frame's own margin object, once the frame exists. */
  let margins: { left: number; right: number } | null = null;

  const layoutFor = (innerWidth: number): Geometry => {
    const side = sideCount * (SIDE_WIDTH + OPERATOR) + OPERATOR;
    const cw = Math.max(0.5, Math.min(MAX_CELL, (innerWidth - side) / cols));
    const rh = Math.min(MAX_CELL, Math.max(18, cw));
    const xh = Math.min(MAX_CELL, Math.max(14, cw));
    const xTop = TICKS;
    const matrixTop = xTop + xh + GAP + 12;
    const productsTop = matrixTop + rh * rows + GAP;
    const height = productsTop + xh + 4;
    return { cw, rh, xh, matrixWidth: cw * cols, xTop, matrixTop, productsTop, height };
  };

  const frame = createChartFrame(container, {
    title: options.title,
    className: 'viz-chart--matvec',
    margin: MARGIN,
    focusable: true,
    canvas: true,
    heightFor: (width) => {
      fit(width);
      const margin = margins ?? MARGIN;
      return layoutFor(width - margin.left - margin.right).height + MARGIN.top + MARGIN.bottom;
    },
    minHeight: 100,
    maxHeight: 900,
  });
  margins = frame.margin;
  const { plot, svg } = frame;
  const labels = plot.append('g').attr('class', 'matvec-labels');
  const colAxis = plot.append('g').attr('class', 'axis');
  const rowAxis = plot.append('g').attr('class', 'axis');
  const sideLayer = plot.append('g');
  const valueLayer = plot.append('g');
  const operators = plot.append('g').attr('class', 'matvec-operators');
  const rowBox = plot.append('rect').attr('class', 'window').attr('display', 'none');
  const vectorBox = plot.append('rect').attr('class', 'window').attr('display', 'none');
  const columnBox = plot.append('rect').attr('class', 'cursor').attr('display', 'none');
  const cursorRect = plot.append('rect').attr('class', 'cursor').attr('display', 'none');
  const hit = plot.append('rect').attr('fill', 'transparent');
  const legend = createSvgLegend(svg, plot);
  const xs: ScaleBand<number> = scaleBand<number>();
  const ys: ScaleBand<number> = scaleBand<number>();

  const sideParts = (): Part[] => (current.output ? ['b', 'affine', 'output'] : ['b', 'affine']);
  const sideX = (part: Part): number => geom!.matrixWidth + OPERATOR + sideParts().indexOf(part) * (SIDE_WIDTH + OPERATOR);
  const vector = (part: Part): ArrayLike<number> | null | undefined =>
    part === 'x' ? current.x : part === 'b' ? current.b : part === 'affine' ? current.affine : part === 'output' ? current.output : part === 'products' ? current.products : null;
  const name = (part: Part): string => {
    const l = current.labels ?? {};
    const fallback: Record<Part, string> = { w: 'W', x: 'x', b: 'b', affine: 'W x + b', output: 'g(·)', products: 'w·x' };
    return l[part] ?? fallback[part];
  };
  const rowName = (i: number): string => current.rowNames?.[i] ?? `row ${i}`;
  /** A part's name as plain text, for read-outs and the text alternative: 'W_{FC1}' -> 'W_FC1'. */
  const plain = (part: Part): string => name(part).replace(/_\{([^}]*)\}/g, '_$1');

  function domainOf(values: ArrayLike<number>): [number, number] {
    return niceDomainOf(finiteExtent(values), 'diverging');
  }

  function colourer(domain: readonly [number, number]): (v: number) => RGB | null {
    const kind = getColormap('diverging').kind;
    return (v) => {
      const t = normalizeValue(v, domain, kind);
      return Number.isNaN(t) ? null : ([...colorAt('diverging', t, scratch)] as RGB);
    };
  }

  /** The CSS colour of a value on the canvas (no array per cell: the colour map writes into `scratch`), or null. */
  function cssColourer(domain: readonly [number, number]): (v: number) => string | null {
    const kind = getColormap('diverging').kind;
    return (v) => {
      const t = normalizeValue(v, domain, kind);
      return Number.isNaN(t) ? null : rgbCss(colorAt('diverging', t, scratch));
    };
  }

  function check(d: MatrixVectorData): void {
    const shape = d.w.shape;
    if (shape.length !== 2) throw new Error(`matrix-vector view: W must be [n_out, n_in], got [${shape.join(', ')}]`);
    const [r, c] = shape as [number, number];
    const bad = (what: string, v: ArrayLike<number> | null | undefined, n: number) => {
      if (v && v.length !== n) throw new Error(`matrix-vector view: ${what} has ${v.length} values, W [${r}, ${c}] needs ${n}`);
    };
    bad('x', d.x, c);
    bad('b', d.b, r);
    bad('W x + b', d.affine, r);
    bad('g(W x + b)', d.output, r);
    bad('the products', d.products, c);
  }

  function summary(): void {
    const r = current.row;
    frame.setSummary(
      `${current.name ?? 'A fully connected layer'}: ${plain('w')} of ${rows} rows by ${cols} columns, weights ${formatRange(finiteExtent(current.w.data))}, ` +
        `times ${plain('x')} of ${cols} values ${formatRange(finiteExtent(current.x))}, plus ${plain('b')}, gives ${plain('affine')} ${formatRange(finiteExtent(current.affine))}` +
        (current.output ? `, then ${plain('output')} ${formatRange(finiteExtent(current.output))}` : '') +
        (r !== null && r !== undefined ? `. Row ${r} (${rowName(r)}) is selected: ${plain('affine')} = ${formatValue(current.affine[r]!)}.` : '.'),
    );
  }

  /** W, x and the selected row's products, one filled rectangle per value, on the canvas under the SVG. */
  function paintCells(): void {
    if (!geom || !frame.canvas) return;
    const g = geom;
    const ctx = frame.canvas.getContext('2d');
    if (!ctx) return;
    const ratio = frame.canvas.width / Math.max(1, frame.size.width);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, frame.size.width, frame.size.height);
    ctx.translate(frame.margin.left, MARGIN.top);
    const bw = xs.bandwidth();
    const bh = ys.bandwidth();
    const fill = (colour: (v: number) => string | null, v: number, x: number, y: number, w: number, h: number): void => {
      const c = colour(v);
      if (c === null) return;
      ctx.fillStyle = c;
      ctx.fillRect(x, y, w, h);
    };
    const wColour = cssColourer(domainOf(current.w.data));
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) fill(wColour, current.w.data[i * cols + j]!, xs(j)!, ys(i)!, bw, bh);
    const xColour = cssColourer(domainOf(current.x));
    for (let j = 0; j < cols; j++) fill(xColour, current.x[j]!, xs(j)!, g.xTop, bw, g.xh);
    const p = current.products;
    if (p) {
      const pColour = cssColourer(domainOf(p));
      for (let j = 0; j < cols; j++) fill(pColour, p[j]!, xs(j)!, g.productsTop, bw, g.xh);
    }
  }

  /** What the scales, axes, part names and operators were last drawn for: they are redrawn only when it changes. */
  let framedFor = '';
  let legendFor = '';

  /** The cells beside the rows and their values, then (when the layout changed) scales, names, operators and axes. W, x and the products are painted by renderSelection, which always follows. */
  function renderCells(): void {
    if (!geom) return;
    const g = geom;
    const sides = sideParts();
    const layoutKey = [rows, cols, narrow, g.cw, g.rh, g.xh, g.matrixTop, g.productsTop, g.height, frame.margin.left, frame.size.width, ...sides.map(name), name('x'), name('w'), name('products')].join('|');
    const relayout = layoutKey !== framedFor;
    if (relayout) {
      const inset = g.cw > 4 ? 0.06 : 0;
      xs.domain(Array.from({ length: cols }, (_, i) => i)).range([0, g.matrixWidth]).padding(inset);
      ys.domain(Array.from({ length: rows }, (_, i) => i)).range([g.matrixTop, g.matrixTop + g.rh * rows]).padding(0.06);
    }
    const bw = xs.bandwidth();
    const bh = ys.bandwidth();
    const wColour = colourer(domainOf(current.w.data));
    // b, W x + b and g(W x + b) share one colour scale, so their cells compare.
    const sideValues = sides.flatMap((p) => Array.from(vector(p)!));
    const sideColour = colourer(domainOf(sideValues));
    const sideCells = sides.flatMap((p) => Array.from({ length: rows }, (_, i) => ({ p, i })));
    sideLayer
      .selectAll<SVGRectElement, { p: Part; i: number }>('rect')
      .data(sideCells)
      .join('rect')
      .attr('class', (d) => `matvec-${d.p}`)
      .attr('x', (d) => sideX(d.p))
      .attr('y', (d) => ys(d.i)!)
      .attr('width', SIDE_WIDTH)
      .attr('height', bh)
      .style('fill', (d) => {
        const c = sideColour(vector(d.p)![d.i]!);
        return c ? rgbCss(c) : 'none';
      });
    const showSideValues = bh >= 15;
    const showCellValues = bw >= 42;
    const texts: { x: number; y: number; v: number; c: RGB | null }[] = [];
    if (showSideValues) for (const d of sideCells) texts.push({ x: sideX(d.p) + SIDE_WIDTH / 2, y: ys(d.i)! + bh / 2, v: vector(d.p)![d.i]!, c: sideColour(vector(d.p)![d.i]!) });
    if (showCellValues) {
      for (let i = 0; i < rows * cols; i++) texts.push({ x: xs(i % cols)! + bw / 2, y: ys(Math.floor(i / cols))! + bh / 2, v: current.w.data[i]!, c: wColour(current.w.data[i]!) });
      const xColour = colourer(domainOf(current.x));
      for (let j = 0; j < cols; j++) texts.push({ x: xs(j)! + bw / 2, y: g.xTop + g.xh / 2, v: current.x[j]!, c: xColour(current.x[j]!) });
    }
    valueLayer
      .selectAll<SVGTextElement, (typeof texts)[number]>('text')
      .data(texts)
      .join('text')
      .attr('class', 'cell-value')
      .style('font-size', narrow ? '9.5px' : '')
      .attr('x', (t) => t.x)
      .attr('y', (t) => t.y)
      .style('fill', (t) => (t.c ? textColorOn(t.c) : 'currentColor'))
      .each(function (t) {
        // Only the numbers that changed: writing a text replaces its node.
        const text = formatValue(t.v, { digits: 2 });
        if (this.textContent !== text) this.textContent = text;
      });

    const legendDomain = domainOf(current.w.data);
    const legendX = sideX(sides[sides.length - 1]!) + SIDE_WIDTH + 14;
    const legendHeight = Math.max(g.rh * rows + g.matrixTop, 60);
    const legendKey = [legendDomain[0], legendDomain[1], legendX, legendHeight].join('|');
    if (legendKey !== legendFor) {
      legend.update('diverging', legendDomain, legendX, legendHeight, 'weight');
      legendFor = legendKey;
    }
    if (!relayout) return;
    framedFor = layoutKey;

    // Part names, operators and axes.
    const partLabels = [
      { part: 'x', text: name('x'), x: -10, y: g.xTop + g.xh / 2, anchor: 'end' },
      { part: 'w', text: name('w'), x: narrow ? -22 : -30, y: g.matrixTop + (g.rh * rows) / 2, anchor: 'end' },
      ...sides.map((p) => ({ part: p, text: name(p), x: sideX(p) + SIDE_WIDTH / 2, y: g.matrixTop - 8, anchor: 'middle' })),
      { part: 'products', text: name('products'), x: -10, y: g.productsTop + g.xh / 2, anchor: 'end' },
    ];
    labels
      .selectAll<SVGTextElement, (typeof partLabels)[number]>('text')
      .data(partLabels)
      .join('text')
      .attr('class', 'axis-title')
      .attr('x', (l) => l.x)
      .attr('y', (l) => l.y)
      .attr('text-anchor', (l) => l.anchor)
      .attr('dominant-baseline', 'central')
      .each(function (l) {
        writeLabel(this, l.text);
      });
    const ops = sides.map((p, k) => ({ text: k === 0 ? '+' : k === 1 ? '=' : '→', x: sideX(p) - OPERATOR / 2 }));
    operators
      .selectAll('text')
      .data(ops)
      .join('text')
      .attr('class', 'axis-title')
      .attr('x', (o) => o.x)
      .attr('y', g.matrixTop + (g.rh * rows) / 2)
      .attr('text-anchor', 'middle')
      .attr('dominant-baseline', 'central')
      .text((o) => o.text);
    colAxis.attr('transform', `translate(0,${g.xTop - 2})`).call(axisTop(xs).tickValues(indexTicks(cols, g.matrixWidth, 24)).tickSizeOuter(0).tickSize(3));
    rowAxis.call(axisLeft(ys).tickValues(indexTicks(rows, g.rh * rows, 14)).tickSizeOuter(0).tickSize(3));
    plot.select('g.legend').attr('display', narrow ? 'none' : null);
    hit.attr('x', -frame.margin.left).attr('y', 0).attr('width', frame.size.width).attr('height', g.height);
  }

  function renderSelection(): void {
    if (!geom) return;
    const g = geom;
    const r = current.row;
    const bh = ys.bandwidth();
    const sides = sideParts();
    const right = sideX(sides[sides.length - 1]!) + SIDE_WIDTH;
    if (r === null || r === undefined || r < 0 || r >= rows) {
      rowBox.attr('display', 'none');
      vectorBox.attr('display', 'none');
    } else {
      rowBox.attr('display', null).attr('x', -2).attr('y', ys(r)! - 2).attr('width', right + 4).attr('height', bh + 4);
      vectorBox.attr('display', null).attr('x', -2).attr('y', g.xTop - 2).attr('width', g.matrixWidth + 4).attr('height', g.xh + 4);
    }
    paintCells();
    labels.selectAll<SVGTextElement, { part: string }>('text').filter((l) => l.part === 'products').attr('display', current.products ? null : 'none');
    drawCursor();
  }

  function drawCursor(): void {
    if (!geom) return;
    const g = geom;
    const bw = xs.bandwidth();
    const bh = ys.bandwidth();
    if (column !== null && column < cols) {
      const bottom = current.products ? g.productsTop + g.xh : g.matrixTop + g.rh * rows;
      columnBox.attr('display', null).attr('x', xs(column)! - 1).attr('y', g.xTop - 1).attr('width', bw + 2).attr('height', bottom - g.xTop + 2);
    } else {
      columnBox.attr('display', 'none');
    }
    if (!hover) {
      cursorRect.attr('display', 'none');
    } else {
      const { part, row, col } = hover;
      const box =
        part === 'w'
          ? [xs(col)!, ys(row)!, bw, bh]
          : part === 'x'
            ? [xs(col)!, g.xTop, bw, g.xh]
            : part === 'products'
              ? [xs(col)!, g.productsTop, bw, g.xh]
              : [sideX(part), ys(row)!, SIDE_WIDTH, bh];
      cursorRect.attr('display', null).attr('x', box[0]!).attr('y', box[1]!).attr('width', box[2]!).attr('height', box[3]!);
    }
    frame.setReadout(readout());
  }

  function readout(): string {
    const focus: Hit | null = hover ?? (column !== null && current.row !== null && current.row !== undefined ? { part: 'w', row: current.row, col: column } : null);
    if (!focus) return 'Point at a weight or a value to read it; click a row, or focus the chart and use the arrow keys, to select it.';
    const { part, row, col } = focus;
    if (part === 'w' || part === 'products') {
      const w = current.w.data[row * cols + col]!;
      const x = current.x[col]!;
      return `${plain('w')}[${row}, ${col}] = ${formatValue(w)}, times ${plain('x')}[${col}] = ${formatValue(x)}: ${formatValue(w * x)} (${rowName(row)}, column ${col}).`;
    }
    if (part === 'x') return `${plain('x')}[${col}] = ${formatValue(current.x[col]!)}: column ${col} of ${plain('w')} multiplies it.`;
    return `${plain(part)}[${row}] = ${formatValue(vector(part)![row]!)} (${rowName(row)}).`;
  }

  function hitAt(px: number, py: number): Hit | null {
    if (!geom) return null;
    const g = geom;
    const inColumns = px >= 0 && px < g.matrixWidth;
    const col = Math.min(cols - 1, Math.max(0, Math.floor(px / g.cw)));
    const rowAt = (y: number) => Math.floor((y - g.matrixTop) / g.rh);
    if (inColumns && py >= g.xTop && py < g.xTop + g.xh) return { part: 'x', row: -1, col };
    if (inColumns && current.products && py >= g.productsTop && py < g.productsTop + g.xh) return { part: 'products', row: current.row ?? 0, col };
    const row = rowAt(py);
    if (row < 0 || row >= rows) return null;
    if (inColumns) return { part: 'w', row, col };
    for (const p of sideParts()) if (px >= sideX(p) && px < sideX(p) + SIDE_WIDTH) return { part: p, row, col: -1 };
    return null;
  }

  function setHover(next: Hit | null): void {
    hover = next;
    const col = next && next.col >= 0 ? next.col : null;
    drawCursor();
    options.onColumn?.(col);
  }

  hit.on('pointermove', (event: PointerEvent) => {
    const [px, py] = pointerIn(event, plot.node()!);
    setHover(hitAt(px, py));
  });
  hit.on('pointerleave', () => setHover(null));
  hit.on('click', (event: MouseEvent) => {
    const [px, py] = pointerIn(event, plot.node()!);
    const h = hitAt(px, py);
    if (h && h.row >= 0 && h.part !== 'products') options.onSelectRow?.(h.row);
  });
  svg.on('keydown', (event: KeyboardEvent) => {
    const r = current.row ?? 0;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const next = Math.max(0, Math.min(rows - 1, r + (event.key === 'ArrowUp' ? -1 : 1)));
      if (next !== current.row) options.onSelectRow?.(next);
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      const c = column === null ? 0 : Math.max(0, Math.min(cols - 1, column + (event.key === 'ArrowLeft' ? -1 : 1)));
      column = c;
      drawCursor();
      options.onColumn?.(c);
    } else if (event.key === 'Escape') {
      column = null;
      drawCursor();
      options.onColumn?.(null);
    }
  });

  function setData(d: MatrixVectorData): boolean {
    check(d);
    const previous = current;
    current = d;
    const [r, c] = d.w.shape as [number, number];
    const reshaped = r !== rows || c !== cols || Boolean(previous.output) !== Boolean(d.output) || geom === null;
    rows = r;
    cols = c;
    sideCount = d.output ? 3 : 2;
    if (column !== null && column >= cols) column = null;
    summary();
    const sameCells = !reshaped && previous.w === d.w && previous.x === d.x && previous.b === d.b && previous.affine === d.affine && previous.output === d.output;
    return sameCells;
  }

  setData(data);
  geom = null;
  frame.observe((size) => {
    geom = layoutFor(size.innerWidth);
    renderCells();
    renderSelection();
  });

  return {
    node: frame.root,
    update(next) {
      if (frame.disposed) return;
      const before = [rows, cols, sideCount];
      const sameCells = setData(next);
      if (before[0] !== rows || before[1] !== cols || before[2] !== sideCount || !geom) {
        frame.observe((size) => {
          geom = layoutFor(size.innerWidth);
          renderCells();
          renderSelection();
        });
      } else {
        if (!sameCells) renderCells();
        renderSelection();
      }
    },
    setColumn(col) {
      column = col === null || col < 0 || col >= cols ? null : col;
      drawCursor();
    },
    dispose: () => frame.dispose(),
  };
}
