/**
 * Errors raised by the numerical core. Every refusal names the operation and
 * the offending shapes or values, so a reader (or a chapter's message box)
 * can say exactly why a combination is impossible.
 *
 * - ShapeError: shapes that do not fit together, an output size below 1.
 * - ParamError: a hyperparameter out of range (stride < 1, negative padding,
 *   non-integer size, unknown kind, non-finite value).
 */
export type ErrorCategory = 'shape' | 'param';

export class AtlasError extends Error {
  constructor(
    readonly op: string,
    readonly category: ErrorCategory,
    detail: string,
  ) {
    super(`${op}: ${detail}`);
    this.name = category === 'shape' ? 'ShapeError' : 'ParamError';
  }
}

export class ShapeError extends AtlasError {
  constructor(op: string, detail: string) {
    super(op, 'shape', detail);
  }
}

export class ParamError extends AtlasError {
  constructor(op: string, detail: string) {
    super(op, 'param', detail);
  }
}

/** `[2, 3, 3, 1, 2]` as it appears in messages. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
