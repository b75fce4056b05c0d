/**
 * The read-out of the unit pointed at in the 3D views: where it is, its
 * pre-activation z, its output g(z) and its slope g'(z), which is what the
 * backward pass multiplies its gradient by.
 */
import { derivative, type ActivationKind } from '../../src/nn/activation.ts';
import { formatValue } from '../../src/viz/paint/format.ts';
import type { Block } from './layer.ts';
import { ACTIVATION_NAMES, inactiveWord } from './names.ts';
import type { Probe, ProbeCell } from './probe.ts';
import { unitState } from './zone.ts';

export interface ProbeReadout {
  readonly node: HTMLElement;
  update(block: Block, kind: ActivationKind): void;
  dispose(): void;
}

const HINT = 'Point at a unit in either layer view (or focus one and press N) to read its z, g(z) and g′(z); its filter window is boxed in the input.';

/** "(3, 5, 2) in feature map 1", with as many coordinates as the grid has axes. */
export function unitName(cell: ProbeCell, shape: readonly number[]): string {
  const [, , ny, nz] = shape as [number, number, number, number];
  const coords = [cell.x, ...(ny > 1 || nz > 1 ? [cell.y] : []), ...(nz > 1 ? [cell.z] : [])];
  return `(${coords.join(', ')}) in feature map ${cell.d + 1}`;
}

export function probeText(cell: ProbeCell | null, block: Block | null, kind: ActivationKind): string {
  if (!cell || !block) return HINT;
  const [, nx, ny, nz, nd] = block.z.shape as [number, number, number, number, number];
  if (cell.x >= nx || cell.y >= ny || cell.z >= nz || cell.d >= nd) return HINT;
  const i = ((cell.x * ny + cell.y) * nz + cell.z) * nd + cell.d;
  const z = block.z.data[i]!;
  const g = block.h.data[i]!;
  const slope = derivative(kind, z);
  const state = unitState(kind, z);
  const verdict =
    state === 'active'
      ? 'active: the gradient passes'
      : kind === 'relu'
        ? 'dead: no gradient passes'
        : `${inactiveWord(kind)}: almost no gradient passes`;
  return `Unit ${unitName(cell, block.z.shape)}: z = ${formatValue(z)}, ${ACTIVATION_NAMES[kind]}(z) = ${formatValue(g)}, slope g′(z) = ${formatValue(slope)}, ${verdict}.`;
}

export function probeReadout(container: HTMLElement, probe: Probe): ProbeReadout {
  const node = document.createElement('p');
  node.className = 'act-probe';
  node.setAttribute('aria-live', 'polite');
  container.append(node);
  let block: Block | null = null;
  let kind: ActivationKind = 'relu';
  const show = (): void => {
    node.textContent = probeText(probe.cell, block, kind);
    node.classList.toggle('is-empty', probe.cell === null);
  };
  const unsubscribe = probe.subscribe(show);
  show();
  return {
    node,
    update(nextBlock, nextKind) {
      block = nextBlock;
      kind = nextKind;
      show();
    },
    dispose() {
      unsubscribe();
      node.remove();
    },
  };
}
