/**
 * The shared shape of an op adapter: forward(inputs, attrs) gives `y` plus any
 * extras (batchnorm's `mean`, `var`); when the case holds `dy`, backward(dy,
 * saved) gives the gradients (`dx`, `dw`, `db`, `dgamma`, `dbeta`).
 */
import type { Tensor } from '../../../src/tensor/index.ts';
import type { Actual, Outputs } from '../case.ts';

export interface OpModule {
  forward(inputs: never, attrs: never): { y: Tensor; saved: unknown };
  backward?(dy: Tensor, saved: never): object;
}

function collect(into: Outputs, record: object): void {
  for (const [key, value] of Object.entries(record)) {
    if (key === 'saved' || value === undefined) continue;
    into[key] = value as Actual;
  }
}

export function runOp(op: OpModule, inputs: Record<string, Tensor | undefined>, attrs: unknown, dy: Tensor | undefined): Outputs {
  const forward = op.forward as (inputs: unknown, attrs: unknown) => { y: Tensor; saved: unknown };
  const result = forward(inputs, attrs);
  const outputs: Outputs = {};
  collect(outputs, result);
  if (dy) {
    if (!op.backward) throw new Error('the op module exports no backward, but the case gives dy');
    const backward = op.backward as (dy: Tensor, saved: unknown) => object;
    collect(outputs, backward(dy, result.saved));
  }
  return outputs;
}
