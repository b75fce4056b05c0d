/**
 * The input X in 3D on the page's shared renderer: built on its first data
 * (the voxel view needs a tensor to start from), updated in place after.
 * Pointing at the view highlights X in the equations, and X highlighted
 * anywhere frames the view.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { linkTerm } from '../../src/notebook/index.ts';
import type { Tensor } from '../../src/tensor/index.ts';
import { createVoxelView, type VoxelView } from '../../src/viz/three/voxel-view.ts';

export interface InputView {
  update(sample: Tensor): void;
  dispose(): void;
}

export function inputView(container: HTMLElement, bus: TermBus): InputView {
  let view: VoxelView | undefined;
  const unlink = linkTerm(container, 'X', bus);
  return {
    update(sample) {
      const depth = sample.shape[4]!;
      const data = { tensor: sample, colormap: 'cividis' as const, name: 'X', domain: [0, 1] as const };
      if (view) view.update(data);
      else view = createVoxelView(container, data, { legendLabel: depth > 1 ? 'facies indicator' : 'facies code / 3' });
    },
    dispose() {
      unlink();
      view?.dispose();
    },
  };
}
