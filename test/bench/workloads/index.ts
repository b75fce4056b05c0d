/**
 * Every workload `npm run bench` runs, in order. Add one line per new
 * workload. Each convolution and training-step workload runs twice: with the
 * TypeScript kernel (the default everywhere) and, as its own contestant, with
 * the WebAssembly SIMD kernel (name suffix -simd).
 */
import type { FastKernel } from '../../../src/nn/conv.ts';
import type { Workload } from '../workload.ts';
import { convForwardBackwardWorkload } from './conv-forward-backward.ts';
import { convForwardWorkload } from './conv-forward.ts';
import { LARGE_3D_LAYER, SMALL_3D_LAYER } from './conv-layer.ts';
import { trainStep3dCnnWorkload } from './train-step-3d-cnn.ts';
import { trainStepGeologyWorkload } from './train-step-geology.ts';

const KERNELS: readonly FastKernel[] = ['typescript', 'wasm-simd'];

export const WORKLOADS: readonly Workload[] = KERNELS.flatMap((kernel) => [
  convForwardWorkload('conv-forward', SMALL_3D_LAYER, kernel),
  convForwardBackwardWorkload('conv-forward-backward', SMALL_3D_LAYER, kernel),
  convForwardWorkload('conv-forward-large', LARGE_3D_LAYER, kernel),
  convForwardBackwardWorkload('conv-forward-backward-large', LARGE_3D_LAYER, kernel),
  trainStep3dCnnWorkload(kernel),
  trainStepGeologyWorkload(kernel),
]);
