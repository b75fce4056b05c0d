/**
 * Readers for messages that crossed a worker boundary: each takes an unknown
 * value and the path it was found at, and returns it typed or throws a
 * ProtocolError that says where and what was wrong:
 *   start: job.runs[1].batchSize must be an integer from 1 to 1000000, got 0
 * Whatever a page (or a bug) posts, the worker answers with that message and
 * carries on; nothing here trusts the sender.
 */
import { formatShape, sizeOf, type Tensor } from '../tensor/index.ts';

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** A short description of an unexpected value for messages (never its whole contents). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (ArrayBuffer.isView(value)) return Object.prototype.toString.call(value).slice(8, -1);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export function fail(path: string, expected: string, value: unknown): never {
  throw new ProtocolError(`${path} must be ${expected}, got ${describe(value)}`);
}

export function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) fail(path, 'an object', value);
  return value as Record<string, unknown>;
}

/** Refuses keys outside `allowed`: a misspelt option must not be silently ignored. */
export function onlyKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw new ProtocolError(`${path} has an unknown field ${JSON.stringify(key)}; expected ${allowed.join(', ')}`);
  }
}

export function list(value: unknown, path: string, min: number, max: number): unknown[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) fail(path, `a list of ${min} to ${max} items`, value);
  return value;
}

export function text(value: unknown, path: string, maxLength = 200): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) fail(path, `a string of 1 to ${maxLength} characters`, value);
  return value;
}

export function integer(value: unknown, path: string, lo: number, hi: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi) fail(path, `an integer from ${lo} to ${hi}`, value);
  return value;
}

export function finite(value: unknown, path: string, lo = -Infinity, hi = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < lo || value > hi) {
    const range = lo === -Infinity && hi === Infinity ? 'a finite number' : `a finite number from ${lo} to ${hi}`;
    fail(path, range, value);
  }
  return value;
}

export function flag(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
  return value;
}

export function oneOf<K extends string>(value: unknown, path: string, kinds: readonly K[]): K {
  if (typeof value !== 'string' || !(kinds as readonly string[]).includes(value)) fail(path, `one of ${kinds.join(', ')}`, value);
  return value as K;
}

/** `read(value)` when the field is present, `fallback` when it is undefined. */
export function optional<T, F>(value: unknown, read: (v: unknown) => T, fallback: F): T | F {
  return value === undefined ? fallback : read(value);
}

/**
 * A tensor record {shape, data} with a Float64Array of exactly the shape's
 * size and only finite values: a NaN in the inputs would surface later as a
 * "divergence" that the learning rate cannot fix.
 */
export function tensorRecord(value: unknown, path: string, maxValues: number): Tensor {
  const r = record(value, path);
  const shape = list(r.shape, `${path}.shape`, 1, 8).map((s, i) => integer(s, `${path}.shape[${i}]`, 1, maxValues));
  if (!(r.data instanceof Float64Array)) fail(`${path}.data`, 'a Float64Array', r.data);
  const n = sizeOf(shape);
  if (n > maxValues) throw new ProtocolError(`${path} holds ${n} values, over the limit of ${maxValues}`);
  const data = r.data as Float64Array;
  if (data.length !== n) throw new ProtocolError(`${path}.data holds ${data.length} values but its shape ${formatShape(shape)} needs ${n}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(data[i]!)) throw new ProtocolError(`${path}.data holds ${data[i]} at index ${i}; inputs and targets must be finite`);
  }
  return { shape, data };
}
