/**
 * Property-based test of every chapter's controls (fast-check): random
 * sequences of reader actions — sliders to their ends, to any value of their
 * grid and moved by keys, options chosen, switches flipped, buttons pressed —
 * and after every step the page shows no uncaught error, console error or CSP
 * violation, no "NaN", "Infinity" or absurd number, no blank view, and every
 * impossible setting is explained in words (a ShapeError or ParamError, not a
 * bug). The pages come from the chapter registry, so a new chapter is fuzzed
 * without a line here.
 *
 * Replaying a failure: the message gives the seed and the steps;
 *   ATLAS_FUZZ_SEED=<seed minus the chapter number> ATLAS_E2E_PAGES=<page> npm run test:e2e -- --no-build fuzz
 * ATLAS_FUZZ_RUNS and ATLAS_FUZZ_STEPS make the search longer.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { blankViews } from '../support/checks.ts';
import { listControls } from '../support/controls.ts';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_STEPS, applyStep, describeSteps, stepArbitrary, type FuzzStep } from '../support/fuzz.ts';
import { useBrowser } from '../support/harness.ts';
import { waitForIdle } from '../support/notebook.ts';
import { badCellErrors, brokenNumbers } from '../support/page-health.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

const browser = useBrowser();

for (const site of CHAPTER_PAGES) {
  describe(`fuzzing the controls of ${site.name}`, () => {
    test(`${FUZZ_RUNS} random sequences of up to ${FUZZ_STEPS} actions never break the page`, async (t) => {
      const first = await browser.open(site);
      const controls = await listControls(first.page);
      // Prose may mention NaN on purpose: only what appears after a step counts.
      const prose = new Set(await brokenNumbers(first.page));
      await first.close();
      if (controls.length === 0) return t.skip('the chapter has no controls');
      const seed = FUZZ_SEED + site.chapter!.number;
      let done = 0;
      const started = Date.now();
      const property = fc.asyncProperty(fc.array(stepArbitrary(controls), { minLength: 1, maxLength: FUZZ_STEPS }), async (steps: FuzzStep[]) => {
        // Each sequence starts from a fresh page with the defaults.
        const { page, problems, close } = await browser.open(site);
        try {
          for (const [i, step] of steps.entries()) {
            const at = `${site.name}, seed ${seed}, after step ${i + 1} of\n${describeSteps(steps)}\n`;
            await applyStep(page, step);
            await waitForIdle(page);
            done++;
            await problems.assertNone(at);
            // Cheap checks after every step: a blank view nearly always comes with a broken
            // number in its text alternative, which this reads without a screenshot.
            const broken = (await brokenNumbers(page)).filter((text) => !prose.has(text));
            assert.deepEqual(broken, [], `${at}the page shows a broken number`);
            assert.deepEqual(await badCellErrors(page), [], `${at}an impossible setting is not explained in words`);
          }
          // The pixels of every shown view once the sequence is over.
          assert.deepEqual(await blankViews(page, { settleMs: 60 }), [], `${site.name}, seed ${seed}, after\n${describeSteps(steps)}\na view is blank`);
          await problems.assertNone(`${site.name}, seed ${seed}, after drawing the views`);
        } finally {
          await close();
        }
      });
      await fc.assert(property, { seed, numRuns: FUZZ_RUNS, endOnFailure: true });
      t.diagnostic(`${done} steps on ${controls.length} controls in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed})`);
    });
  });
}
