/** How chapter 1 writes shapes and counts: "16 × 16 × 1 × 8", "1,024". */
import type { ActivationKind } from '../../src/nn/activation.ts';

const count = new Intl.NumberFormat('en');

export function formatCount(n: number): string {
  return count.format(n);
}

export function formatShape(shape: readonly number[]): string {
  return shape.map(formatCount).join(' × ');
}

/** "16 by 16 by 1 by 8", for screen readers. */
export function speakShape(shape: readonly number[]): string {
  return shape.join(' by ');
}

export const ACTIVATION_NAMES: Readonly<Record<ActivationKind, string>> = {
  relu: 'ReLU',
  tanh: 'TanH',
  sigmoid: 'Sigmoid',
};

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/** 12 -> '¹²', for layer names in plain text (H¹, FC₂). */
export function superscript(n: number): string {
  return [...String(n)].map((d) => SUPERSCRIPTS[Number(d)]).join('');
}

export function subscript(n: number): string {
  return [...String(n)].map((d) => SUBSCRIPTS[Number(d)]).join('');
}
