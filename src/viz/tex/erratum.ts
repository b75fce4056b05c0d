/**
 * Where the paper is wrong or ambiguous: the paper's version and, beside it, a
 * clearly marked note with what holds (text from shared/tutorial/equations.md).
 * The paper's text is shown as printed; the correction never replaces it.
 */
import { keyboardScrollable } from './scrollable.ts';
import { tex, prose, type TexProblemHandler } from './tex.ts';
import type { TermBus } from './term-bus.ts';

export interface ErratumSpec {
  /** Where in the paper: 'eq. 2', '§2.1, batch normalization'. */
  readonly where: string;
  /** The paper's equation as printed (TeX). */
  readonly paper?: string;
  /** Or the paper's words, quoted. */
  readonly paperQuote?: string;
  /** What holds (TeX). */
  readonly corrected?: string;
  /** The explanation; inline $...$ is math. */
  readonly note: string;
}

export interface ErratumHandle {
  readonly node: HTMLElement;
  dispose(): void;
}

function column(title: string, modifier: string): { column: HTMLElement; body: HTMLElement } {
  const col = document.createElement('div');
  col.className = `erratum__column erratum__column--${modifier}`;
  const heading = document.createElement('p');
  heading.className = 'erratum__heading';
  heading.textContent = title;
  const body = document.createElement('div');
  body.className = 'erratum__body';
  col.append(heading, body);
  return { column: col, body };
}

export function erratum(container: HTMLElement, spec: ErratumSpec, options: { bus?: TermBus; onProblem?: TexProblemHandler } = {}): ErratumHandle {
  const disposers: Array<() => void> = [];
  const node = document.createElement('aside');
  node.className = 'erratum';
  node.setAttribute('aria-label', `Correction to the paper, ${spec.where}`);

  const badge = document.createElement('p');
  badge.className = 'erratum__badge';
  const mark = document.createElement('span');
  mark.className = 'erratum__mark';
  mark.textContent = 'Erratum';
  badge.append(mark, document.createTextNode(` ${spec.where}`));
  node.append(badge);

  const grid = document.createElement('div');
  grid.className = 'erratum__grid';
  if (spec.paper !== undefined || spec.paperQuote !== undefined) {
    const { column: col, body } = column('The paper', 'paper');
    if (spec.paper !== undefined) {
      disposers.push(tex(body, spec.paper, { display: true, ...options }), keyboardScrollable(body, "The paper's equation"));
    }
    else {
      const quote = document.createElement('blockquote');
      quote.textContent = spec.paperQuote!;
      body.append(quote);
    }
    grid.append(col);
  }
  if (spec.corrected !== undefined) {
    const { column: col, body } = column('What holds', 'corrected');
    disposers.push(tex(body, spec.corrected, { display: true, ...options }), keyboardScrollable(body, 'The corrected equation'));
    grid.append(col);
  }
  if (grid.childElementCount > 0) node.append(grid);

  const note = document.createElement('p');
  note.className = 'erratum__note';
  disposers.push(prose(note, spec.note, options));
  node.append(note);

  container.append(node);
  return {
    node,
    dispose() {
      disposers.forEach((dispose) => dispose());
      node.remove();
    },
  };
}
