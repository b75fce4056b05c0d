/**
 * A cell's error, shown in the cell's place. An AtlasError from the core
 * (ShapeError, ParamError) is an expected answer to an impossible setting:
 * its message is reader-ready and shown as is. Any other error is a bug: it is
 * shown too, and logged once to the console so tests fail on it.
 *
 * The runtime re-wraps an error as a RuntimeError (same message) for every
 * cell downstream of the one that threw, losing its class; the notebook
 * remembers what its cell bodies threw, by message, to recover it.
 */
import { AtlasError } from '../tensor/errors.ts';

const MAX_REMEMBERED = 32;
const thrown = new Map<string, unknown>();
const logged = new WeakSet<object>();

/** Called by a cell body's wrapper with what it threw. */
export function rememberThrown(error: unknown): void {
  if (!(error instanceof Error)) return;
  thrown.delete(error.message);
  thrown.set(error.message, error);
  if (thrown.size > MAX_REMEMBERED) thrown.delete(thrown.keys().next().value!);
}

/** The error as thrown by the cell that failed, even if `error` is the runtime's re-wrapping of it. */
export function originalError(error: unknown): unknown {
  if (error instanceof AtlasError || !(error instanceof Error)) return error;
  return thrown.get(error.message) ?? error;
}

const TITLES = {
  shape: 'These settings do not fit together',
  param: 'A setting is out of range',
  bug: 'This part of the page could not be computed',
} as const;

export function errorNode(error: unknown): HTMLElement {
  const original = originalError(error);
  const kind = original instanceof AtlasError ? original.category : 'bug';
  if (kind === 'bug' && original instanceof Object && !logged.has(original)) {
    logged.add(original);
    console.error(original);
  }
  const node = document.createElement('div');
  node.className = `cell-error cell-error--${kind}`;
  node.setAttribute('role', 'status');
  const title = document.createElement('p');
  title.className = 'cell-error__title';
  title.textContent = TITLES[kind];
  const message = document.createElement('p');
  message.className = 'cell-error__message';
  message.textContent = original instanceof Error ? original.message : String(original);
  node.append(title, message);
  return node;
}
