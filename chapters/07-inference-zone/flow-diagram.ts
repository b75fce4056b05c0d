/**
 * Figure 8 of the tutorial, "Simple inference zone at the end of a CNN
 * feature extraction zone", drawn with the numbers of the sample on the page:
 * H^M, its vector Vec(H^M) = FC_0, the hidden layer FC_1, the scores s_k and
 * the probabilities p-hat(k), each as small coloured cells (or bars), joined
 * by the operation that makes the next. The names are linked terms. The view
 * only draws the pass the chapter computed.
 */
import { select, type Selection } from 'd3';
import { CLASS_NAMES, STRUCTURE_KINDS } from '../../src/data/index.ts';
import type { TermBus } from '../../src/notebook/index.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';
import { tex } from '../../src/viz/tex/tex.ts';
import { colorAt, colormap as getColormap, normalizeValue, rgbCss, type ColormapName, type RGB } from '../../src/viz/paint/colormap.ts';
import { finiteExtent, niceDomainOf } from '../../src/viz/paint/domain.ts';
import { formatCount, formatNumber, formatPercent, formatShape } from './format.ts';
import type { InferencePass } from './network.ts';

export interface FlowData {
  readonly pass: InferencePass;
  /** The structure type of the sample, its class k - 1. */
  readonly label: number;
}

export interface FlowDiagram {
  readonly node: HTMLElement;
  update(data: FlowData): void;
  dispose(): void;
}

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function paint(values: ArrayLike<number>, map: ColormapName): (v: number) => RGB {
  const domain = niceDomainOf(finiteExtent(values), getColormap(map).kind);
  const kind = getColormap(map).kind;
  return (v) => {
    const t = normalizeValue(v, domain, kind);
    return Number.isNaN(t) ? [0.55, 0.55, 0.55] : ([...colorAt(map, t)] as RGB);
  };
}

/** The fill each cell of an SVG was last given: setting an SVG style again, even unchanged, restyles the element. */
const painted = new WeakMap<SVGSVGElement, string[]>();

/** Values as a grid of small cells, `columns` wide, in reading order. Geometry is set only when the grid changes. */
function drawCells(svg: Svg, values: ArrayLike<number>, map: ColormapName, columns: number, cell: number, labels = false): void {
  const n = values.length;
  const rows = Math.ceil(n / columns);
  const colour = paint(values, map);
  const labelWidth = labels ? 44 : 0;
  const node = svg.node()!;
  const layout = `${n}:${columns}:${cell}:${labels}`;
  if (node.dataset.layout !== layout) {
    node.dataset.layout = layout;
    painted.set(node, []);
    svg.attr('width', columns * cell + labelWidth).attr('height', rows * cell).attr('viewBox', `0 0 ${columns * cell + labelWidth} ${rows * cell}`);
    const all = Array.from({ length: n }, (_, i) => i);
    svg
      .selectAll<SVGRectElement, number>('rect')
      .data(all)
      .join('rect')
      .attr('x', (i) => (i % columns) * cell)
      .attr('y', (i) => Math.floor(i / columns) * cell)
      .attr('width', cell - 1)
      .attr('height', cell - 1);
    svg
      .selectAll<SVGTextElement, number>('text')
      .data(labels ? all : [])
      .join('text')
      .attr('class', 'flow__value')
      .attr('x', columns * cell + 4)
      .attr('y', (i) => Math.floor(i / columns) * cell + cell / 2)
      .attr('dominant-baseline', 'central');
  }
  const fills = painted.get(node)!;
  svg.selectAll<SVGRectElement, number>('rect').each(function (i) {
    const fill = rgbCss(colour(values[i]!));
    if (fills[i] === fill) return;
    fills[i] = fill;
    this.style.fill = fill;
  });
  if (labels) svg.selectAll<SVGTextElement, number>('text').text((i) => formatNumber(values[i]!, 2));
}

