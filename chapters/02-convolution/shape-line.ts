/**
 * The layer's shapes as one line of TeX: H^{m-1} ∗ W^m -> H^m with the
 * sizes the code computed, braces naming the two rules of §2.1 the reader
 * changes with the controls: w_d = in_d (the filters are as deep as their
 * input) and h_d = w_c (one feature map per filter).
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { tex } from '../../src/viz/tex/tex.ts';
import type { ConvLayer } from './layer.ts';

export function shapeLineTex(layer: ConvLayer, m: number): string {
  const g = layer.geometry;
  const [ix, iy, iz] = g.input;
  const [wx, wy, wz] = g.window;
  const [ox, oy, oz] = g.output;
  const prev = m - 1 === 0 ? String.raw`\term{X}{X} = \term{H}{H^{0}}` : String.raw`\term{H}{H^{${m - 1}}}`;
  return (
    String.raw`${prev}\!: ${ix}\times${iy}\times${iz}\times\underbrace{${g.depth}}_{in_d}` +
    String.raw`\quad\ast\quad \term{W}{W^{${m}}}\!: ${wx}\times${wy}\times${wz}\times\underbrace{${g.depth}}_{w_d\,=\,in_d}\times\underbrace{${g.filters}}_{w_c}` +
    String.raw`\quad\longrightarrow\quad \term{Hm}{H^{${m}}}\!: ${ox}\times${oy}\times${oz}\times\underbrace{${g.filters}}_{h_d\,=\,w_c}`
  );
}

/** A renderer that undoes the previous line's term links before drawing the next. */
export function shapeLine(bus: TermBus): { render(layer: ConvLayer, m: number): HTMLElement } {
  const node = document.createElement('p');
  node.className = 'shape-line';
  let unlink: () => void = () => {};
  let shown = '';
  return {
    render(layer, m) {
      const source = shapeLineTex(layer, m);
      if (source === shown) return node;
      shown = source;
      unlink();
      node.replaceChildren();
      unlink = tex(node, source, { display: true, bus });
      return node;
    },
  };
}
