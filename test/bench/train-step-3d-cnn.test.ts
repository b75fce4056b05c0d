/** The train_step_3d_cnn workload does the same job on both sides: equal first-step losses, then steps that keep running. */
import { describe, expect, it } from 'vitest';
import { trainStep3dCnn, trainStep3dCnnWorkload } from './workloads/train-step-3d-cnn.ts';
import { WORKLOADS } from './workloads/index.ts';

describe('train_step_3d_cnn', () => {
  it('is registered, with both kernels', () => {
    const names = WORKLOADS.map((w) => w.name);
    expect(names).toContain(trainStep3dCnn.name);
    expect(names).toContain(trainStep3dCnnWorkload('wasm-simd').name);
  });

  it('prepares ours and TensorFlow.js from the same weights (prepare checks the first-step losses agree) and runs further steps', async () => {
    const contestants = await trainStep3dCnn.prepare();
    try {
      contestants.ours();
      contestants.tfjs();
      contestants.peak!();
    } finally {
      contestants.dispose?.();
    }
  });
});
