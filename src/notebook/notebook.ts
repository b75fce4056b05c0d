/**
 * The notebook a chapter module talks to. A chapter's index.html holds the
 * prose and empty elements marked data-slot="name"; its module declares cells
 * that fill them:
 *
 *   nb.range('blocks', { label: 'Convolution blocks', min: 1, max: 4, step: 1, value: 2 });
 *   nb.cell('network', ['blocks'], (blocks) => describeNetwork({ blocks }));
 *   nb.display('shapes', ['network'], (network) => shapeTable(network));
 *   nb.view('diagram', { inputs: ['network'], create: (el, bus) => diagram(el, bus) });
 *   nb.equation('eq-1', { number: 1, tex: '\\term{H}{H^m} = ...' });
 *
 * Controls are cells whose value follows the control; computed values are
 * cells; a view is built once in its slot (disposed through the runtime's
 * `invalidation`) and updated in place by a second cell when its inputs
 * change. Errors show in the cell's place. Control values round-trip through
 * the URL.
 */
import { Runtime, RuntimeError, type Module } from '@observablehq/runtime';
import { equation, type EquationSpec } from '../viz/tex/equation.ts';
import { erratum, type ErratumSpec } from '../viz/tex/erratum.ts';
import { createTermBus, type TermBus, type TermCatalog } from '../viz/tex/term-bus.ts';
import { linkTerm } from '../viz/tex/term-link.ts';
import { tex, type TexProblem } from '../viz/tex/tex.ts';
import { createBusyTracker, type BusyTracker } from './busy.ts';
import { errorNode } from './cell-error.ts';
import { defineCells } from './cells.ts';
import { codeView, type CodeSpec } from './code/code-view.ts';
import type { Control } from './controls/control.ts';
import { createControl } from './controls/index.ts';
import type { ButtonSpec, ChoiceSpec, ControlSpec, RangeSpec, SettingValue, ToggleSpec } from './controls/spec.ts';
import { figure, type FigureSpec } from './figure.ts';
import { observeValue } from './observe.ts';
import { createStatus, type StatusHandle } from './status.ts';
import { urlNotice } from './url-notice.ts';
import { syncControlsWithUrl, type UrlSync } from './url-sync.ts';

/** What a view function returns (docs/architecture.md): built once, updated in place, disposed. */
export interface ViewLike {
  readonly node?: Node;
  update?(...inputs: any[]): void;
  dispose(): void;
}

export interface ViewSpec<V extends ViewLike> {
  /** The data-slot to build in; the view's name by default. */
  readonly slot?: string;
  /** Cells whose values update the view. */
  readonly inputs?: readonly string[];
  /** Builds the view once, into `container`. */
  readonly create: (container: HTMLElement, bus: TermBus) => V;
  /** Brings the view up to date; `view.update(...inputs)` by default. */
  readonly update?: (view: V, ...inputs: any[]) => void;
  /** Wraps the view in a figure; `describe` gives its text alternative from the same inputs. */
  readonly figure?: FigureSpec & { readonly describe?: (...inputs: any[]) => string };
}

export interface Notebook {
  readonly module: Module;
  readonly terms: TermBus;
  readonly status: StatusHandle;
  /** The page element marked data-slot="name"; throws if the page has none. */
  slot(name: string): HTMLElement;
  /** A computed cell, available to other cells as `name`. */
  cell(name: string, inputs: readonly string[], body: (...inputs: any[]) => unknown): void;
  /** A cell shown in its slot: a node, a view (its .node) or text; rebuilt when its inputs change. */
  display(name: string, inputs: readonly string[], body: (...inputs: any[]) => unknown, options?: { slot?: string }): void;
  /** A view built once and updated in place. */
  view<V extends ViewLike>(name: string, spec: ViewSpec<V>): void;
  control(key: string, spec: ControlSpec): Control;
  range(key: string, spec: Omit<RangeSpec, 'kind'>): Control<number>;
  select(key: string, spec: Omit<ChoiceSpec, 'kind'>): Control<string>;
  radio(key: string, spec: Omit<ChoiceSpec, 'kind'>): Control<string>;
  toggle(key: string, spec: Omit<ToggleSpec, 'kind'>): Control<boolean>;
  button(key: string, spec: Omit<ButtonSpec, 'kind'>): Control<number>;
  /** A button that puts every setting back to its default (and cleans the URL). */
  resetButton(slot?: string, label?: string): void;
  equation(slot: string, spec: EquationSpec): void;
  erratum(slot: string, spec: ErratumSpec): void;
  code(slot: string, spec: CodeSpec): void;
}

export interface NotebookInternals extends Notebook {
  /** After the chapter has declared everything: applies the URL, renders the page's inline TeX. */
  start(): void;
  readonly busy: BusyTracker;
  readonly url: () => UrlSync | undefined;
}

const UPDATING_DELAY_MS = 400;

/** Unresolved cell names fail loudly instead of reading window globals (`name`, `top`...). */
function noGlobals(name: string): never {
  throw new RuntimeError(`${name} is not a cell of this chapter`, name);
}

function reportTexProblem(target: HTMLElement) {
  return (problem: TexProblem): void => {
    console.error(`KaTeX could not render ${JSON.stringify(problem.tex)}: ${problem.message}`);
    const note = document.createElement('p');
    note.className = 'cell-error cell-error--bug';
    note.textContent = `This equation could not be rendered: ${problem.message}`;
    target.append(note);
  };
}

