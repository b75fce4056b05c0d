/**
 * Adapter for `optimizer` (eqs. 11-15): theta0 [p] -> trajectory [steps + 1, p]
 * on the case's objective. The case's snake_case flags map onto the config:
 * eps_inside_sqrt -> epsInsideSqrt, adam_as_printed -> adamAsPrinted.
 */
import { createOptimizer, objectiveFromSpec, runTrajectory, type OptimizerConfig } from '../../../src/optim/index.ts';
import { tensor } from '../../../src/tensor/index.ts';
import type { OpAdapter } from '../case.ts';

export const optimizerAdapter: OpAdapter = (ctx) => {
  const { eps_inside_sqrt, adam_as_printed, steps, objective, ...rest } = ctx.params;
  const config = { ...rest, epsInsideSqrt: eps_inside_sqrt, adamAsPrinted: adam_as_printed } as unknown as OptimizerConfig;
  const optimizer = createOptimizer(config);
  const run = runTrajectory(optimizer, objectiveFromSpec(objective), ctx.input('theta0').data, steps as number);
  if (run.diverged) throw new Error(`the ${optimizer.config.kind} run stopped after ${run.steps} steps: ${run.diverged}`);
  return { trajectory: tensor([run.steps + 1, run.dimension], run.points) };
};
