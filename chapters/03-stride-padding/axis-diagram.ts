/**
 * Eq. 2 along each axis, drawn (the convolution-arithmetic picture, exact):
 * the padded input as a row of cells (padding grey, holding 0; input cells
 * coloured and numbered by how many windows read them), the stride as an
 * arrow between the first two windows, every window position as a bracket
 * (stacked so none overlap), the positions no window reaches marked
 * "dropped", and the output cells under the centres of their windows.
 *
 * The current window is drawn thick on every axis; pointing at a bracket or
 * an output cell moves it. The parts are linked to the equation's terms:
 * padding p, input cells h^(m-1), brackets w, stride arrow st, outputs h.
 * Built once (one group per axis), updated in place with d3 joins.
 */
import { select, type BaseType, type Selection } from 'd3';
import type { TermBus } from '../../src/notebook/index.ts';
import { colorAt, rgbCss, textColorOn } from '../../src/viz/paint/colormap.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';
import type { WindowCursor } from './cursor.ts';
import { AXES, clampCell, type AxisLine, type StrideScene } from './stride-padding.ts';

const SVG = 'http://www.w3.org/2000/svg';
const MAX_CELL = 42;
const MIN_CELL = 9;
/** Text inside cells only when they are this wide. */
const TEXT_CELL = 16;
const TOP = 22;
const ROW = 11;

type G = Selection<SVGGElement, unknown, null, undefined>;

interface Panel {
  readonly root: HTMLElement;
  readonly title: HTMLElement;
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  readonly stride: G;
  readonly pad: G;
  readonly input: G;
  readonly labels: G;
  readonly dropped: G;
  readonly windows: G;
  readonly links: G;
  readonly outputs: G;
  readonly current: G;
}

export interface AxisDiagram {
  readonly node: HTMLElement;
  update(scene: StrideScene): void;
  dispose(): void;
}

/**
 * Sets each element's text to `text(d)` only where it differs: d3's .text()
 * replaces the text node every time, and a slider move would re-create a
 * hundred of them that read the same.
 */
function setText<E extends BaseType, D>(selection: Selection<E, D, any, any>, text: (d: D) => string): void {
  selection.each(function (d) {
    const element = this as Element;
    const value = text(d);
    if (element.textContent !== value) element.textContent = value;
  });
}

interface CellDatum {
  readonly i: number;
  readonly coverage: number;
}

function panel(parent: HTMLElement, axis: string, bus: TermBus, disposers: Array<() => void>): Panel {
  const root = document.createElement('div');
  root.className = 'sp-axis';
  root.dataset.axis = axis;
  // Shown once drawn: a first setting that cannot be drawn leaves no empty panels.
  root.hidden = true;
  const title = document.createElement('p');
  title.className = 'sp-axis__title';
  const svgNode = document.createElementNS(SVG, 'svg');
  root.append(title, svgNode);
  parent.append(root);
  const svg = select(svgNode).attr('class', 'sp-axis__svg').attr('aria-hidden', 'true');
  const group = (cls: string, term?: string): G => {
    const g = svg.append('g').attr('class', cls);
    if (term) disposers.push(linkTerm(g.node()!, term, bus));
    return g;
  };
  return {
    root,
    title,
    svg,
    stride: group('sp-stride', 'st'),
    pad: group('sp-pad', 'p'),
    input: group('sp-input', 'hprev'),
    labels: group('sp-labels'),
    dropped: group('sp-dropped'),
    links: group('sp-links'),
    windows: group('sp-windows', 'w'),
    outputs: group('sp-outputs', 'h'),
    current: group('sp-current'),
  };
}

