/**
 * The words chapter 6's views say: their text alternatives (what is shown
 * now: shape, value range, the selected window) and the colour scales they
 * share. Pure: text and numbers only.
 */
import { CLASS_NAMES, type StructureKind } from '../../src/data/index.ts';
import type { ColormapName } from '../../src/viz/paint/colormap.ts';
import { finiteExtent, niceDomainOf } from '../../src/viz/paint/domain.ts';
import { colormap } from '../../src/viz/paint/colormap.ts';
import type { Tensor } from '../../src/tensor/tensor.ts';
import type { Dims } from './feature-maps.ts';
import { FILTER_NAMES } from './feature-maps.ts';
import { formatCount, formatIndex, formatNumber, formatShape } from './format.ts';
import { POOL_NAMES, type PoolKind, type Pooled } from './pooling.ts';
import type { WindowDetails } from './selection.ts';

export const GRID_NAMES: Readonly<Record<Dims, string>> = {
  1: 'well column',
  2: 'cross-section',
  3: 'block model',
};

/** The axes as the views draw them. */
export const AXES_CAPTION: Readonly<Record<Dims, string>> = {
  1: 'x counts cells down the hole, from the collar (drawn left to right).',
  2: 'x runs along the section, y counts cells upwards from its base.',
  3: 'x runs east, y north, z counts cells upwards from the base of the block.',
};

function spatial(shape: readonly number[], dims: Dims): string {
  return formatShape(shape.slice(1, 1 + dims));
}

function range(t: Tensor): string {
  const ext = finiteExtent(t.data);
  if (ext === null) return 'no finite values';
  return ext[0] === ext[1] ? `every value ${formatNumber(ext[0])}` : `values from ${formatNumber(ext[0])} to ${formatNumber(ext[1])}`;
}

export function describeGeology(hPrev: Tensor, dims: Dims, structure: StructureKind): string {
  const sand = hPrev.data.reduce((s, v) => s + v, 0);
  return (
    `Hᵐ⁻¹: the sandstone indicator of a ${dims === 1 ? `${hPrev.shape[1]}-cell` : spatial(hPrev.shape, dims)} ${GRID_NAMES[dims]} of ${CLASS_NAMES[structure]}, ` +
    `1 for sandstone and 0 for any other facies; ${formatCount(sand)} of ${formatCount(hPrev.data.length)} cells are sandstone.`
  );
}

export function describeInput(x: Tensor, dims: Dims, details: WindowDetails | null): string {
  const maps = FILTER_NAMES.slice(0, x.shape[4]).join(' and ');
  const base = `g(BN(Wᵐ Hᵐ⁻¹ + bᵐ)): ${spatial(x.shape, dims)} cells, ${x.shape[4]} feature maps (${maps}), ${range(x)}.`;
  if (!details) return base;
  const axes = ['x', 'y', 'z'].slice(0, dims).map((a, i) => `${a} ${details.from[i]}–${details.to[i]}`).join(', ');
  return `${base} The window of the selected output cell covers ${axes} of feature map d = ${details.cell[3]}.`;
}

export function describeOutput(kind: PoolKind, pooled: Pooled, dims: Dims, details: WindowDetails | null): string {
  const y = pooled.results[kind].y;
  const base = `${POOL_NAMES[kind]}, Hᵐ: ${spatial(y.shape, dims)} cells, ${y.shape[4]} feature maps, ${range(y)}.`;
  if (!details) return base;
  return `${base} Selected cell ${formatIndex(details.cell, dims)} of feature map d = ${details.cell[3]}: ${formatNumber(details.results[kind])}.`;
}

export interface ColourScale {
  readonly colormap: ColormapName;
  readonly domain: readonly [number, number];
}

/**
 * The input and max, average and min pooling share one scale (their values
 * lie within the input's range); L2 pooling gets its own, since a window's
 * norm exceeds its largest value. Negative values (TanH) take the diverging map.
 */
export function colourScales(pooled: Pooled): { shared: ColourScale; l2: ColourScale } {
  const ext = finiteExtent(pooled.x.data);
  const name: ColormapName = ext !== null && ext[0] < 0 ? 'diverging' : 'viridis';
  const kind = colormap(name).kind;
  return {
    shared: { colormap: name, domain: niceDomainOf(ext, kind) },
    l2: { colormap: 'viridis', domain: niceDomainOf(finiteExtent(pooled.results.l2.y.data), 'sequential') },
  };
}
