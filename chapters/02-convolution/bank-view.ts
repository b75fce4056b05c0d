/**
 * The filter bank W^m: one small voxel view per filter, each showing its
 * w_d depth slices side by side, in the same order as the input's feature
 * maps. The filter being explained is outlined like the window on the input;
 * a filter's button makes it the one explained. Bias values are shown with
 * each filter and linked to b^m.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';
import { createColorLegend, type ColorLegend } from '../../src/viz/three/color-legend.ts';
import { createVoxelView, type VoxelView } from '../../src/viz/three/voxel-view.ts';
import { sameDomain, type LayerDomains } from './domains.ts';
import { formatNumber, superscript } from './format.ts';
import type { ConvLayer, Placement } from './layer.ts';
import type { Tensor } from '../../src/tensor/index.ts';
import { changesOf, linkFace, type TermTarget } from './layer-views.ts';
import type { TapFocus } from './tap-focus.ts';

export interface BankViewData {
  readonly layer: ConvLayer;
  readonly place: Placement;
  readonly domains: LayerDomains;
  /** What each filter is ('vertical gradient'), or none. */
  readonly names?: readonly string[];
  /** m, for the names W^m and b^m. */
  readonly m: number;
}

export interface BankView {
  readonly node: HTMLElement;
  update(data: BankViewData): void;
  dispose(): void;
}

interface Item {
  readonly root: HTMLElement;
  readonly button: HTMLButtonElement;
  readonly label: HTMLElement;
  readonly bias: HTMLElement;
  readonly body: HTMLElement;
  view: VoxelView | null;
  /** The weights, domain and name the view shows. */
  shown: { readonly weights: Float64Array; readonly domain: readonly [number, number]; readonly name: string | undefined; readonly m: number } | null;
  readonly unlink: () => void;
  /** Outlines only when the selection or the window's size changed (each outline redraws the view). */
  readonly box: ReturnType<typeof changesOf<VoxelView>>;
}

/** Filter c of a bank [wx, wy, wz, wd, wc] (row-major, c fastest), as a flat copy. */
function filterWeights(w: Tensor, c: number): Float64Array {
  const count = w.shape[w.shape.length - 1]!;
  const out = new Float64Array(w.data.length / count);
  for (let k = 0; k < out.length; k++) out[k] = w.data[k * count + c]!;
  return out;
}

function sameWeights(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
}

export function filterBankView(container: HTMLElement, bus: TermBus, focus: TapFocus, onChoose: (filter: number) => void, options: TermTarget = {}): BankView {
  const root = document.createElement('div');
  root.className = 'conv-bank';
  const list = document.createElement('div');
  list.className = 'conv-bank__list';
  const legendPlace = document.createElement('div');
  legendPlace.className = 'conv-bank__legend';
  root.append(list, legendPlace);
  container.append(root);
  const unlinkFigure = linkFace(container, 'W', bus, options);
  let legend: ColorLegend | null = null;
  let items: Item[] = [];
  let current: BankViewData | null = null;

  function makeItem(c: number): Item {
    const itemRoot = document.createElement('div');
    itemRoot.className = 'conv-filter';
    const head = document.createElement('div');
    head.className = 'conv-filter__head';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'conv-filter__choose';
    const label = document.createElement('span');
    button.append(label);
    button.addEventListener('click', () => onChoose(c + 1));
    const bias = document.createElement('span');
    bias.className = 'conv-filter__bias';
    head.append(button, bias);
    const body = document.createElement('div');
    body.className = 'conv-filter__body';
    itemRoot.append(head, body);
    list.append(itemRoot);
    const unlink = linkTerm(bias, 'b', bus);
    return { root: itemRoot, button, label, bias, body, view: null, shown: null, unlink, box: changesOf<VoxelView>() };
  }

  function disposeItem(item: Item): void {
    item.unlink();
    item.view?.dispose();
    item.root.remove();
  }

  const unfocus = focus.subscribe((t) => {
    if (!current) return;
    items.forEach((item, c) => item.view?.setCursor(t && c === current!.place.filter ? [...t.tap, t.d] : null));
  });

  return {
    node: root,
    update(data) {
      const { layer, place, domains, names, m } = data;
      const fresh = !current || current.layer.w !== layer.w || !sameDomain(current.domains.weights, domains.weights) || current.names !== names;
      current = data;
      const count = layer.geometry.filters;
      while (items.length > count) disposeItem(items.pop()!);
      while (items.length < count) items.push(makeItem(items.length));
      const [wx, wy, wz] = layer.geometry.window;
      items.forEach((item, c) => {
        // A new bank rebuilds only the filters whose weights, colour scale or name changed:
        // one more filter leaves the others' cubes as they are.
        const weights = fresh || !item.view ? filterWeights(layer.w, c) : null;
        const name = names?.[c];
        const shown = item.shown;
        if (weights && !(item.view && shown && sameWeights(shown.weights, weights) && sameDomain(shown.domain, domains.weights) && shown.name === name && shown.m === m)) {
          item.shown = { weights, domain: domains.weights, name, m };
          const spec = { tensor: layer.w, filter: c, colormap: 'diverging' as const, domain: domains.weights, name: `Filter ${c + 1} of W${superscript(m)}` };
          if (item.view) item.view.update(spec);
          else {
            item.view = createVoxelView(item.body, spec, {
              colormap: 'diverging',
              legendLabel: 'weight',
              onHover(cell) {
                if (!current || current.place.filter !== c) return;
                const corner = current.place.corner;
                focus.set(cell ? { tap: [cell.x, cell.y, cell.z], cell: [corner[0] + cell.x, corner[1] + cell.y, corner[2] + cell.z], d: cell.d } : null);
              },
              onSelect: () => onChoose(c + 1),
            });
          }
          item.label.textContent = `Filter ${c + 1}${name ? ` · ${name}` : ''}`;
        }
        const bias = `b${superscript(m)} = ${formatNumber(layer.b.data[c]!)}`;
        if (item.bias.textContent !== bias) item.bias.textContent = bias;
        const selected = c === place.filter;
        item.root.classList.toggle('is-selected', selected);
        item.button.setAttribute('aria-pressed', String(selected));
        const view = item.view!;
        item.box(view, selected ? `${wx},${wy},${wz}` : '', () => view.setBox(selected ? { from: [0, 0, 0], to: [wx - 1, wy - 1, wz - 1] } : null));
      });
      if (!legend) legend = createColorLegend(legendPlace, { map: 'diverging', domain: domains.weights, label: `weight of W${superscript(m)}` });
      else if (fresh) legend.update({ map: 'diverging', domain: domains.weights, label: `weight of W${superscript(m)}` });
    },
    dispose() {
      unfocus();
      unlinkFigure();
      items.forEach(disposeItem);
      items = [];
      legend?.dispose();
      root.remove();
    },
  };
}
