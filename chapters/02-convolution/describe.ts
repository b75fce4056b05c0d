/** Text alternatives of the chapter's views: what each shows now, its shape and value range. */
import { finiteExtent } from '../../src/viz/paint/domain.ts';
import { formatRange } from '../../src/viz/paint/format.ts';
import { formatCell, formatRangeOf, formatShape, superscript } from './format.ts';
import type { Dims } from './inputs.ts';
import { windowRange, type ConvLayer, type Placement } from './layer.ts';

const range = (data: Float64Array): string => formatRange(finiteExtent(data));

export function describeInput(layer: ConvLayer, place: Placement, dims: Dims, m: number, maps?: readonly string[]): string {
  const g = layer.geometry;
  const { from, to } = windowRange(layer, place.corner);
  const what = maps && maps.length > 0 ? ` (${maps.join(', ')})` : '';
  return (
    `H${superscript(m - 1)}: ${formatShape(layer.x.shape.slice(1))}, ${g.depth} feature map${g.depth > 1 ? 's' : ''}${what}, values ${range(layer.x.data)}. ` +
    `The window covers ${formatRangeOf(from, to, dims)}${dims === 3 ? '; the block is cut open above its top' : ''}.`
  );
}

export function describeBank(layer: ConvLayer, place: Placement, m: number, names?: readonly string[]): string {
  const g = layer.geometry;
  const list = names && names.length > 0 ? `: ${names.map((n, c) => `${c + 1} ${n}`).join(', ')}` : '';
  return (
    `W${superscript(m)}: ${formatShape(layer.w.shape)}, ${g.filters} filter${g.filters > 1 ? 's' : ''}${list}; weights ${range(layer.w.data)}. ` +
    (place.filter >= 0 ? `Filter ${place.filter + 1} is outlined.` : '')
  );
}

export function describeOutput(layer: ConvLayer, place: Placement, dims: Dims, m: number): string {
  const g = layer.geometry;
  return (
    `H${superscript(m)}: ${formatShape(layer.y.shape.slice(1))}, ${g.filters} feature map${g.filters > 1 ? 's' : ''} (one per filter), values ${range(layer.y.data)}. ` +
    `The cell at ${formatCell(place.output, dims)}, made by window position ${place.position} of ${place.count}, is outlined in every map.`
  );
}
