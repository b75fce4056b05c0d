/**
 * Validation of hyperparameters shared by every op: integer sizes, strides of
 * at least 1, non-negative padding, finite numbers inside a range, known kinds.
 * Each throws a ParamError that names the op and the value.
 */
import { ParamError } from './errors.ts';

export type Triple = readonly [number, number, number];

const AXES = ['x', 'y', 'z'] as const;

/** A spatial triple [x, y, z] of integers >= `min` (1 for sizes and strides, 0 for padding). */
export function assertTriple(op: string, name: string, value: unknown, min: number): Triple {
  if (!Array.isArray(value) || value.length !== 3) {
    throw new ParamError(op, `${name} must be three integers [x, y, z], got ${JSON.stringify(value)}`);
  }
  value.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      throw new ParamError(op, `${name} along ${AXES[i]} must be an integer, got ${String(v)}`);
    }
    if (v < min) {
      const what = min === 0 ? 'cannot be negative' : `must be at least ${min}`;
      throw new ParamError(op, `${name} along ${AXES[i]} ${what}, got ${v}`);
    }
  });
  return [value[0], value[1], value[2]] as Triple;
}

/** A finite number within [lo, hi] (either bound may be open). */
export function assertNumber(
  op: string,
  name: string,
  value: unknown,
  range: { lo?: number; hi?: number; loOpen?: boolean; hiOpen?: boolean } = {},
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ParamError(op, `${name} must be a finite number, got ${String(value)}`);
  }
  const { lo, hi, loOpen = false, hiOpen = false } = range;
  const belowLo = lo !== undefined && (loOpen ? value <= lo : value < lo);
  const aboveHi = hi !== undefined && (hiOpen ? value >= hi : value > hi);
  if (belowLo || aboveHi) {
    const left = lo === undefined ? '(-inf' : `${loOpen ? '(' : '['}${lo}`;
    const right = hi === undefined ? 'inf)' : `${hi}${hiOpen ? ')' : ']'}`;
    throw new ParamError(op, `${name} must lie in ${left}, ${right}, got ${value}`);
  }
  return value;
}

/** A positive integer (a count or a size). */
export function assertCount(op: string, name: string, value: unknown, min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ParamError(op, `${name} must be an integer of at least ${min}, got ${String(value)}`);
  }
  return value;
}

/** One of a fixed set of kinds. */
export function assertKind<K extends string>(op: string, name: string, value: unknown, kinds: readonly K[]): K {
  if (typeof value !== 'string' || !(kinds as readonly string[]).includes(value)) {
    throw new ParamError(op, `unknown ${name} ${JSON.stringify(value)}; expected one of ${kinds.join(', ')}`);
  }
  return value as K;
}
