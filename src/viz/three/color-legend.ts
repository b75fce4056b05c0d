/**
 * DOM colour-scale legend for 3D views: a gradient bar with the domain's
 * minimum and maximum either side, and 0 marked under the middle of a
 * diverging scale. Text only through textContent.
 */
import { colormap, type ColormapName } from '../paint/colormap.ts';
import { cssGradient } from '../paint/paint-values.ts';
import { formatValue } from '../paint/format.ts';

export interface LegendSpec {
  map: ColormapName;
  domain: readonly [number, number];
  label: string;
}

export interface ColorLegend {
  readonly node: HTMLElement;
  update(spec: LegendSpec): void;
  dispose(): void;
}

export function createColorLegend(parent: HTMLElement, spec: LegendSpec): ColorLegend {
  const node = document.createElement('div');
  node.className = 'viz-legend';
  node.setAttribute('role', 'img');
  const label = document.createElement('span');
  label.className = 'viz-legend__label';
  const min = document.createElement('span');
  const bar = document.createElement('span');
  bar.className = 'viz-legend__bar';
  const zero = document.createElement('span');
  zero.className = 'viz-legend__zero';
  zero.textContent = '0';
  bar.append(zero);
  const max = document.createElement('span');
  node.append(label, min, bar, max);
  parent.append(node);

  let lastMap: ColormapName | null = null;
  const update = (s: LegendSpec) => {
    const cm = colormap(s.map);
    if (s.map !== lastMap) {
      bar.style.background = cssGradient(cm);
      lastMap = s.map;
    }
    label.textContent = s.label;
    min.textContent = formatValue(s.domain[0]);
    max.textContent = formatValue(s.domain[1]);
    const showZero = cm.kind === 'diverging' && s.domain[0] < 0 && s.domain[1] > 0;
    zero.hidden = !showZero;
    node.classList.toggle('viz-legend--has-zero', showZero);
    node.setAttribute('aria-label', `Colour scale (${cm.label}) for ${s.label}, from ${min.textContent} to ${max.textContent}`);
  };
  update(spec);
  return { node, update, dispose: () => node.remove() };
}
