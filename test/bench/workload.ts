/**
 * A benchmark workload: one job (a layer's forward pass, a training step, ...)
 * done by our code and by TensorFlow.js's CPU backend on the same inputs, and
 * optionally by a plain multiply-add loop doing the same count of
 * multiply-adds over arrays of the same sizes (the "peak" a straightforward
 * JavaScript loop reaches). Add a workload by writing one module under
 * workloads/ and listing it in workloads/index.ts.
 */
export interface Contestants {
  ours: () => void;
  tfjs: () => void;
  peak?: () => void;
  /** Frees what prepare() allocated (TensorFlow.js tensors). */
  dispose?: () => void;
}

import type { Clock, TimingOptions } from './timing.ts';

export interface Workload {
  /** Stable name: the "workload" field of the JSON output. */
  readonly name: string;
  /** One line for the human-readable table. */
  readonly description: string;
  /** Warm-up calls and timed rounds, when not DEFAULT_TIMING (fewer for jobs that take seconds). */
  readonly timing?: TimingOptions;
  /** Builds the inputs once, outside the timed region. */
  prepare(): Contestants | Promise<Contestants>;
  /** Optionally, a per-op breakdown of our side, printed under the table (not in --json). */
  breakdown?(clock: Clock): Promise<string>;
}
