/** The text alternatives and read-outs of chapter 10, in words. Pure: no DOM. */
import type { ActivationKind } from '../../src/nn/activation.ts';
import { formatCount, formatValue } from '../../src/viz/paint/format.ts';
import { keptMass, truncatedStd, type WeightSample } from './density.ts';
import { BATCH, WIDTH, type LayerStats, type StackResult } from './stack.ts';

const BATCH_WORDS = `${BATCH} inputs × ${WIDTH} units`;

export const ACTIVATION_NAMES: Readonly<Record<ActivationKind, string>> = { sigmoid: 'Sigmoid', tanh: 'TanH', relu: 'ReLU' };

export function inactiveWord(kind: ActivationKind): string {
  return kind === 'relu' ? 'dead' : 'saturated';
}

export function percent(share: number): string {
  const p = share * 100;
  return `${p >= 10 || p === 0 || p === 100 ? Math.round(p) : p.toFixed(1)}%`;
}

export function describeWeights(sample: WeightSample, sigma: number, cut: number): string {
  return `Histogram of ${formatCount(sample.values.length)} drawn weights, from ${formatValue(sample.min)} to ${formatValue(sample.max)}, against the truncated normal density with σ = ${formatValue(sigma)} cut at ±${formatValue(cut)}σ = ±${formatValue(cut * sigma)}. ${formatCount(sample.outside)} weights fall outside the cut-offs.`;
}

/** The sample against the theory: mean, spread and the mass the cut keeps. */
export function weightSummary(sample: WeightSample, sigma: number, cut: number): string {
  return `Drawn: mean ${formatValue(sample.mean)}, standard deviation ${formatValue(sample.std)}. Theory: mean 0, standard deviation ${formatValue(truncatedStd(sigma, cut))} (a little below σ = ${formatValue(sigma)}, since the tails are cut). The normal keeps ${percent(keptMass(cut))} of its mass inside ±${formatValue(cut)}σ; draws outside are redrawn, so ${formatCount(sample.outside)} of the ${formatCount(sample.values.length)} weights lie outside.`;
}

/** One layer's spread in words, never a non-number. */
export function stdText(layer: LayerStats): string {
  if (layer.std === 0) return '0 (every unit equal)';
  return formatValue(layer.std);
}

export function gradText(layer: LayerStats, result: StackResult): string {
  if (layer.gradRms === null) return result.gradOverflowAt !== null ? 'overflowed' : 'not reached';
  return formatValue(layer.gradRms);
}

/** The headline over the stack: what happened to the last layer. */
export function stackHeadline(result: StackResult): string {
  const { settings, layers, overflowAt } = result;
  const name = ACTIVATION_NAMES[settings.kind];
  if (overflowAt !== null) {
    return `The activations overflowed at layer ${overflowAt}: they grew past the largest number a double can hold (about 1.8e308), so layers ${overflowAt} to ${settings.depth} are not shown.`;
  }
  const first = layers[0]!;
  const last = layers[layers.length - 1]!;
  const ratio = first.std > 0 && last.std > 0 ? last.std / first.std : null;
  const trend =
    ratio === null
      ? 'the activations have collapsed: every unit of the last layer holds the same value'
      : ratio > 10
        ? `the spread of the activations grew ${formatValue(ratio)} times from layer 1 to layer ${last.layer}: they explode`
        : ratio < 0.1
          ? `the spread of the activations shrank to ${formatValue(ratio)} of layer 1's by layer ${last.layer}: they vanish`
          : `the spread of the activations stays within a factor of 10 from layer 1 to layer ${last.layer}`;
  return `${name}, σ = ${formatValue(settings.sigma)}: ${trend}; ${percent(last.inactive)} of the last layer's units are ${inactiveWord(settings.kind)}.`;
}

export function describeSpread(result: StackResult, other: StackResult): string {
  const values = result.layers.map((l) => `${l.layer}: ${stdText(l)}`).join(', ');
  const otherValues = other.layers.map((l) => stdText(l)).join(', ');
  return `Standard deviation of the activations per layer with biases at ${result.settings.bias} (${values}) and at ${other.settings.bias} (${otherValues}), log scale.`;
}

export function describeInactive(result: StackResult, other: StackResult): string {
  const word = inactiveWord(result.settings.kind);
  const list = (r: StackResult) => r.layers.map((l) => percent(l.inactive)).join(', ');
  return `Share of ${word} units per layer, biases at ${result.settings.bias}: ${list(result)}; at ${other.settings.bias}: ${list(other)}.`;
}

export function describeGrad(result: StackResult): string {
  return `Root mean square of the weight gradient per layer, from layer 1 to ${result.layers.length}: ${result.layers.map((l) => gradText(l, result)).join(', ')}, log scale.`;
}

export function describeLayerHistograms(result: StackResult): string {
  const { settings, layers } = result;
  const each = layers.map((l) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of l.values) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
    return `layer ${l.layer} from ${formatValue(lo)} to ${formatValue(hi)}, spread ${stdText(l)}`;
  }).join('; ');
  return `Histograms of the ${ACTIVATION_NAMES[settings.kind]} activations of each layer, ${formatCount(layers[0]?.values.length ?? 0)} values per layer (${BATCH_WORDS}): ${each}.`;
}
