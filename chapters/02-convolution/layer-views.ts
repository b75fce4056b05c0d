/**
 * The two layers around a convolution as voxel views on the page's shared
 * renderer: the input H^{m-1} with the window outlined and lifted, and the
 * output H^m with the cell the window makes outlined in every feature map.
 * In 3D both are cut open at the window so its cells can be seen. The views only draw: the layer, the
 * placement and the domains come from the chapter's cells.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';
import { createVoxelView, type VoxelView, type VoxelViewOptions } from '../../src/viz/three/voxel-view.ts';
import { sameDomain, type LayerDomains } from './domains.ts';
import { windowRange, type ConvLayer, type Placement } from './layer.ts';
import type { TapFocus } from './tap-focus.ts';

export interface LayerViewData {
  readonly layer: ConvLayer;
  readonly place: Placement;
  readonly domains: LayerDomains;
  /** Name for the read-out and text alternative: 'Input H⁰'. */
  readonly name: string;
  /** Colour map of the input (default viridis; an H^m made by an earlier convolution is diverging). */
  readonly colormap?: 'viridis' | 'diverging';
}

export interface LayerView {
  readonly node: HTMLElement;
  update(data: LayerViewData): void;
  dispose(): void;
}

/** Builds the voxel view on the first update (it needs a tensor to start from). */
function lazyVoxel(container: HTMLElement, options: VoxelViewOptions) {
  let view: VoxelView | null = null;
  return {
    get view() {
      return view;
    },
    show(data: Parameters<VoxelView['update']>[0]): VoxelView {
      if (view) view.update(data);
      else view = createVoxelView(container, data, options);
      return view;
    },
    dispose() {
      view?.dispose();
    },
  };
}

/** Calls `apply` only when `key` differs from the last call's: slicing and highlighting rewrite every cube. */
function changes(): (key: string, apply: () => void) => void {
  let last: string | null = null;
  return (key, apply) => {
    if (key === last) return;
    last = key;
    apply();
  };
}

/** As `changes`, for one object at a time: a new object (a view built again) always applies. */
export function changesOf<T extends object>(): (target: T, key: string, apply: () => void) => void {
  let last: { target: T; key: string } | null = null;
  return (target, key, apply) => {
    if (last && last.target === target && last.key === key) return;
    last = { target, key };
    apply();
  };
}

/** Where a view meets the term bus: pointing at it names its term, and the term lights it up. */
export interface TermTarget {
  /** The element linked (default: the figure around the view). */
  readonly target?: HTMLElement;
}

/** The view's face for the term bus: the given target, else the figure around `container`. */
export function linkFace(container: HTMLElement, term: string, bus: TermBus, options: TermTarget): () => void {
  return linkTerm(options.target ?? (container.closest('.figure') as HTMLElement | null) ?? container, term, bus);
}

export function inputLayerView(container: HTMLElement, bus: TermBus, focus: TapFocus, options: TermTarget = {}): LayerView {
  let current: LayerViewData | null = null;
  const voxel = lazyVoxel(container, {
    colormap: 'viridis',
    legendLabel: 'value',
    onHover(cell) {
      if (!current) return;
      const { from, to } = windowRange(current.layer, current.place.corner);
      const inside = cell !== null && [cell.x, cell.y, cell.z].every((v, a) => v >= from[a]! && v <= to[a]!);
      focus.set(inside ? { cell: [cell.x, cell.y, cell.z], tap: [cell.x - from[0], cell.y - from[1], cell.z - from[2]], d: cell.d } : null);
    },
  });
  const unlink = linkFace(container, 'H', bus, options);
  const cut = changes();
  const box = changesOf<VoxelView>();
  const unfocus = focus.subscribe((t) => voxel.view?.setCursor(t ? [...t.cell, t.d] : null));
  return {
    get node() {
      return voxel.view?.node ?? container;
    },
    update(data) {
      // Only a new input or colour scale repaints the cubes (a new bias or filter leaves H^{m-1} as it is).
      const fresh = !current || current.layer.x !== data.layer.x || !sameDomain(current.domains.input, data.domains.input) || current.colormap !== data.colormap || !voxel.view;
      current = data;
      const view = fresh ? voxel.show({ tensor: data.layer.x, colormap: data.colormap ?? 'viridis', domain: data.domains.input, name: data.name }) : voxel.view!;
      const range = windowRange(data.layer, data.place.corner);
      const volume = data.layer.geometry.input[2] > 1;
      // Outlining asks the renderer for a new picture: only when the window moved (a new filter or bias leaves it).
      box(view, `${range.from.join()}|${range.to.join()}`, () => view.setBox(range));
      // A volume is cut open at the window's top and the window's cells raised, so they can be seen;
      // a row or a map keeps every cell in full colour, the geology readable around the outline.
      cut(volume ? `${range.from.join()}|${range.to.join()}` : '', () => {
        view.setHighlight(volume ? range : null);
        view.setSlice(volume ? { axis: 'z', index: range.to[2], mode: 'upTo' } : null);
      });
    },
    dispose() {
      unfocus();
      unlink();
      voxel.dispose();
    },
  };
}

export function outputLayerView(container: HTMLElement, bus: TermBus, onPick: (position: number, filter: number) => void, options: TermTarget = {}): LayerView {
  let current: LayerViewData | null = null;
  const voxel = lazyVoxel(container, {
    colormap: 'diverging',
    legendLabel: 'value',
    onSelect(cell) {
      if (!current) return;
      const [, oy, oz] = current.layer.geometry.output;
      onPick((cell.x * oy + cell.y) * oz + cell.z + 1, cell.d + 1);
    },
  });
  const unlink = linkFace(container, 'Hm', bus, options);
  const cut = changes();
  const box = changesOf<VoxelView>();
  return {
    get node() {
      return voxel.view?.node ?? container;
    },
    update(data) {
      const layerChanged = !current || current.layer.y !== data.layer.y || !sameDomain(current.domains.output, data.domains.output) || !voxel.view;
      current = data;
      const view = layerChanged ? voxel.show({ tensor: data.layer.y, colormap: 'diverging', domain: data.domains.output, name: data.name }) : voxel.view!;
      const { output } = data.place;
      box(view, output.join(), () => view.setBox({ from: output, to: output }));
      const volume = data.layer.geometry.output[2] > 1;
      cut(volume ? String(output[2]) : '', () => view.setSlice(volume ? { axis: 'z', index: output[2], mode: 'upTo' } : null));
    },
    dispose() {
      unlink();
      voxel.dispose();
    },
  };
}