export function createNotebook(options: { terms?: TermCatalog; root?: ParentNode } = {}): NotebookInternals {
  const root = options.root ?? document;
  const runtime = new Runtime({}, noGlobals);
  const module = runtime.module();
  const terms = createTermBus(options.terms);
  const busy = createBusyTracker();
  const controls: Control[] = [];
  let status: StatusHandle | undefined;
  let sync: UrlSync | undefined;

  const slot = (name: string): HTMLElement => {
    const element = root.querySelector<HTMLElement>(`[data-slot="${CSS.escape(name)}"]`);
    if (!element) throw new Error(`this page has no element with data-slot="${name}"`);
    return element;
  };

  const main = (): HTMLElement => (root.querySelector<HTMLElement>('main') ?? document.body);

  const notebook: NotebookInternals = {
    module,
    terms,
    busy,
    url: () => sync,
    get status() {
      if (!status) {
        const place = root.querySelector<HTMLElement>('[data-slot="status"]') ?? main();
        status = createStatus(place);
        // Say "Updating…" only when a computation lasts long enough to notice;
        // a message flashing on every slider step would only distract.
        let timer: ReturnType<typeof setTimeout> | undefined;
        busy.onChange((isBusy) => {
          clearTimeout(timer);
          if (isBusy) timer = setTimeout(() => status!.busy('Updating…'), UPDATING_DELAY_MS);
          else if (status!.node.dataset.state === 'busy') status!.clear();
        });
      }
      return status;
    },
    slot,

    cell(name, inputs, body) {
      defineCells(module, [{ name, inputs, body }], busy);
    },

    display(name, inputs, body, displayOptions = {}) {
      defineCells(module, [{ name, inputs, body, slot: slot(displayOptions.slot ?? name) }], busy);
    },

    view(name, spec) {
      const place = slot(spec.slot ?? name);
      const frame = spec.figure ? figure(place, spec.figure) : undefined;
      const container = frame?.body ?? place;
      const update = spec.update ?? ((view: ViewLike, ...inputs: unknown[]) => view.update?.(...inputs));
      defineCells(
        module,
        [
          {
            name,
            inputs: ['invalidation'],
            slot: container,
            mode: 'overlay',
            body: (invalidation: Promise<void>) => {
              const view = spec.create(container, terms);
              invalidation.then(() => view.dispose());
              return view;
            },
          },
          {
            inputs: [name, ...(spec.inputs ?? [])],
            slot: container,
            mode: 'overlay',
            body: (view: ViewLike, ...inputs: unknown[]) => {
              update(view as never, ...inputs);
              if (frame && spec.figure?.describe) frame.describe(spec.figure.describe(...inputs));
            },
          },
        ],
        busy,
      );
    },

    control(key, spec) {
      if (controls.some((c) => c.key === key)) throw new Error(`two controls are named "${key}"`);
      const control = createControl(key, spec);
      controls.push(control);
      slot(spec.slot ?? 'controls').append(control.element);
      control.subscribe(() => busy.input());
      defineCells(module, [{ name: key, body: () => observeValue(control) }], busy);
      return control;
    },
    range: (key, spec) => notebook.control(key, { ...spec, kind: 'range' }) as Control<number>,
    select: (key, spec) => notebook.control(key, { ...spec, kind: 'select' } as ChoiceSpec) as Control<string>,
    radio: (key, spec) => notebook.control(key, { ...spec, kind: 'radio' } as ChoiceSpec) as Control<string>,
    toggle: (key, spec) => notebook.control(key, { ...spec, kind: 'toggle' }) as Control<boolean>,
    button: (key, spec) => notebook.control(key, { ...spec, kind: 'button' }) as Control<number>,

    resetButton(slotName = 'controls', label = 'Reset to defaults') {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button--quiet control-reset';
      button.textContent = label;
      button.addEventListener('click', () => {
        for (const control of controls) {
          if (control.spec.kind !== 'button') control.set(control.spec.value as SettingValue);
        }
      });
      slot(slotName).append(button);
    },

    equation(slotName, spec) {
      const place = slot(slotName);
      equation(place, spec, { bus: terms, onProblem: reportTexProblem(place) });
    },

    erratum(slotName, spec) {
      const place = slot(slotName);
      erratum(place, spec, { bus: terms, onProblem: reportTexProblem(place) });
    },

    code(slotName, spec) {
      const place = slot(slotName);
      try {
        codeView(place, spec, terms);
      } catch (error) {
        place.append(errorNode(error));
      }
    },

    start() {
      busy.settle();
      sync = syncControlsWithUrl(controls);
      if (sync.ignored.length > 0) {
        const place = root.querySelector<HTMLElement>('[data-slot="notices"]') ?? main();
        place.prepend(urlNotice(sync.ignored));
      }
      // Inline math written in the page's HTML: <span data-tex="W^m">W^m</span>.
      for (const element of Array.from(root.querySelectorAll<HTMLElement>('[data-tex]'))) {
        tex(element, element.dataset.tex!, { display: element.dataset.display !== undefined, bus: terms, onProblem: reportTexProblem(element) });
      }
      // Words in the prose that name a term: <span data-term="W">filter</span>.
      for (const element of Array.from(root.querySelectorAll<HTMLElement>('[data-term]:not(.tex-term)'))) {
        if (element.closest('[data-slot]')) continue;
        terms.label(element.dataset.term!);
        element.classList.add('prose-term');
        linkTerm(element, element.dataset.term!, terms);
      }
    },
  };
  return notebook;
}