export function flowDiagram(container: HTMLElement, bus: TermBus): FlowDiagram {
  const disposers: Array<() => void> = [];
  const node = document.createElement('div');
  node.className = 'flow';
  container.append(node);

  const stage = (term: string, formula: string): { body: HTMLElement; note: HTMLElement } => {
    const el = document.createElement('div');
    el.className = 'flow__stage';
    disposers.push(linkTerm(el, term, bus));
    const name = document.createElement('p');
    name.className = 'flow__name';
    disposers.push(tex(name, formula, { bus }));
    const body = document.createElement('div');
    body.className = 'flow__body';
    const note = document.createElement('p');
    note.className = 'flow__note';
    el.append(name, body, note);
    node.append(el);
    return { body, note };
  };
  const arrow = (formula: string): void => {
    const el = document.createElement('div');
    el.className = 'flow__arrow';
    const label = document.createElement('span');
    label.className = 'flow__op';
    disposers.push(tex(label, formula, { bus }));
    const head = document.createElement('span');
    head.className = 'flow__head';
    head.setAttribute('aria-hidden', 'true');
    el.append(label, head);
    node.append(el);
  };
  const svgIn = (parent: HTMLElement): Svg => {
    const el = document.createElementNS(SVG_NS, 'svg');
    el.setAttribute('aria-hidden', 'true');
    parent.append(el);
    return select(el);
  };

  const hm = stage('HM', String.raw`\term{HM}{H^M}`);
  const hmShape = document.createElement('p');
  hmShape.className = 'flow__shape';
  hm.body.append(hmShape);
  arrow(String.raw`\term{Vec}{\mathrm{Vec}}`);
  const vec = stage('Vec', String.raw`\term{FC}{FC_0} = \term{Vec}{\mathrm{Vec}(H^M)}`);
  const vecSvg = svgIn(vec.body);
  arrow(String.raw`\term{g}{g}(\term{WFC}{W_{FC_1}} \cdot + \term{bf}{b_1})`);
  const fc1 = stage('FC', String.raw`\term{FC}{FC_1}`);
  const fc1Svg = svgIn(fc1.body);
  arrow(String.raw`\term{WFC}{W_{FC_2}} \cdot + \term{bf}{b_2}`);
  const scores = stage('s', String.raw`\term{s}{s_k} = FC_2`);
  const scoreSvg = svgIn(scores.body);
  arrow(String.raw`\text{softmax, eq. 8}`);
  const probs = stage('phat', String.raw`\term{phat}{\hat p(k)}`);
  const probSvg = svgIn(probs.body);

  function drawProbabilities(p: ArrayLike<number>, label: number): void {
    const rowH = 22;
    const nameW = 78;
    const barW = 84;
    const width = nameW + barW + 60;
    probSvg.attr('width', width).attr('height', p.length * rowH).attr('viewBox', `0 0 ${width} ${p.length * rowH}`);
    const best = Array.from(p).indexOf(Math.max(...Array.from(p)));
    const rows = probSvg
      .selectAll<SVGGElement, number>('g')
      .data(Array.from({ length: p.length }, (_, k) => k))
      .join((enter) => {
        const g = enter.append('g');
        g.append('text').attr('class', 'flow__class').attr('x', nameW - 6).attr('text-anchor', 'end').attr('dominant-baseline', 'central');
        g.append('rect').attr('class', 'flow__track').attr('x', nameW).attr('height', rowH - 8).attr('width', barW);
        g.append('rect').attr('class', 'flow__bar').attr('x', nameW).attr('height', rowH - 8);
        g.append('text').attr('class', 'flow__pct').attr('x', nameW + barW + 4).attr('dominant-baseline', 'central');
        return g;
      });
    rows.attr('transform', (k) => `translate(0,${k * rowH})`).classed('is-true', (k) => k === label).classed('is-best', (k) => k === best);
    rows.select('.flow__class').attr('y', rowH / 2 - 2).text((k) => STRUCTURE_KINDS[k] ?? `class ${k + 1}`);
    rows.select('.flow__track').attr('y', 2);
    rows.select('.flow__bar').attr('y', 2).attr('width', (k) => Math.max(0.5, p[k]! * barW));
    rows.select('.flow__pct').attr('y', rowH / 2 - 2).text((k) => formatPercent(p[k]!));
  }

  return {
    node,
    update({ pass, label }) {
      hmShape.textContent = formatShape(pass.hM.shape.slice(1));
      hm.note.textContent = 'the last hidden layer';
      const n = pass.vec.data.length;
      const columns = n > 64 ? 12 : 8;
      drawCells(vecSvg, pass.vec.data, 'viridis', columns, n > 64 ? 8 : 9);
      vec.note.textContent = `${formatCount(n)} values, read row by row`;
      const hidden = pass.dense[0]!.output.data;
      drawCells(fc1Svg, hidden, 'viridis', 1, 13);
      fc1.note.textContent = `${hidden.length} units`;
      drawCells(scoreSvg, pass.scores.data, 'diverging', 1, 18, true);
      scores.note.textContent = `${pass.scores.data.length} scores`;
      drawProbabilities(pass.probabilities.data, label);
      const best = Array.from(pass.probabilities.data).indexOf(Math.max(...Array.from(pass.probabilities.data)));
      probs.note.textContent = best === label ? `right: ${CLASS_NAMES[STRUCTURE_KINDS[label]!]}` : `wrong: the model is ${CLASS_NAMES[STRUCTURE_KINDS[label]!]}`;
      probs.note.classList.toggle('is-wrong', best !== label);
    },
    dispose() {
      disposers.forEach((d) => d());
      node.remove();
    },
  };
}
