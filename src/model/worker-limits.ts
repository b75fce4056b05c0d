/** Bounds and defaults of a training job (worker-protocol.ts), in one place for the checks and the session. */

export const SAMPLE_SETS = ['train', 'validation'] as const;

export const INCLUDE_KEYS = ['activations', 'parameters', 'gradients', 'batchnorm', 'output'] as const;

export const LIMITS = {
  runs: 8,
  layers: 64,
  epochs: 100_000,
  steps: 10_000_000,
  batchSize: 1_000_000,
  /** Characters of a job or run id. */
  idLength: 100,
  /** Values in one sent tensor (the data module's cap on an input set). */
  tensorValues: 2 ** 24,
  /** Parameters of one network (each run holds its own copy and optimizer state). */
  parameters: 2 ** 22,
  progressPerSecond: [1, 60],
  sliceMs: [1, 50],
  explodeFactor: [2, 1e100],
} as const;

export const DEFAULTS = {
  progressPerSecond: 20,
  sliceMs: 10,
  /** A loss 10^4 times its first value (or 10^4 when that was below 1) is not coming back. */
  explodeFactor: 1e4,
} as const;
