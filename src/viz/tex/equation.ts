/**
 * A numbered display equation, numbered as in the paper: "(6)". The number is
 * our own element beside the math (not \tag) so it stays put when a long
 * equation scrolls sideways on a phone.
 */
import { keyboardScrollable } from './scrollable.ts';
import { tex, type TexProblemHandler } from './tex.ts';
import type { TermBus } from './term-bus.ts';

export interface EquationSpec {
  /** The paper's number, shown as "(n)"; omit for an unnumbered display. */
  readonly number?: number | string;
  /** TeX with \term{key}{...} markup. */
  readonly tex: string;
  /** What the equation says, for the group's accessible name: 'the hidden layer with batch normalization and pooling'. */
  readonly description?: string;
}

export interface EquationHandle {
  readonly node: HTMLElement;
  dispose(): void;
}

export function equation(container: HTMLElement, spec: EquationSpec, options: { bus?: TermBus; onProblem?: TexProblemHandler } = {}): EquationHandle {
  const node = document.createElement('div');
  node.className = 'equation';
  node.setAttribute('role', 'group');
  const name = spec.number === undefined ? 'Equation' : `Equation (${spec.number})`;
  node.setAttribute('aria-label', spec.description ? `${name}: ${spec.description}` : name);
  if (spec.number !== undefined) node.dataset.equation = String(spec.number);

  const math = document.createElement('div');
  math.className = 'equation__math';
  node.append(math);
  if (spec.number !== undefined) {
    const number = document.createElement('span');
    number.className = 'equation__number';
    number.setAttribute('aria-hidden', 'true');
    number.textContent = `(${spec.number})`;
    node.append(number);
  }
  container.append(node);
  const unlink = tex(math, spec.tex, { display: true, ...options });
  const unobserve = keyboardScrollable(math, name);
  return {
    node,
    dispose() {
      unlink();
      unobserve();
      node.remove();
    },
  };
}
