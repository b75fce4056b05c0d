/**
 * The output feature map H in 3D: one cell per window position, coloured by
 * how many input cells (not padding) its window sees, with the current cell
 * boxed. Pointing at a cell, or moving the keyboard cursor onto it, makes it
 * the current window everywhere on the page.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { createVoxelView, type VoxelView } from '../../src/viz/three/voxel-view.ts';
import type { WindowCursor } from './cursor.ts';
import { clampCell, type StrideScene } from './stride-padding.ts';

export interface OutputView {
  readonly node: HTMLElement;
  update(scene: StrideScene): void;
  dispose(): void;
}

export function outputView(container: HTMLElement, bus: TermBus, cursor: WindowCursor): OutputView {
  let view: VoxelView | null = null;
  let scene: StrideScene | null = null;
  let hovering = false;

  function drawCurrent(): void {
    if (!view || !scene) return;
    const cell = clampCell(scene, cursor.get());
    view.setBox({ from: cell, to: cell });
  }
  const unsubscribe = cursor.subscribe(drawCurrent);

  return {
    get node() {
      return view?.node ?? container;
    },
    update(next) {
      scene = next;
      const data = {
        tensor: next.seen,
        colormap: 'cividis' as const,
        domain: [0, next.counts.taps] as const,
        name: 'Output H: input cells each window sees,',
      };
      if (!view) {
        view = createVoxelView(container, data, {
          legendLabel: 'input cells the window sees',
          onHover: (cell) => {
            if (cell) cursor.set([cell.x, cell.y, cell.z]);
            const now = cell !== null;
            if (now !== hovering) bus.highlight(now ? 'h' : null);
            hovering = now;
          },
        });
      } else {
        view.update(data);
      }
      drawCurrent();
    },
    dispose() {
      unsubscribe();
      if (hovering) bus.highlight(null);
      view?.dispose();
    },
  };
}
