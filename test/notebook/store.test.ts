import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/notebook/store.ts';
import { observeValue } from '../../src/notebook/observe.ts';

/** Two cell indices are the same selection when every coordinate agrees. */
const sameCell = (a: readonly number[] | null, b: readonly number[] | null): boolean =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((v, i) => v === b[i]));

describe('a store observed as a notebook cell', () => {
  it('yields the current value, then a promise of the next change', async () => {
    const store = createStore<number>(1);
    const gen = observeValue(store);
    expect(gen.next().value).toBe(1);
    const next = gen.next().value as Promise<number>;
    expect(next).toBeInstanceOf(Promise);
    store.set(2);
    await expect(next).resolves.toBe(2);
  });

  it('keeps only the latest value set between two pulls, and ignores a repeated value', async () => {
    const store = createStore<readonly number[] | null>(null, sameCell);
    const heard: unknown[] = [];
    store.subscribe((v) => heard.push(v));
    const gen = observeValue(store);
    expect(gen.next().value).toBe(null);
    store.set([1, 0, 0, 0]);
    store.set([2, 0, 0, 0]);
    store.set([2, 0, 0, 0]);
    expect(heard).toEqual([[1, 0, 0, 0], [2, 0, 0, 0]]);
    expect(gen.next().value).toEqual([2, 0, 0, 0]);
  });

  it('stops listening when the runtime disposes the cell', () => {
    const store = createStore(0);
    const gen = observeValue(store);
    gen.next();
    gen.return(undefined);
    expect(gen.next().done).toBe(true);
    store.set(5);
    expect(gen.next().done).toBe(true);
  });
});
