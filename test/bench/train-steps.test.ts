/** The training-step workloads do the same job on both sides (prepare checks the first-step losses agree), with both kernels; the geology step breaks down per op. */
import { describe, expect, it } from 'vitest';
import { BREAKDOWN_OPS } from './train-step.ts';
import { WORKLOADS } from './workloads/index.ts';
import { trainStep3dCnnWorkload } from './workloads/train-step-3d-cnn.ts';
import { trainStepGeologyWorkload } from './workloads/train-step-geology.ts';

const CASES = (['typescript', 'wasm-simd'] as const).flatMap((kernel) => [
  { name: 'train_step_3d_cnn', kernel, make: trainStep3dCnnWorkload },
  { name: 'train_step_geology', kernel, make: trainStepGeologyWorkload },
]);

describe('training-step workloads', () => {
  it.each(CASES)('$name ($kernel kernel) is registered, prepares both sides from the same weights and runs further steps', async ({ kernel, make }) => {
    const workload = make(kernel);
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

  it('break the geology step down per op: every op of the network, the loss and the optimizer', async () => {
    const text = await trainStepGeologyWorkload().breakdown!('cpu');
    for (const op of BREAKDOWN_OPS.filter((o) => o !== 'other' && o !== 'flatten')) expect(text).toMatch(new RegExp(`^  ${op}\\s+\\d+\\.\\d\\d ms\\s+\\d+\\.\\d%$`, 'm'));
    expect(text).toMatch(/^train_step_geology, ours \(one step \d+\.\d\d ms/);
  });
});
