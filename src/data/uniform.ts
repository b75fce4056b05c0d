/** A uniform draw in [lo, hi) from the seeded generator: every randomised parameter of a model. */
import type { Rng } from '../tensor/rng.ts';

export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}
