/**
 * The data set, browsed: one synthetic model as a voxel grid of facies
 * (a block, a section or a well), optionally cut to one horizontal slice,
 * with the facies legend, its structure class (the label the network learns)
 * and its continuous targets (net-to-gross and dip, the regression head's
 * work, eq. 9).
 */
import { FACIES } from '../../src/data/index.ts';
import type { TermBus } from '../../src/notebook/index.ts';
import { termVoxelView } from '../../src/notebook/term-voxel-view.ts';
import { colorAt, rgbCss } from '../../src/viz/paint/colormap.ts';
import { formatValue } from '../../src/viz/paint/format.ts';
import type { BrowsedSample } from './browse.ts';

export interface DataView {
  readonly node: HTMLElement;
  update(sample: BrowsedSample, slice: number): void;
  dispose(): void;
}

/** Facies code c is drawn with the colour map at c / 3. */
export const faciesColor = (code: number): string => rgbCss(colorAt('viridis', code / (FACIES.length - 1)));

export function dataView(container: HTMLElement, bus: TermBus): DataView {
  const node = document.createElement('div');
  node.className = 'gt-data';
  const stage = document.createElement('div');
  const side = document.createElement('div');
  side.className = 'gt-data__side';
  const legend = document.createElement('ul');
  legend.className = 'gt-legend';
  legend.setAttribute('aria-label', 'Facies colours');
  const swatchCounts: HTMLElement[] = [];
  FACIES.forEach((name, code) => {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'gt-legend__swatch';
    swatch.style.background = faciesColor(code);
    const label = document.createElement('span');
    label.textContent = `${code} ${name}`;
    const count = document.createElement('span');
    count.className = 'gt-legend__count';
    swatchCounts.push(count);
    li.append(swatch, label, count);
    legend.append(li);
  });
  const facts = document.createElement('dl');
  facts.className = 'gt-facts';
  const fact = (label: string): HTMLElement => {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    facts.append(dt, dd);
    return dd;
  };
  const classOut = fact('Structure (class label)');
  const ntgOut = fact('Net-to-gross (target 1)');
  const dipOut = fact('Steepest dip (target 2)');
  const axesOut = fact('Axes');
  side.append(legend, facts);
  node.append(stage, side);
  container.append(node);

  const view = termVoxelView(stage, bus, {
    formula: String.raw`\term{X}{X}`,
    terms: ['X'],
    options: { legendLabel: 'facies code', colormap: 'viridis' },
  });

  return {
    node,
    update(sample, slice) {
      const voxel = view.show({ tensor: sample.facies, domain: [0, FACIES.length - 1], colormap: 'viridis', name: `Model ${sample.index + 1}, facies` });
      const depthAxis = sample.dims === 3 ? 'z' : sample.dims === 2 ? 'y' : 'x';
      const depth = sample.facies.shape[sample.dims === 3 ? 2 : sample.dims === 2 ? 1 : 0]!;
      voxel.setSlice(slice > 0 && sample.dims === 3 ? { axis: depthAxis, index: Math.min(slice, depth) - 1, mode: 'only' } : null);
      const total = sample.counts.reduce((a, b) => a + b, 0);
      sample.counts.forEach((c, i) => (swatchCounts[i]!.textContent = `${formatValue((100 * c) / total, { digits: 2 })} %`));
      classOut.textContent = sample.className;
      ntgOut.textContent = `${formatValue(sample.targets[0]!.value, { digits: 3 })} (share of sandstone cells)`;
      dipOut.textContent = `${formatValue(sample.targets[1]!.value, { digits: 3 })}°`;
      axesOut.textContent = sample.axes.join(', ');
    },
    dispose() {
      view.dispose();
      node.remove();
    },
  };
}

export function describeData(sample: BrowsedSample, slice: number): string {
  const shape = sample.facies.shape.slice(0, sample.dims).join(' by ');
  const depth = sample.facies.shape[2]!;
  const cut = slice > 0 && sample.dims === 3 ? `, cut to the horizontal slice at depth cell ${Math.min(slice, depth)}` : '';
  return `Model ${sample.index + 1} of the data set, ${sample.className}: a ${shape} grid of facies codes 0 to 3 (${sample.counts.map((c, i) => `${FACIES[i]} ${c} cells`).join(', ')})${cut}; net-to-gross ${formatValue(sample.targets[0]!.value, { digits: 3 })}, dip ${formatValue(sample.targets[1]!.value, { digits: 3 })} degrees.`;
}
