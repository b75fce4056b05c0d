/**
 * The three 3D views of the convolution block, on the page's shared WebGL
 * renderer: the input H^{m-1}, the pre-activations z = W^m H^{m-1} + b^m and
 * H^m = g(z). Units outside the active zone fade in H^m (when the reader
 * asks), so dead and saturated units are seen to go pale as the sliders move. Pointing
 * at a unit marks it in both layer views and boxes the input cells its
 * filter window reads. The views only draw: the chapter computes.
 */
import type { ActivationKind } from '../../src/nn/activation.ts';
import { receptiveField, type ConvGeometry } from '../../src/nn/conv-geometry.ts';
import type { TermBus } from '../../src/notebook/index.ts';
import type { Tensor } from '../../src/tensor/tensor.ts';
import type { ColormapName } from '../../src/viz/paint/colormap.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';
import { createVoxelView, type CellInfo, type VoxelView } from '../../src/viz/three/voxel-view.ts';
import { activeUnits } from './census.ts';
import type { Block } from './layer.ts';
import type { Probe } from './probe.ts';

/** Colour range of z: fixed, so scaling visibly strengthens the colours and shifting tips them. */
export const Z_DOMAIN: readonly [number, number] = [-4, 4];

/** Colour map and range of g(z): Sigmoid in [0, 1], TanH in [-1, 1], ReLU from 0 up (3 and above: the brightest). */
export const OUTPUT_COLOURS: Readonly<Record<ActivationKind, { map: ColormapName; domain: readonly [number, number] }>> = {
  sigmoid: { map: 'viridis', domain: [0, 1] },
  tanh: { map: 'diverging', domain: [-1, 1] },
  relu: { map: 'viridis', domain: [0, 3] },
};

export interface LayerView {
  readonly node: HTMLElement;
  readonly voxels: VoxelView;
  dispose(): void;
}

function figureOf(container: HTMLElement): HTMLElement {
  return container.closest<HTMLElement>('.figure') ?? container;
}

/**
 * Pointer on the figure shows its first term in the equations and code; the
 * figure lights up for any of its terms.
 */
function linkFigure(figure: HTMLElement, terms: readonly string[], bus: TermBus): () => void {
  const unlink = linkTerm(figure, terms[0]!, bus);
  const unsubscribe = bus.subscribe((term) => figure.classList.toggle('is-term-active', term !== null && terms.includes(term)));
  return () => {
    unlink();
    unsubscribe();
  };
}

function probeCell(cell: CellInfo | null) {
  return cell ? { x: cell.x, y: cell.y, z: cell.z, d: cell.d } : null;
}

/** H^{m-1}: the geological input, with the window of the unit pointed at boxed. */
export function inputView(container: HTMLElement, bus: TermBus, probe: Probe): LayerView & { update(input: Tensor, geometry: ConvGeometry): void } {
  const voxels = createVoxelView(container, { values: [0], shape: [1] }, { colormap: 'cividis', legendLabel: 'facies code / 3' });
  let geometry: ConvGeometry | null = null;
  const showWindow = (): void => {
    const cell = probe.cell;
    if (!cell || !geometry) return voxels.setBox(null);
    const inside = receptiveField(geometry, [cell.x, cell.y, cell.z]).filter((c) => !c.inPadding).map((c) => c.cell);
    if (inside.length === 0) return voxels.setBox(null);
    const lo = [0, 1, 2].map((a) => Math.min(...inside.map((c) => c[a]!))) as [number, number, number];
    const hi = [0, 1, 2].map((a) => Math.max(...inside.map((c) => c[a]!))) as [number, number, number];
    voxels.setBox({ from: lo, to: hi });
  };
  const unsubscribe = probe.subscribe(showWindow);
  const unlink = linkFigure(figureOf(container), ['Hprev'], bus);
  return {
    node: voxels.node,
    voxels,
    update(input, geom) {
      // A new grid: the unit pointed at may no longer exist, or be another one.
      if (geometry !== null && geom !== geometry) probe.set(null, 'input');
      geometry = geom;
      voxels.update({ tensor: input, colormap: 'cividis', domain: [0, 1], name: 'Input Hᵐ⁻¹' });
      showWindow();
    },
    dispose() {
      unsubscribe();
      unlink();
      voxels.dispose();
    },
  };
}

type Stage = 'before' | 'after';

/** z (before) or g(z) (after), with the inactive units faded when `fade` is on. */
export function stageView(stage: Stage, container: HTMLElement, bus: TermBus, probe: Probe): LayerView & { update(block: Block, kind: ActivationKind, fade: boolean): void } {
  const voxels = createVoxelView(
    container,
    { values: [0], shape: [1] },
    {
      colormap: stage === 'before' ? 'diverging' : 'viridis',
      legendLabel: stage === 'before' ? 'z' : 'g(z)',
      onHover: (cell) => probe.set(probeCell(cell), stage),
    },
  );
  const unsubscribe = probe.subscribe((cell, source) => {
    if (source !== stage) voxels.setCursor(cell ? [cell.x, cell.y, cell.z, cell.d] : null);
  });
  // W and b make the pre-activations; g makes H^m.
  const unlink = linkFigure(figureOf(container), stage === 'before' ? ['W', 'b'] : ['H', 'g'], bus);
  return {
    node: voxels.node,
    voxels,
    update(block, kind, fade) {
      if (stage === 'before') {
        voxels.update({ tensor: block.z, colormap: 'diverging', domain: Z_DOMAIN, name: 'Pre-activations z' });
      } else {
        const { map, domain } = OUTPUT_COLOURS[kind];
        voxels.update({ tensor: block.h, colormap: map, domain, name: 'Hidden layer Hᵐ = g(z)' });
      }
      // Only the output fades: before g, colour already says how far z is from 0.
      voxels.setHighlight(stage === 'after' && fade ? activeUnits(kind, block.z) : null);
    },
    dispose() {
      unsubscribe();
      unlink();
      voxels.dispose();
    },
  };
}
