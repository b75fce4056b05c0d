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

export { subscript, superscript } from '../../src/viz/paint/format.ts';
