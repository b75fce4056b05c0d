/**
 * Read the shared conformance cases (/work/shared/conformance/cases, see its
 * FORMAT.md) from a unit test, so each op's own test file checks its numbers
 * against the reference values. CONFORMANCE_CASES overrides the folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tensor, type Tensor } from '../../src/tensor/index.ts';
import type { Tolerance } from './tolerance.ts';

export interface JsonTensor {
  shape: number[];
  data: number[];
}

export interface ConformanceCase {
  name: string;
  op: string;
  params: Record<string, unknown>;
  inputs: Record<string, JsonTensor>;
  expected: Record<string, JsonTensor | number | string>;
  tolerance: Tolerance;
}

export const CASES_DIR =
  process.env.CONFORMANCE_CASES ?? fileURLToPath(new URL('../../../shared/conformance/cases/', import.meta.url));

/** Every case of `file` (e.g. 'pool.json') whose op is `op`. */
export function loadCases(file: string, op: string): ConformanceCase[] {
  const parsed = JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as { cases: ConformanceCase[] };
  return parsed.cases.filter((c) => c.op === op);
}

/** A fresh Float64 tensor from a case's JSON tensor. */
export function fromJson(t: JsonTensor): Tensor {
  return tensor(t.shape, t.data);
}

/** The expected tensor named `key` (throws when the case has none, so a renamed key cannot pass silently). */
export function expectedTensor(c: ConformanceCase, key: string): Tensor {
  const value = c.expected[key];
  if (typeof value !== 'object' || value === null) throw new Error(`${c.name}: no expected tensor "${key}"`);
  return fromJson(value);
}
