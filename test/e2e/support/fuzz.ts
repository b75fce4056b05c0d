/**
 * Random reader input for property-based tests (fast-check): a step is one
 * thing a reader does to one control — a slider dragged to an end or to any
 * value on its grid, or moved with a key; an option chosen; a switch flipped;
 * a button pressed. Steps are plain data, so a failing sequence prints as a
 * readable list and replays from its seed.
 */
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import type { ControlInfo } from './controls.ts';

export const RANGE_KEYS = ['Home', 'End', 'PageUp', 'PageDown', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] as const;

export type FuzzStep =
  | { readonly control: string; readonly kind: 'range'; readonly to: 'min' | 'max' | number }
  | { readonly control: string; readonly kind: 'range-key'; readonly key: (typeof RANGE_KEYS)[number] }
  | { readonly control: string; readonly kind: 'choose'; readonly option: number }
  | { readonly control: string; readonly kind: 'flip' }
  | { readonly control: string; readonly kind: 'press' };

/** Steps for the page's controls; sliders go to their ends more often than anywhere else. */
export function stepArbitrary(controls: readonly ControlInfo[]): fc.Arbitrary<FuzzStep> {
  return fc.constantFrom(...controls).chain((c): fc.Arbitrary<FuzzStep> => {
    switch (c.kind) {
      case 'range':
        return fc.oneof(
          { weight: 2, arbitrary: fc.constantFrom<'min' | 'max'>('min', 'max').map((to) => ({ control: c.key, kind: 'range' as const, to })) },
          { weight: 2, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((to) => ({ control: c.key, kind: 'range' as const, to })) },
          { weight: 1, arbitrary: fc.constantFrom(...RANGE_KEYS).map((key) => ({ control: c.key, kind: 'range-key' as const, key })) },
        );
      case 'select':
      case 'radio':
        return fc.nat(63).map((option) => ({ control: c.key, kind: 'choose' as const, option }));
      case 'toggle':
        return fc.constant({ control: c.key, kind: 'flip' as const });
      default:
        return fc.constant({ control: c.key, kind: 'press' as const });
    }
  });
}

/** Does `step` on the page, as a reader would (events the native controls fire). */
export async function applyStep(page: Page, step: FuzzStep): Promise<void> {
  const field = page.locator(`.control[data-control="${step.control}"]`);
  switch (step.kind) {
    case 'range': {
      // A drag ends on a value of the slider's grid: set it and fire input and change as the browser does.
      await field.locator('input[type=range]').evaluate((input: HTMLInputElement, to) => {
        const min = Number(input.min);
        const max = Number(input.max);
        const step = Number(input.step) || 1;
        const value = to === 'min' ? min : to === 'max' ? max : min + Math.round(((max - min) * (to as number)) / step) * step;
        input.value = String(value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, step.to);
      return;
    }
    case 'range-key':
      await field.locator('input[type=range]').press(step.key);
      return;
    case 'choose': {
      const select = field.locator('select');
      if ((await select.count()) > 0) {
        const values = await select.evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.value));
        await select.selectOption(values[step.option % values.length]!);
      } else {
        const labels = field.locator('label.control__option');
        await labels.nth(step.option % (await labels.count())).click();
      }
      return;
    }
    case 'flip':
      await field.locator('input[type=checkbox]').press('Space');
      return;
    case 'press':
      await field.locator('button').click();
      return;
  }
}

/** One line per step, for failure messages. */
export function describeSteps(steps: readonly FuzzStep[]): string {
  return steps
    .map((s, i) => {
      const what = s.kind === 'range' ? `to ${typeof s.to === 'number' ? `${(s.to * 100).toFixed(0)}% of its range` : s.to}` : s.kind === 'range-key' ? `key ${s.key}` : s.kind === 'choose' ? `option #${s.option}` : s.kind;
      return `${i + 1}. ${s.control}: ${what}`;
    })
    .join('\n');
}

/** The seed: ATLAS_FUZZ_SEED, else a fixed one so CI runs the same sequences every time. */
export const FUZZ_SEED = Number(process.env.ATLAS_FUZZ_SEED ?? 20191216);
/** Sequences per page: ATLAS_FUZZ_RUNS, else a number that keeps the whole spec within a few minutes. */
export const FUZZ_RUNS = Number(process.env.ATLAS_FUZZ_RUNS ?? 3);
/** Longest sequence of steps in one run. */
export const FUZZ_STEPS = Number(process.env.ATLAS_FUZZ_STEPS ?? 6);
