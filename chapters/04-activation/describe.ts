/** The text alternatives of chapter 4's views: what each shows right now, in words. Pure: no DOM. */
import { ACTIVATION_KINDS, type ActivationKind } from '../../src/nn/activation.ts';
import { CLASS_NAMES, type Dims, type StructureKind } from '../../src/data/index.ts';
import type { Tensor } from '../../src/tensor/tensor.ts';
import { formatCount, formatRange } from '../../src/viz/paint/format.ts';
import { inactive, type Census } from './census.ts';
import { Z_RANGE, type ZHistogram } from './histogram.ts';
import { ACTIVATION_NAMES, inactiveWord, percent, zoneText } from './names.ts';

const GRID_WORDS: Readonly<Record<Dims, string>> = { 1: 'a well column', 2: 'an x-z cross-section', 3: 'a block' };

export function shapeText(shape: readonly number[]): string {
  return shape.slice(1).join(' × ');
}

function valueRange(t: Tensor): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of t.data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return t.data.length > 0 ? [lo, hi] : null;
}

export function describeFunctions(kind: ActivationKind): string {
  const zones = ACTIVATION_KINDS.map((k) => `${ACTIVATION_NAMES[k]} ${zoneText(k, 'x')}`).join(', ');
  return `Sigmoid, TanH and ReLU (the chosen g: ${ACTIVATION_NAMES[kind]}), each with its derivative, for x from ${Z_RANGE[0]} to ${Z_RANGE[1]}. Active zones, where g′(x) is above 5% of its peak: ${zones}.`;
}

export function describeInput(input: Tensor, dims: Dims, structure: StructureKind): string {
  return `Input Hᵐ⁻¹: ${GRID_WORDS[dims]} of ${CLASS_NAMES[structure]}, ${shapeText(input.shape)} (x × y × z × feature maps), facies code / 3 with measurement noise, values ${formatRange(valueRange(input))}.`;
}

function outsideText(c: Census): string {
  const out = inactive(c);
  return `${formatCount(out)} of ${formatCount(c.units)} units (${percent(out, c.units)}) ${inactiveWord(c.kind)}, outside ${ACTIVATION_NAMES[c.kind]}'s active zone ${zoneText(c.kind)}`;
}

export function describeStage(stage: 'before' | 'after', t: Tensor, c: Census, fade: boolean): string {
  const what = stage === 'before' ? 'Pre-activations z = Wᵐ Hᵐ⁻¹ + bᵐ' : `Hidden layer Hᵐ = ${ACTIVATION_NAMES[c.kind]}(z)`;
  return `${what}: ${shapeText(t.shape)}, values ${formatRange(valueRange(t))}; ${outsideText(c)}${fade ? ', drawn faded' : ''}.`;
}

export function describeHistogram(h: ZHistogram, c: Census): string {
  const beyond = h.under + h.over > 0 ? ` ${formatCount(h.under)} fall below ${Z_RANGE[0]} and ${formatCount(h.over)} above ${Z_RANGE[1]}.` : '';
  return `${formatCount(h.units)} pre-activations in bins of 0.25 from ${Z_RANGE[0]} to ${Z_RANGE[1]}; ${outsideText(c)}.${beyond}`;
}
