/**
 * Divergence of one run, as the reader reads it: which update blew up, what
 * blew up, and what to do. Eq. 11 with a step alpha too large overshoots
 * the minimum by more each time; the loss and the parameters grow until they
 * overflow. Two signs end a run:
 *   - a value that is not finite or beyond 1e150 (DivergenceError from the
 *     model, or an op refusing to overflow), and
 *   - a batch loss past `factor` times max(first loss, 1): finite, but not
 *     coming back, and already off the top of any loss chart.
 * Messages spell non-finite values in words: "NaN" tells a student nothing.
 */
import { AtlasError } from '../tensor/index.ts';
import { DivergenceError } from './divergence.ts';

/** A number for a message: 3 significant digits, and words instead of NaN and Infinity. */
export function spell(v: number): string {
  if (Number.isNaN(v)) return 'not a number';
  if (v === Infinity) return 'infinity';
  if (v === -Infinity) return 'minus infinity';
  const a = Math.abs(v);
  if (a === 0 || (a >= 1e-3 && a < 1e5)) return String(Number(v.toPrecision(3)));
  const [mantissa, exponent] = v.toExponential(2).split('e') as [string, string];
  return `${Number(mantissa)}e${Number(exponent)}`;
}

/** What blew up, when `e` is a sign of divergence; null for any other error. */
export function divergenceCause(e: unknown): string | null {
  if (e instanceof DivergenceError) return `${e.where} holds ${spell(e.value)}`;
  // The loss and batchnorm ops refuse sums that overflow (ShapeError "... overflows ..."):
  // with data already checked at the start, only growing values get there.
  if (e instanceof AtlasError && /overflow/.test(e.message)) return e.message;
  return null;
}

export function explosionCause(loss: number, firstLoss: number, factor: number): string | null {
  const reference = Math.max(firstLoss, 1);
  if (loss <= factor * reference) return null;
  return `the batch loss reached ${spell(loss)}, up from ${spell(firstLoss)} at the first update (a run stops past ${spell(factor * reference)})`;
}

export function divergenceMessage(step: number, epoch: number, cause: string, lr: number): string {
  return `Update ${step} (epoch ${epoch}) diverged: ${cause}. Lower the learning rate (now ${spell(lr)}).`;
}
