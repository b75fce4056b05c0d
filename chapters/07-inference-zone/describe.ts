/**
 * The words chapter 7's views say: text alternatives stating what is shown
 * now (shape, value range, the position, the prediction) and the read-outs.
 * Pure: text and numbers only.
 */
import { CLASS_NAMES, STRUCTURE_KINDS, type StructureKind } from '../../src/data/index.ts';
import type { Tensor } from '../../src/tensor/tensor.ts';
import { finiteExtent } from '../../src/viz/paint/domain.ts';
import { formatCount, formatNumber, formatPercent, formatShape } from './format.ts';
import type { Dims } from './geology.ts';
import type { InferencePass } from './network.ts';
import { OUTPUT_NAMES, OUTPUT_RANGES, reachOf, type OutputKind, type TargetView } from './regression.ts';
import type { SoftmaxLab } from './softmax-lab.ts';
import type { TargetBatch } from './target-stream.ts';
import type { PositionStep } from './unrolling.ts';

export const GRID_NAMES: Readonly<Record<Dims, string>> = {
  1: 'well column',
  2: 'cross-section',
  3: 'block model',
};

/** The axes as the views draw them. */
export const AXES_CAPTION: Readonly<Record<Dims, string>> = {
  1: 'x counts cells down the hole from the collar, drawn left to right; the feature maps are drawn one under another.',
  2: 'x runs along the section, y counts cells upwards from its base; the feature maps are drawn side by side.',
  3: 'x runs east, y north, z counts cells upwards from the base; the feature maps are drawn side by side.',
};

export function valueRange(values: ArrayLike<number>): string {
  const ext = finiteExtent(values);
  if (ext === null) return 'no finite values';
  return ext[0] === ext[1] ? `every value ${formatNumber(ext[0])}` : `values from ${formatNumber(ext[0])} to ${formatNumber(ext[1])}`;
}

/** "x 1, y 0, z 1, d 1" */
export function cellText(cell: readonly number[]): string {
  return `x ${cell[0]}, y ${cell[1]}, z ${cell[2]}, d ${cell[3]}`;
}

export function describeInput(x: Tensor, dims: Dims, structure: StructureKind, model: number): string {
  const cells = x.data.length;
  let sand = 0;
  for (let i = 0; i < cells; i++) sand += x.data[i]!;
  return (
    `Input X, a ${GRID_NAMES[dims]} of ${formatShape(x.shape.slice(1, 1 + dims))} cells: model ${model} of ${CLASS_NAMES[structure]}, ` +
    `${formatCount(sand)} of its ${formatCount(cells)} cells sandstone (value 1), the rest 0. ${AXES_CAPTION[dims]}`
  );
}

export function describeHiddenLayer(hM: Tensor, dims: Dims, step: PositionStep, readCount: number): string {
  const [, hx, hy, hz, hd] = hM.shape as number[];
  const spatial = formatShape([hx!, hy!, hz!].slice(0, dims));
  return (
    `H^M: ${spatial} cells, ${hd} feature maps (${formatShape(hM.shape.slice(1))}), ${valueRange(hM.data)}. ` +
    `Cells read by Vec up to position ${step.position}: ${formatCount(readCount)} of ${formatCount(hM.data.length)}, drawn in full colour, the rest faded; ` +
    `the outlined cell, ${cellText(step.cell)}, holds ${formatNumber(step.value)}. ${AXES_CAPTION[dims]}`
  );
}

export function stripSummary(vec: Tensor, step: PositionStep): string {
  const [hx, hy, hz, hd] = step.dims;
  return (
    `Vec(H^M) = FC_0: ${formatCount(vec.data.length)} values (${hx} × ${hy} × ${hz} × ${hd}), ${valueRange(vec.data)}, ` +
    `in the order of x, then y, then z, then d, d changing fastest. Position ${step.position} is outlined; positions after it are faded.`
  );
}

export function positionReadout(step: PositionStep, pointed: boolean): string {
  const what = pointed ? 'Pointed at' : 'Walk at';
  return `${what} position p = ${step.position}: H^M at ${cellText(step.cell)} = ${formatNumber(step.value)}.`;
}

export function describePrediction(pass: InferencePass, label: number): string {
  const p = Array.from(pass.probabilities.data);
  const best = p.indexOf(Math.max(...p));
  const list = STRUCTURE_KINDS.map((kind, k) => `${CLASS_NAMES[kind]} ${formatPercent(p[k]!)}`).join(', ');
  const verdict = best === label ? 'right' : `wrong: the model is ${CLASS_NAMES[STRUCTURE_KINDS[label]!]}`;
  return `The softmax gives ${list}. The largest is ${CLASS_NAMES[STRUCTURE_KINDS[best]!]}, which is ${verdict}.`;
}

export function describeFlow(pass: InferencePass): string {
  const [fc1] = pass.dense;
  return (
    `Figure 8 with this sample's numbers: H^M of ${formatShape(pass.hM.shape.slice(1))} becomes Vec(H^M), ${formatCount(pass.vec.data.length)} values (${valueRange(pass.vec.data)}); ` +
    `FC_1 has ${fc1!.output.data.length} units (${valueRange(fc1!.output.data)}); the ${pass.scores.data.length} scores s_k are ${Array.from(pass.scores.data, (v) => formatNumber(v)).join(', ')}; ` +
    `the softmax turns them into probabilities ${Array.from(pass.probabilities.data, (v) => formatPercent(v)).join(', ')}.`
  );
}

/** The text alternative of a fully connected layer's matrix view, with the selected row's numbers. */
export function describeDense(pass: InferencePass, index: number, row: number): string {
  const step = pass.dense[index]!;
  const [rows, cols] = step.w.shape as [number, number];
  const out = step.activation ? `, and g gives FC${step.f}[${row}] = ${formatNumber(step.output.data[row]!)}` : '';
  return (
    `W_FC${step.f}: ${rows} × ${cols} weights, ${valueRange(step.w.data)}; it multiplies FC${step.f - 1}, ${cols} values, ${valueRange(step.input.data)}. ` +
    `Row ${row} times FC${step.f - 1}, plus b${step.f}[${row}] = ${formatNumber(step.b.data[row]!)}, gives ${formatNumber(step.affine.data[row]!)}${out}.`
  );
}

/** The scores and their probabilities, in words. */
export function describeLab(lab: SoftmaxLab): string {
  const list = lab.rows.map((r) => `s${r.k} = ${formatNumber(r.score, Math.abs(r.score) > 100 ? 6 : 3)} gives ${formatPercent(r.probability)}`).join('; ');
  return `${list}.${lab.naive ? '' : ' Computed directly, the printed formula would break down here.'}`;
}

/** The histogram of targets against the range of g. */
export function describeReach(view: TargetView, output: OutputKind, batch: TargetBatch): string {
  const drawn = batch.targets.shape[0]!;
  const status = batch.done ? `${formatCount(batch.total)} models` : `${formatCount(drawn)} of ${formatCount(batch.total)} models drawn so far`;
  const reach = reachOf(view.values, output);
  return `${status}, ${view.label}: ${valueRange(view.values)}. ${OUTPUT_NAMES[output]} can produce values in ${OUTPUT_RANGES[output].text}: ${formatCount(reach.inside)} of these ${formatCount(view.values.length)} targets (${formatPercent(reach.share)}).`;
}
