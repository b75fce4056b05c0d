/**
 * The padded input in 3D (the tutorial's Figure 5, right, for a 2D input):
 * input cells coloured by how many window positions read them, padding cells
 * small and grey, the current window as a wireframe box and, marked, either
 * the first cell of every window (the stride's lattice) or the cells of the
 * current window. A volume is cut open at the top of the current window so
 * its inside shows.
 *
 * Terms: W highlights the current window, p the padding, st the window
 * corners, h^(m-1) the input cells. Pointing at a padding or input cell
 * highlights p or h^(m-1) on the page.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import type { Triple } from '../../src/tensor/params.ts';
import { createVoxelView, type HighlightSpec, type VoxelView } from '../../src/viz/three/voxel-view.ts';
import type { WindowCursor } from './cursor.ts';
import { windowAt, windowCorners, type StrideScene } from './stride-padding.ts';

export type Mark = 'corners' | 'window';

export interface InputView {
  readonly node: HTMLElement;
  update(scene: StrideScene, mark: Mark): void;
  dispose(): void;
}

/** Cells of the padded grid that are input cells, or padding cells. */
function region(scene: StrideScene, padding: boolean): Triple[] {
  const [nx, ny, nz] = scene.padded;
  const [px, py, pz] = scene.geometry.padding;
  const [ix, iy, iz] = scene.geometry.input;
  const list: Triple[] = [];
  for (let x = 0; x < nx; x++) {
    for (let y = 0; y < ny; y++) {
      for (let z = 0; z < nz; z++) {
        const inside = x >= px && x < px + ix && y >= py && y < py + iy && z >= pz && z < pz + iz;
        if (inside !== padding) list.push([x, y, z]);
      }
    }
  }
  return list;
}

export function inputView(container: HTMLElement, bus: TermBus, cursor: WindowCursor): InputView {
  let view: VoxelView | null = null;
  let scene: StrideScene | null = null;
  let mark: Mark = 'corners';
  let hoverTerm: string | null = null;

  function highlightFor(term: string | null): HighlightSpec | null {
    if (!scene) return null;
    const current = windowAt(scene, cursor.get());
    switch (term ?? (mark === 'corners' ? 'st' : 'w')) {
      case 'w':
        return { from: current.from, to: current.to };
      case 'st':
      case 'h':
        return windowCorners(scene);
      case 'p':
        return region(scene, true);
      case 'hprev':
        return region(scene, false);
      default:
        return null;
    }
  }

  // Each of these rewrites every instance of the view: only when what it shows changed.
  let sliceKey = '';
  let highlightKey = '';

  function applyHighlight(): void {
    if (!view || !scene) return;
    const current = windowAt(scene, cursor.get());
    const term = bus.active ?? (mark === 'corners' ? 'st' : 'w');
    // The corners, padding and input regions depend on the scene only; the window on the cursor too.
    const g = scene.geometry;
    const key = `${term}|${g.input}|${g.window}|${g.stride}|${g.padding}|${term === 'w' ? current.from : ''}`;
    if (key === highlightKey) return;
    highlightKey = key;
    view.setHighlight(highlightFor(bus.active));
  }

  function drawWindow(): void {
    if (!view || !scene) return;
    const current = windowAt(scene, cursor.get());
    view.setBox({ from: current.from, to: current.to });
    const slice = scene.config.dims === 3 && scene.padded[2] > 1 ? ({ axis: 'z', index: current.to[2], mode: 'upTo' } as const) : null;
    const key = slice ? `z${slice.index}` : '';
    if (key !== sliceKey) {
      sliceKey = key;
      view.setSlice(slice);
    }
    applyHighlight();
  }

  const unsubscribeCursor = cursor.subscribe(drawWindow);
  const unsubscribeBus = bus.subscribe(applyHighlight);

  return {
    get node() {
      return view?.node ?? container;
    },
    update(next, nextMark) {
      scene = next;
      mark = nextMark;
      let max = 1;
      for (const v of next.coverage.data) if (v > max) max = v;
      const data = {
        tensor: next.coverage,
        padding: next.geometry.padding,
        colormap: 'viridis' as const,
        domain: [0, max] as const,
        name: 'Padded input: windows reading each cell,',
      };
      if (!view) {
        view = createVoxelView(container, data, {
          legendLabel: 'windows reading the cell',
          onHover: (cell) => {
            const term = cell === null ? null : cell.padding ? 'p' : 'hprev';
            if (term === hoverTerm) return;
            hoverTerm = term;
            bus.highlight(term);
          },
        });
      } else {
        view.update(data);
      }
      // A new grid: the slice and highlight must be set again.
      sliceKey = '-';
      highlightKey = '';
      drawWindow();
    },
    dispose() {
      unsubscribeCursor();
      unsubscribeBus();
      if (hoverTerm !== null) bus.highlight(null);
      view?.dispose();
    },
  };
}
