/**
 * A control on the page: its element and its current value, which the reader
 * changes (input events) or the page sets (URL state, reset). Listeners hear
 * both; the notebook turns a control into a cell whose value follows them.
 */
import type { ControlSpec } from './spec.ts';

export interface Control<T = unknown> {
  readonly key: string;
  readonly spec: ControlSpec;
  /** The whole field: label, input, read-out, description. */
  readonly element: HTMLElement;
  get(): T;
  /** Sets the value as if the reader had chosen it; listeners hear it. */
  set(value: T): void;
  subscribe(listener: (value: T) => void): () => void;
}

/** The state and listeners every control shares; `render` writes a value into the DOM. */
export function controlState<T>(initial: T, render: (value: T) => void) {
  const listeners = new Set<(value: T) => void>();
  let value = initial;
  render(value);
  return {
    get: (): T => value,
    /** From the DOM (an input event): the element already shows it. */
    changed(next: T): void {
      value = next;
      for (const listener of [...listeners]) listener(value);
    },
    /** From the page: render, then tell the listeners. */
    set(next: T): void {
      render(next);
      this.changed(next);
    },
    subscribe(listener: (value: T) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let idCounter = 0;

/** Unique, stable-looking ids for label/for and aria-describedby. */
export function controlId(key: string, part = 'input'): string {
  return `control-${key}-${part}-${++idCounter}`;
}

/** The field wrapper and, when the spec has one, the description paragraph it points to. */
export function fieldShell(kind: string, key: string, description: string | undefined): { field: HTMLElement; describedBy?: string; descriptionNode?: HTMLElement } {
  const field = document.createElement('div');
  field.className = `control control--${kind}`;
  field.dataset.control = key;
  if (!description) return { field };
  const descriptionNode = document.createElement('p');
  descriptionNode.className = 'control__description';
  descriptionNode.id = controlId(key, 'description');
  descriptionNode.textContent = description;
  return { field, describedBy: descriptionNode.id, descriptionNode };
}