export function axisDiagram(container: HTMLElement, bus: TermBus, cursor: WindowCursor): AxisDiagram {
  const node = document.createElement('div');
  node.className = 'sp-axes';
  container.append(node);
  const disposers: Array<() => void> = [];
  const panels = AXES.map((axis) => panel(node, axis, bus, disposers));
  let scene: StrideScene | null = null;
  let width = 0;

  function draw(): void {
    if (!scene) return;
    // Read once; then the resize observer keeps it (reading it on every update would force a layout mid-update).
    if (width === 0) width = node.clientWidth || 600;
    const current = clampCell(scene, cursor.get());
    // One cell size for every axis, so that the axes compare.
    const longest = Math.max(...scene.lines.filter((_, a) => a < scene!.config.dims).map((l) => l.padded));
    const cell = Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor((width - 4) / longest)));
    panels.forEach((p, a) => {
      const used = a < scene!.config.dims;
      p.root.hidden = !used;
      if (used) drawAxis(p, scene!.lines[a]!, cell, current[a]!);
    });
  }

  function drawAxis(p: Panel, line: AxisLine, c: number, currentIndex: number): void {
    const { padded, padding, input, filter, stride, starts, coverage, dropped } = line;
    const text = c >= TEXT_CELL;
    const n = starts.length;
    const rows = Math.min(n, Math.ceil(filter / stride));
    const x0 = 2;
    const cellsY = TOP;
    const labelsY = cellsY + c + 11;
    const bracketsY = labelsY + 12;
    const bracketY = (k: number): number => bracketsY + (k % rows) * ROW;
    const outY = bracketsY + rows * ROW + 10;
    const outSize = Math.max(MIN_CELL - 2, Math.min(c, stride * c) - 3);
    const height = outY + outSize + 4;
    const w = x0 + padded * c + 4;
    p.svg.attr('width', w).attr('height', height).attr('viewBox', `0 0 ${w} ${height}`);
    p.title.textContent =
      `${line.axis}: ${input} input cell${input === 1 ? '' : 's'}, ${padding} padding cell${padding === 1 ? '' : 's'} each side, ` +
      `a ${filter}-cell window every ${stride} cell${stride === 1 ? '' : 's'}: ${n} output cell${n === 1 ? '' : 's'}` +
      (stride > filter && n > 1 ? `, ${stride - filter} cell${stride - filter === 1 ? '' : 's'} skipped between windows` : '') +
      (dropped > 0 ? `, ${dropped} position${dropped === 1 ? '' : 's'} dropped at the end.` : '.');

    const maxCoverage = Math.max(1, ...coverage);
    const cellX = (i: number): number => x0 + i * c;
    const cells: CellDatum[] = coverage.map((v, i) => ({ i, coverage: v }));
    const isPad = (d: CellDatum): boolean => d.i < padding || d.i >= padding + input;

    // Padding: grey cells holding zeros.
    const pad = p.pad.selectAll<SVGGElement, CellDatum>('g').data(cells.filter(isPad), (d) => d.i).join((enter) => {
      const g = enter.append('g');
      g.append('rect');
      g.append('text');
      return g;
    });
    pad.attr('transform', (d) => `translate(${cellX(d.i)},${cellsY})`);
    pad.select('rect').attr('width', c - 1).attr('height', c - 1);
    setText(pad.select('text').attr('x', (c - 1) / 2).attr('y', (c - 1) / 2), () => (text ? '0' : ''));

    // Input cells: coloured and numbered by how many windows read them.
    const colour = (d: CellDatum) => colorAt('viridis', d.coverage / maxCoverage);
    const inputCells = p.input.selectAll<SVGGElement, CellDatum>('g').data(cells.filter((d) => !isPad(d)), (d) => d.i).join((enter) => {
      const g = enter.append('g');
      g.append('rect');
      g.append('text');
      return g;
    });
    inputCells.attr('transform', (d) => `translate(${cellX(d.i)},${cellsY})`).classed('is-unread', (d) => d.coverage === 0);
    inputCells.select('rect').attr('width', c - 1).attr('height', c - 1).attr('fill', (d) => rgbCss(colour(d)));
    inputCells
      .select('text')
      .attr('x', (c - 1) / 2)
      .attr('y', (c - 1) / 2)
      .attr('fill', (d) => textColorOn(colour(d)));
    setText(inputCells.select('text'), (d) => (text ? String(d.coverage) : ''));

    // Input indices under the cells (every cell when there is room, else every fifth).
    const every = text ? 1 : 5;
    const indices = Array.from({ length: input }, (_, i) => i).filter((i) => i % every === 0);
    setText(
      p.labels
        .selectAll<SVGTextElement, number>('text')
        .data(indices)
        .join('text')
        .attr('x', (i) => cellX(i + padding) + (c - 1) / 2)
        .attr('y', labelsY - 2),
      (i) => String(i),
    );

    // The stride: an arrow from the first window's start to the second's.
    const strideData = n > 1 ? [{ from: starts[0]!, to: starts[1]! }] : [];
    const arrow = p.stride.selectAll<SVGGElement, { from: number; to: number }>('g').data(strideData).join((enter) => {
      const g = enter.append('g');
      g.append('path');
      g.append('text');
      return g;
    });
    arrow.select('path').attr('d', (d) => {
      const a = cellX(d.from) + 2;
      const b = cellX(d.to) + 2;
      const y = TOP - 6;
      return `M${a},${y - 5}V${y}H${b - 1}M${b - 5},${y - 3}L${b - 1},${y}L${b - 5},${y + 3}`;
    });
    setText(
      arrow
        .select('text')
        .attr('x', (d) => cellX(d.to) + 6)
        .attr('y', TOP - 6),
      () => `stride ${stride}`,
    );

    // Positions the windows never reach.
    const droppedData = dropped > 0 ? [{ from: padded - dropped, to: padded }] : [];
    const drop = p.dropped.selectAll<SVGGElement, { from: number; to: number }>('g').data(droppedData).join((enter) => {
      const g = enter.append('g');
      g.append('path');
      g.append('text');
      return g;
    });
    drop.select('path').attr('d', (d) => `M${cellX(d.from) + 1},${bracketsY - 4}V${bracketsY}H${cellX(d.to) - 2}V${bracketsY - 4}`);
    setText(
      drop
        .select('text')
        .attr('x', (d) => cellX(d.to) - 2)
        .attr('y', bracketsY + 11),
      () => 'dropped',
    );

    // Every window position as a bracket, and a link down to its output cell.
    const windows = starts.map((start, k) => ({ k, start }));
    const outX = (d: { start: number }): number => cellX(d.start) + (filter * c) / 2 - 0.5;
    p.windows
      .selectAll<SVGPathElement, { k: number; start: number }>('path')
      .data(windows, (d) => d.k)
      .join('path')
      .classed('is-current', (d) => d.k === currentIndex)
      .attr('d', (d) => {
        const a = cellX(d.start) + 1;
        const b = cellX(d.start + filter) - 2;
        const y = bracketY(d.k);
        return `M${a},${y - 5}V${y}H${b}V${y - 5}`;
      })
      .on('pointerenter', (_, d) => cursor.setAxis(AXES.indexOf(line.axis), d.k));
    p.links
      .selectAll<SVGLineElement, { k: number; start: number }>('line')
      .data(windows, (d) => d.k)
      .join('line')
      .attr('x1', outX)
      .attr('x2', outX)
      .attr('y1', (d) => bracketY(d.k))
      .attr('y2', outY);
    const outputs = p.outputs.selectAll<SVGGElement, { k: number; start: number }>('g').data(windows, (d) => d.k).join((enter) => {
      const g = enter.append('g');
      g.append('rect');
      g.append('text');
      return g;
    });
    outputs
      .attr('transform', (d) => `translate(${outX(d) - outSize / 2},${outY})`)
      .classed('is-current', (d) => d.k === currentIndex)
      .on('pointerenter', (_, d) => cursor.setAxis(AXES.indexOf(line.axis), d.k));
    outputs.select('rect').attr('width', outSize).attr('height', outSize);
    setText(
      outputs
        .select('text')
        .attr('x', outSize / 2)
        .attr('y', outSize / 2),
      (d) => (outSize >= TEXT_CELL - 2 ? String(d.k) : ''),
    );

    // The current window's cells, outlined on the input row.
    const start = starts[Math.min(currentIndex, n - 1)]!;
    p.current
      .selectAll('rect')
      .data([start])
      .join('rect')
      .attr('x', (s) => cellX(s) - 1)
      .attr('y', cellsY - 1.5)
      .attr('width', filter * c + 1)
      .attr('height', c + 2);
  }

  const unsubscribe = cursor.subscribe(draw);
  const resize = new ResizeObserver(() => {
    const measured = node.clientWidth;
    if (measured === 0 || measured === width) return;
    width = measured;
    draw();
  });
  resize.observe(node);

  return {
    node,
    update(next) {
      scene = next;
      draw();
    },
    dispose() {
      unsubscribe();
      resize.disconnect();
      disposers.forEach((d) => d());
      node.remove();
    },
  };
}
