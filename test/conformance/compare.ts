/**
 * The conformance rule: shapes match exactly and every value satisfies
 * |actual - expected| <= atol + rtol |expected| (NaN never does).
 * Returns null when the output passes, else one line saying what differs.
 */
import { indexOf, type Tensor } from '../../src/tensor/index.ts';
import { isRecord, MalformedCase, type Actual } from './case.ts';

export interface Tolerance {
  readonly atol: number;
  readonly rtol: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { atol: 1e-4, rtol: 1e-3 };

export function toleranceOf(json: unknown): Tolerance {
  if (json === undefined) return DEFAULT_TOLERANCE;
  if (!isRecord(json)) throw new MalformedCase('tolerance must be an object {"atol", "rtol"}');
  const pick = (key: 'atol' | 'rtol'): number => {
    const v = json[key] ?? DEFAULT_TOLERANCE[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new MalformedCase(`tolerance ${key} must be a finite number >= 0`);
    return v;
  };
  return { atol: pick('atol'), rtol: pick('rtol') };
}

function isTensor(a: unknown): a is Tensor {
  return isRecord(a) && Array.isArray(a.shape) && a.data instanceof Float64Array;
}

const fmt = (shape: readonly unknown[]) => `[${shape.join(', ')}]`;

function compareValues(
  name: string,
  actual: ArrayLike<number>,
  expected: readonly number[],
  tol: Tolerance,
  shape: readonly number[] | null,
): string | null {
  if (actual.length !== expected.length) return `${name}: ${actual.length} values, expected ${expected.length}`;
  let first = -1;
  let count = 0;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    const diff = Math.abs(a - e);
    if (!(diff <= tol.atol + tol.rtol * Math.abs(e))) {
      if (first < 0) first = i;
      count++;
      worst = Number.isNaN(diff) || diff > worst ? diff : worst;
    }
  }
  if (first < 0) return null;
  const where = shape && shape.length > 1 ? ` ${fmt(indexOf(shape, first))}` : '';
  return (
    `${name}: at flat index ${first}${where} actual ${actual[first]}, expected ${expected[first]}` +
    ` (${count} of ${expected.length} values outside atol ${tol.atol} + rtol ${tol.rtol}; largest difference ${worst})`
  );
}

function expectedNumbers(name: string, values: unknown): number[] {
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'number')) {
    throw new MalformedCase(`expected ${name} must hold numbers`);
  }
  return values as number[];
}

/** Compares one output with its expectation (TENSOR, number or plain array). */
export function compareOutput(name: string, actual: Actual | undefined, expected: unknown, tol: Tolerance): string | null {
  if (actual === undefined) return `${name}: the op gave no output named ${name}`;
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return `${name}: expected a number, got ${isTensor(actual) ? `a tensor ${fmt(actual.shape)}` : 'an array'}`;
    return compareValues(name, [actual], [expected], tol, null);
  }
  if (Array.isArray(expected)) {
    const e = expectedNumbers(name, expected);
    if (!Array.isArray(actual)) return `${name}: expected a plain array of ${e.length} numbers, got ${typeof actual === 'number' ? 'a number' : 'a tensor'}`;
    return compareValues(name, actual as readonly number[], e, tol, null);
  }
  if (isRecord(expected) && Array.isArray(expected.shape) && Array.isArray(expected.data)) {
    const shape = expectedNumbers(`${name}.shape`, expected.shape);
    const data = expectedNumbers(`${name}.data`, expected.data);
    if (data.length !== shape.reduce((p, s) => p * s, 1)) {
      throw new MalformedCase(`expected ${name} has ${data.length} values for shape ${fmt(shape)}`);
    }
    if (!isTensor(actual)) return `${name}: expected a tensor ${fmt(shape)}, got ${typeof actual === 'number' ? 'a number' : 'a plain array'}`;
    if (actual.shape.length !== shape.length || actual.shape.some((s, i) => s !== shape[i])) {
      return `${name}: shape ${fmt(actual.shape)}, expected ${fmt(shape)}`;
    }
    return compareValues(name, actual.data, data, tol, shape);
  }
  throw new MalformedCase(`expected ${name} is neither a tensor, a number nor an array of numbers`);
}
