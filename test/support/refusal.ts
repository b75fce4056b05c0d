/** Run a call that must be refused and return the AtlasError it threw (fails the test otherwise). */
import { expect } from 'vitest';
import { AtlasError } from '../../src/tensor/index.ts';

export function refusal(fn: () => unknown): AtlasError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AtlasError);
    return e as AtlasError;
  }
  throw new Error('expected the call to be refused');
}
