/** How chapter 2 writes shapes, cells, ranges and numbers. */
import { formatValue, MINUS } from '../../src/viz/paint/format.ts';
import type { Triple } from '../../src/tensor/params.ts';
import type { Dims } from './inputs.ts';

export function formatShape(shape: readonly number[]): string {
  return shape.join(' × ');
}

/** "x 3, y 2" (the axes the input has); "x 3, y 2, z 0" in 3D. */
export function formatCell(cell: Triple, dims: Dims): string {
  const parts = [`x ${cell[0]}`];
  if (dims >= 2) parts.push(`y ${cell[1]}`);
  if (dims === 3) parts.push(`z ${cell[2]}`);
  return parts.join(', ');
}

/** "x 3–5, y 2–4": the cells a window covers, inclusive. */
export function formatRangeOf(from: Triple, to: Triple, dims: Dims): string {
  const axis = (name: string, a: number): string => (from[a] === to[a] ? `${name} ${from[a]}` : `${name} ${from[a]}–${to[a]}`);
  const parts = [axis('x', 0)];
  if (dims >= 2) parts.push(axis('y', 1));
  if (dims === 3) parts.push(axis('z', 2));
  return parts.join(', ');
}

/** A value as the tables show it: three significant digits, true minus sign. */
export function formatNumber(v: number, digits = 3): string {
  return formatValue(v, { digits });
}

/** Every digit JavaScript keeps (the shortest text that reads back to the same double), with a true minus. */
export function formatExact(v: number): string {
  return String(v).replace('-', MINUS);
}

export { superscript } from '../../src/viz/paint/format.ts';
