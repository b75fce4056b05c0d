/**
 * Runs one conformance case (FORMAT.md) through the project's own code.
 *
 * Values: every name in `expected` must come out of the op with the exact
 * shape and within atol + rtol |expected| (default atol 1e-4, rtol 1e-3).
 * Errors: `expected: {"error": "shape" | "param"}` passes only when the call
 * throws an AtlasError of that category with a message; returning numbers,
 * another category or any other exception fails.
 * A case that does not follow the format fails with "malformed case".
 */
import { AtlasError } from '../../src/tensor/index.ts';
import { contextOf, isRecord, MalformedCase, type ConformanceCase, type OpAdapter, type Outputs } from './case.ts';
import { compareOutput, toleranceOf } from './compare.ts';
import { ADAPTERS } from './ops/index.ts';

export interface CaseResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

const CATEGORIES = ['shape', 'param'];

function describeThrown(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

function validate(raw: unknown): ConformanceCase {
  if (!isRecord(raw)) throw new MalformedCase('a case must be an object');
  if (typeof raw.name !== 'string' || raw.name === '') throw new MalformedCase('name must be a non-empty string');
  if (typeof raw.op !== 'string') throw new MalformedCase('op must be a string');
  if (!isRecord(raw.expected)) throw new MalformedCase('expected must be an object');
  if (Object.keys(raw.expected).length === 0) throw new MalformedCase('expected holds nothing to check');
  return raw as unknown as ConformanceCase;
}

function runErrorCase(c: ConformanceCase, adapter: OpAdapter): CaseResult {
  const category = c.expected.error;
  if (typeof category !== 'string' || !CATEGORIES.includes(category)) {
    throw new MalformedCase(`expected.error must be "shape" or "param", got ${JSON.stringify(category)}`);
  }
  const ctx = contextOf(c);
  let outputs: Outputs;
  try {
    outputs = adapter(ctx);
  } catch (e) {
    if (e instanceof MalformedCase) throw e;
    if (!(e instanceof AtlasError)) {
      return { name: c.name, ok: false, detail: `threw ${describeThrown(e)}, not an AtlasError (expected a ${category} error)` };
    }
    if (e.category !== category) {
      return { name: c.name, ok: false, detail: `refused with a ${e.category} error, expected ${category}: ${e.message}` };
    }
    const detail = e.message.slice(e.op.length + 1).trim();
    if (detail === '') return { name: c.name, ok: false, detail: `refused with a ${category} error but no message` };
    return { name: c.name, ok: true, detail: `${category} error: ${e.message}` };
  }
  const names = Object.keys(outputs).join(', ') || 'nothing';
  return { name: c.name, ok: false, detail: `returned ${names} instead of refusing with a ${category} error` };
}

function runValueCase(c: ConformanceCase, adapter: OpAdapter): CaseResult {
  const tol = toleranceOf(c.tolerance);
  const ctx = contextOf(c);
  let outputs: Outputs;
  try {
    outputs = adapter(ctx);
  } catch (e) {
    if (e instanceof MalformedCase) throw e;
    return { name: c.name, ok: false, detail: `threw ${describeThrown(e)}` };
  }
  const problems: string[] = [];
  for (const [key, expected] of Object.entries(c.expected)) {
    const problem = compareOutput(key, outputs[key], expected, tol);
    if (problem) problems.push(problem);
  }
  const checked = Object.keys(c.expected).join(', ');
  return problems.length === 0
    ? { name: c.name, ok: true, detail: checked }
    : { name: c.name, ok: false, detail: problems.join('; ') };
}

/** Runs one case; never throws. `fallbackName` names a case that has no name of its own. */
export function runCase(raw: unknown, fallbackName = '(unnamed case)'): CaseResult {
  const name = isRecord(raw) && typeof raw.name === 'string' && raw.name !== '' ? raw.name : fallbackName;
  try {
    const c = validate(raw);
    const adapter = ADAPTERS[c.op];
    if (!adapter) {
      return { name, ok: false, detail: `unknown op ${JSON.stringify(c.op)}; known ops: ${Object.keys(ADAPTERS).join(', ')}` };
    }
    return 'error' in c.expected ? runErrorCase(c, adapter) : runValueCase(c, adapter);
  } catch (e) {
    if (e instanceof MalformedCase) return { name, ok: false, detail: `malformed case: ${e.message}` };
    return { name, ok: false, detail: `the runner failed: ${describeThrown(e)}` };
  }
}
