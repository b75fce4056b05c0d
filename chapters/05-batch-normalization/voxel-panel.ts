/**
 * One voxel view on the page's shared renderer, linked to the terms it shows
 * (see src/notebook/term-outline.ts). The view is built on the first update, so a setting
 * that cannot be computed shows its message instead of a made-up picture.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import type { ColormapName } from '../../src/viz/paint/colormap.ts';
import { createVoxelView, type VoxelView, type VoxelViewOptions } from '../../src/viz/three/index.ts';
import { outlineOnTerms } from '../../src/notebook/term-outline.ts';
import type { VoxelPanel } from './view-data.ts';

export interface VoxelPanelView {
  readonly node: HTMLElement;
  update(panel: VoxelPanel, colormap?: ColormapName): void;
  dispose(): void;
}

export function voxelPanel(container: HTMLElement, bus: TermBus, terms: readonly string[], options: VoxelViewOptions = {}): VoxelPanelView {
  const stage = document.createElement('div');
  stage.className = 'bn-voxel';
  container.append(stage);
  const unlink = outlineOnTerms(stage, bus, terms);
  let view: VoxelView | null = null;
  return {
    node: stage,
    update(panel, colormap = 'diverging') {
      const data = { tensor: panel.tensor, domain: panel.domain, colormap, name: panel.name };
      if (view) view.update(data);
      else view = createVoxelView(stage, data, options);
    },
    dispose() {
      unlink();
      view?.dispose();
      stage.remove();
    },
  };
}
