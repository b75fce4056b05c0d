/** How chapter 6 writes shapes, counts and values: "8 × 8 × 8 × 2", "1,024", "0.512". */
import { formatValue } from '../../src/viz/paint/format.ts';

const count = new Intl.NumberFormat('en');

export function formatCount(n: number): string {
  return count.format(n);
}

export function formatShape(shape: readonly number[]): string {
  return shape.join(' × ');
}

/** A value with 3 significant digits and a true minus sign; never "NaN". */
export function formatNumber(v: number): string {
  return formatValue(v);
}

/** A ratio such as 8 or 3.38, for "8 times fewer". */
export function formatFactor(f: number): string {
  return Number.isInteger(f) ? count.format(f) : formatValue(f);
}

/** "x 3, y 1, z 0": the spatial index of a cell along the axes in use. */
export function formatIndex(cell: readonly number[], dims: 1 | 2 | 3): string {
  return ['x', 'y', 'z']
    .slice(0, dims)
    .map((axis, a) => `${axis} ${cell[a]}`)
    .join(', ');
}
