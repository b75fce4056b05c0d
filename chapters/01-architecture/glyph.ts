/**
 * Small SVG pictures of a layer for the architecture diagram, drawn to one
 * common scale so that sizes compare across the diagram: a grid layer is a
 * bar (1D), a square (2D) or a cube (3D) whose side grows with log2 of its
 * cells, with one outline per feature map stacked behind (up to six); a
 * vector layer is a column of units. Decorative: the card's text says it all.
 */
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 100;
const HEIGHT = 84;
const MAX_MAPS = 6;
const MAP_OFFSET = 5;

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, String(value));
  return element;
}

function canvas(): SVGSVGElement {
  const svg = svgElement('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'glyph', 'aria-hidden': 'true', focusable: 'false' });
  return svg;
}

/** Side in the glyph's units for `cells` cells: 1 -> 10, 64 -> 46. */
function side(cells: number): number {
  return Math.min(46, 10 + 6 * Math.log2(Math.max(1, cells)));
}

/** One map's outline at offset `k` (0 = front): a bar, a square or a cube. */
function mapShape(dims: 1 | 2 | 3, sx: number, sy: number, k: number, front: boolean): SVGElement {
  const left = 8 + k * MAP_OFFSET;
  const bottom = HEIGHT - 8 - k * MAP_OFFSET;
  const cls = front ? 'glyph__face glyph__face--front' : 'glyph__face';
  if (dims !== 3) {
    return svgElement('rect', { x: left, y: bottom - sy, width: sx, height: sy, rx: 1.5, class: cls });
  }
  const depth = sx * 0.45;
  const group = svgElement('g', { class: cls });
  const top = bottom - sy;
  group.append(
    svgElement('polygon', { points: `${left},${top} ${left + depth},${top - depth * 0.6} ${left + sx + depth},${top - depth * 0.6} ${left + sx},${top}`, class: 'glyph__top' }),
    svgElement('polygon', { points: `${left + sx},${top} ${left + sx + depth},${top - depth * 0.6} ${left + sx + depth},${bottom - depth * 0.6} ${left + sx},${bottom}`, class: 'glyph__side' }),
    svgElement('rect', { x: left, y: top, width: sx, height: sy }),
  );
  return group;
}

/** A grid layer [x, y, z, d] of a `dims`-dimensional input. */
export function gridGlyph(shape: readonly number[], dims: 1 | 2 | 3): SVGSVGElement {
  const svg = canvas();
  const [x = 1, , , d = 1] = shape;
  const sx = side(x);
  const sy = dims === 1 ? 7 : sx;
  const maps = Math.min(d, MAX_MAPS);
  // Back maps first so the front one is drawn on top.
  for (let k = maps - 1; k >= 0; k--) svg.append(mapShape(dims, sx, sy, k, k === 0));
  return svg;
}

/** A vector layer of `units` values: up to eight circles, with a gap marking the rest. */
export function vectorGlyph(units: number): SVGSVGElement {
  const svg = canvas();
  const shown = Math.min(units, 8);
  const r = 4;
  const gap = 9.5;
  const cut = units > 8;
  const total = (shown - 1) * gap + (cut ? gap : 0);
  let y = (HEIGHT - total) / 2;
  for (let i = 0; i < shown; i++) {
    if (cut && i === 6) {
      for (const dy of [-2.5, 0, 2.5]) svg.append(svgElement('circle', { cx: WIDTH / 2, cy: y + gap / 2 + dy * 1.2, r: 0.9, class: 'glyph__dots' }));
      y += gap;
    }
    svg.append(svgElement('circle', { cx: WIDTH / 2, cy: y, r, class: 'glyph__unit' }));
    y += gap;
  }
  return svg;
}
