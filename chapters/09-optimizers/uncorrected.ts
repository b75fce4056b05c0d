/**
 * Adam WITHOUT bias correction: a demonstration of what the corrections
 * m-hat = m / (1 - beta1^t) and V-hat = V / (1 - beta2^t) of eq. 15 are for.
 * Not the paper, not Kingma & Ba: the page labels it so.
 *
 * It runs the core's own adamStep, with a learning rate and an eps chosen at
 * each step so that the corrections cancel. adamStep takes
 *   alpha' (m / c1) / D(V / c2, eps'),   c1 = 1 - beta1^t,  c2 = 1 - beta2^t,
 * where D is sqrt(s + eps) (eps inside the root, the paper) or sqrt(s) + eps.
 * With alpha' = alpha c1 / sqrt(c2), and eps' = eps / c2 inside the root or
 * eps / sqrt(c2) outside it, D(V / c2, eps') = D(V, eps) / sqrt(c2) and the
 * step is exactly alpha m / D(V, eps): the update with m and V as they are.
 */
import { adamStep, createOptimizer, type Optimizer, type OptimizerConfig } from '../../src/optim/index.ts';

export function uncorrectedAdam(config: OptimizerConfig): Optimizer {
  const base = createOptimizer({ ...config, kind: 'adam' });
  const c = base.config;
  if (c.kind !== 'adam') throw new Error('unreachable: an Adam configuration');
  return {
    config: c,
    init: (size) => base.init(size),
    step(theta, grad, state) {
      const t = state.t + 1;
      const c1 = 1 - c.beta1 ** t;
      const c2 = 1 - c.beta2 ** t;
      const lr = (c.lr * c1) / Math.sqrt(c2);
      const eps = c.epsInsideSqrt ? c.eps / c2 : c.eps / Math.sqrt(c2);
      adamStep(theta, grad, state.m!, state.v!, t, { ...c, lr, eps, asPrinted: c.adamAsPrinted });
      state.t = t;
    },
  };
}
