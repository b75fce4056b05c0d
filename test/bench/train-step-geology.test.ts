/** The train_step_geology workload: the preset's network on both sides (equal first-step losses), both kernels, and the per-op breakdown. */
import { describe, expect, it } from 'vitest';
import { BREAKDOWN_OPS } from './train-step.ts';
import { WORKLOADS } from './workloads/index.ts';
import { trainStepGeologyWorkload } from './workloads/train-step-geology.ts';

describe('train_step_geology', () => {
  it.each(['typescript', 'wasm-simd'] as const)('prepares ours (%s kernel) and TensorFlow.js from the same weights (prepare checks the first-step losses agree) and runs further steps', async (kernel) => {
    const workload = trainStepGeologyWorkload(kernel);
    expect(WORKLOADS.map((w) => w.name)).toContain(workload.name);
    const contestants = await workload.prepare();
    try {
      contestants.ours();
      contestants.tfjs();
      contestants.peak!();
    } finally {
      contestants.dispose?.();
    }
  });

  it('breaks our step down per op: every op of the network, the loss and the optimizer', async () => {
    const text = await trainStepGeologyWorkload().breakdown!('cpu');
    for (const op of BREAKDOWN_OPS.filter((o) => o !== 'other' && o !== 'flatten')) expect(text).toMatch(new RegExp(`^  ${op}\\s+\\d+\\.\\d\\d ms\\s+\\d+\\.\\d%$`, 'm'));
    expect(text).toMatch(/^train_step_geology, ours \(one step \d+\.\d\d ms/);
  });
});
