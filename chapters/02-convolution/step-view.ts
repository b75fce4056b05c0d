/**
 * One convolution step of Figure 3 in a row: the input layer with the
 * window, the filter bank, and the layer it makes, each a voxel view on the
 * shared renderer, with the shapes under them. The same three views as the
 * explorer, smaller.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { filterBankView } from './bank-view.ts';
import type { LayerDomains } from './domains.ts';
import { formatShape, superscript } from './format.ts';
import type { ConvLayer, Placement } from './layer.ts';
import { inputLayerView, outputLayerView } from './layer-views.ts';
import type { TapFocus } from './tap-focus.ts';

export interface StepViewData {
  readonly layer: ConvLayer;
  readonly place: Placement;
  readonly domains: LayerDomains;
  readonly m: number;
  readonly inputColormap: 'viridis' | 'diverging';
}

export interface StepView {
  readonly node: HTMLElement;
  update(data: StepViewData): void;
  dispose(): void;
}

function pane(parent: HTMLElement, className: string): { pane: HTMLElement; body: HTMLElement; label: HTMLElement } {
  const p = document.createElement('div');
  p.className = `conv-step__pane ${className}`;
  const body = document.createElement('div');
  const label = document.createElement('p');
  label.className = 'conv-step__label';
  p.append(label, body);
  parent.append(p);
  return { pane: p, body, label };
}

function operator(parent: HTMLElement, text: string): void {
  const op = document.createElement('span');
  op.className = 'conv-step__op';
  op.setAttribute('aria-hidden', 'true');
  op.textContent = text;
  parent.append(op);
}

export function stepView(
  container: HTMLElement,
  bus: TermBus,
  focus: TapFocus,
  handlers: { onChoose(filter: number): void; onPick(position: number, filter: number): void },
): StepView {
  const root = document.createElement('div');
  root.className = 'conv-step';
  container.append(root);
  const a = pane(root, 'conv-step__pane--input');
  operator(root, '∗');
  const w = pane(root, 'conv-step__pane--bank');
  operator(root, '→');
  const h = pane(root, 'conv-step__pane--output');
  const input = inputLayerView(a.body, bus, focus, { target: a.pane });
  const bank = filterBankView(w.body, bus, focus, handlers.onChoose, { target: w.pane });
  const output = outputLayerView(h.body, bus, handlers.onPick, { target: h.pane });
  return {
    node: root,
    update({ layer, place, domains, m, inputColormap }) {
      const g = layer.geometry;
      const prev = m === 1 ? 'X = H⁰' : `H${superscript(m - 1)}`;
      a.label.textContent = `${prev}: ${formatShape(layer.x.shape.slice(1))}`;
      w.label.textContent = `W${superscript(m)}: ${g.filters} filters of ${formatShape(layer.w.shape.slice(0, 4))}`;
      h.label.textContent = `H${superscript(m)}: ${formatShape(layer.y.shape.slice(1))}`;
      input.update({ layer, place, domains, name: prev, colormap: inputColormap });
      bank.update({ layer, place, domains, m });
      output.update({ layer, place, domains, name: `H${superscript(m)}` });
    },
    dispose() {
      input.dispose();
      bank.dispose();
      output.dispose();
      root.remove();
    },
  };
}
