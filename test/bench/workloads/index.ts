/** Every workload `npm run bench` runs, in order. Add one line per new workload. */
import type { Workload } from '../workload.ts';
import { convForwardBackwardWorkload } from './conv-forward-backward.ts';
import { convForwardWorkload } from './conv-forward.ts';
import { SMALL_3D_LAYER } from './conv-layer.ts';
import { trainStep3dCnn } from './train-step-3d-cnn.ts';

export const WORKLOADS: readonly Workload[] = [
  convForwardWorkload('conv-forward', SMALL_3D_LAYER),
  convForwardBackwardWorkload('conv-forward-backward', SMALL_3D_LAYER),
  trainStep3dCnn,
];
