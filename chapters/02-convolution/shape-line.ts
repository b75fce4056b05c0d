/**
 * The layer's shapes as one line of TeX: H^{m-1} ∗ W^m -> H^m with the
 * sizes the code computed, braces naming the two rules of §2.1 the reader
 * changes with the controls: w_d = in_d (the filters are as deep as their
 * input) and h_d = w_c (one feature map per filter).
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { tex } from '../../src/viz/tex/tex.ts';
import type { ConvLayer } from './layer.ts';

/** The three parts of the line: the input, the filter bank, the output. */
export function shapeLineParts(layer: ConvLayer, m: number): [string, string, string] {
  const g = layer.geometry;
  const [ix, iy, iz] = g.input;
  const [wx, wy, wz] = g.window;
  const [ox, oy, oz] = g.output;
  const prev = m - 1 === 0 ? String.raw`\term{X}{X} = \term{H}{H^{0}}` : String.raw`\term{H}{H^{${m - 1}}}`;
  return [
    String.raw`\displaystyle ${prev}\!: ${ix}\times${iy}\times${iz}\times\underbrace{${g.depth}}_{in_d}`,
    String.raw`\displaystyle \ast\;\; \term{W}{W^{${m}}}\!: ${wx}\times${wy}\times${wz}\times\underbrace{${g.depth}}_{w_d\,=\,in_d}\times\underbrace{${g.filters}}_{w_c}`,
    String.raw`\displaystyle \longrightarrow\;\; \term{Hm}{H^{${m}}}\!: ${ox}\times${oy}\times${oz}\times\underbrace{${g.filters}}_{h_d\,=\,w_c}`,
  ];
}

/** A renderer that undoes the previous line's term links before drawing the next; parts wrap on a narrow screen. */
export function shapeLine(bus: TermBus): { render(layer: ConvLayer, m: number): HTMLElement } {
  const node = document.createElement('p');
  node.className = 'shape-line';
  let unlink: Array<() => void> = [];
  let shown = '';
  return {
    render(layer, m) {
      const parts = shapeLineParts(layer, m);
      const source = parts.join('|');
      if (source === shown) return node;
      shown = source;
      unlink.forEach((u) => u());
      node.replaceChildren();
      unlink = parts.map((part) => {
        const span = document.createElement('span');
        span.className = 'shape-line__part';
        node.append(span);
        return tex(span, part, { bus });
      });
      return node;
    },
  };
}
