/**
 * The conformance case record (../shared/conformance/FORMAT.md) and what an
 * op adapter sees of it. Input tensors are built with the project's own
 * `tensor()`, so a shape/data mismatch in an input is the project's refusal;
 * a case that is not even shaped like a case raises MalformedCase.
 */
import { tensor, type Tensor } from '../../src/tensor/index.ts';

export interface ConformanceCase {
  name: string;
  op: string;
  params?: Record<string, unknown>;
  inputs?: Record<string, unknown>;
  expected: Record<string, unknown>;
  tolerance?: { atol?: number; rtol?: number };
}

/** What an adapter returns: tensors, scalars (`loss`) or plain arrays (`out`), by output name. */
export type Actual = Tensor | number | readonly number[];
export type Outputs = Record<string, Actual>;

/** A case file or case that does not follow FORMAT.md (not the project's fault, but still a failure). */
export class MalformedCase extends Error {
  override name = 'MalformedCase';
}

export interface OpContext {
  readonly params: Record<string, unknown>;
  /** A required input tensor. */
  input(name: string): Tensor;
  /** An optional input tensor (e.g. `dy`), undefined when the case leaves it out. */
  optional(name: string): Tensor | undefined;
  /** Names of every input the case gives. */
  readonly inputNames: readonly string[];
}

export type OpAdapter = (ctx: OpContext) => Outputs;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A TENSOR `{"shape": [..], "data": [..]}` from a case's inputs, through the project's tensor(). */
export function inputTensor(json: unknown, label: string): Tensor {
  if (!isRecord(json) || !Array.isArray(json.shape) || !Array.isArray(json.data)) {
    throw new MalformedCase(`input ${label} is not a tensor {"shape": [..], "data": [..]}`);
  }
  if (!json.data.every((v) => typeof v === 'number')) {
    throw new MalformedCase(`input ${label} holds a value that is not a number`);
  }
  return tensor(json.shape as number[], json.data as number[]);
}

export function contextOf(c: ConformanceCase): OpContext {
  const inputs = c.inputs ?? {};
  if (!isRecord(inputs)) throw new MalformedCase('inputs must be an object');
  const params = c.params ?? {};
  if (!isRecord(params)) throw new MalformedCase('params must be an object');
  const optional = (name: string) => (name in inputs ? inputTensor(inputs[name], name) : undefined);
  return {
    params,
    inputNames: Object.keys(inputs),
    optional,
    input(name) {
      const t = optional(name);
      if (!t) throw new MalformedCase(`inputs has no ${name}`);
      return t;
    },
  };
}

export { isRecord };
