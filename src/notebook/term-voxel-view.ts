/**
 * A voxel view (on the page's shared renderer) headed by the formula of what
 * it shows, with the formula's terms linked: pointing at a term in an
 * equation or at a marked code line outlines the views that show it, and
 * pointing at the view marks its main term. The voxel view is built on the
 * first update, so a setting that cannot be computed shows its message,
 * never a made-up picture.
 */
import type { TermBus } from '../viz/tex/term-bus.ts';
import { tex } from '../viz/tex/tex.ts';
import { outlineOnTerms } from './term-outline.ts';
import { createVoxelView, type CellInfo, type VoxelData, type VoxelView, type VoxelViewOptions } from '../viz/three/voxel-view.ts';

export interface TermVoxelSpec {
  /** TeX with \term markup, shown above the view. */
  readonly formula: string;
  /** Terms whose highlight outlines this view; the first is the one pointing at the view marks. */
  readonly terms: readonly string[];
  readonly options?: VoxelViewOptions;
  readonly onHover?: (cell: CellInfo | null) => void;
  readonly onSelect?: (cell: CellInfo) => void;
}

export interface TermVoxelView {
  /** The voxel view, once data has arrived. */
  readonly node: HTMLElement;
  readonly voxel: VoxelView | null;
  show(data: VoxelData): VoxelView;
  dispose(): void;
}

export function termVoxelView(container: HTMLElement, bus: TermBus, spec: TermVoxelSpec): TermVoxelView {
  const node = document.createElement('div');
  node.className = 'term-view';
  const formula = document.createElement('p');
  formula.className = 'term-view__formula';
  const unlinkFormula = tex(formula, spec.formula, { bus });
  const stage = document.createElement('div');
  node.append(formula, stage);
  container.append(node);

  const unlinkView = outlineOnTerms(stage, bus, spec.terms);

  let voxel: VoxelView | null = null;
  return {
    node,
    get voxel() {
      return voxel;
    },
    show(data) {
      if (voxel) voxel.update(data);
      else voxel = createVoxelView(stage, data, { ...spec.options, onHover: spec.onHover, onSelect: spec.onSelect });
      return voxel;
    },
    dispose() {
      unlinkView();
      unlinkFormula();
      voxel?.dispose();
      node.remove();
    },
  };
}
