/**
 * A short soak, so CI proves nothing leaks (issue 8; the long one is `npm run
 * soak`, test/soak/run.ts): chapter 9's CNN race kept training for one
 * minute, and 200 slider moves on chapter 3, whose shapes change so the 3D
 * views rebuild their buffers. After a full garbage collection the JS heap,
 * DOM nodes, event listeners and three.js geometries, textures, programs and
 * draw calls end within 10% of their level after the warm-up.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findChapter } from '../../../src/notebook/chapters.ts';
import { DEBUG_FLAG, formatResult, openCdp, settleFrame, soakSliders, soakTraining } from '../../soak/soak.ts';
import { useBrowser } from '../support/harness.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

const browser = useBrowser();
const training = CHAPTER_PAGES.find((p) => p.chapter === findChapter('optimizers'));
const sliders = CHAPTER_PAGES.find((p) => p.chapter === findChapter('stride-padding'));

describe('short soak', () => {
  if (training) {
    test('a minute of training: heap, DOM and GPU objects end within 10% of their level after 20 s', async () => {
      const { page, problems, close } = await browser.open(training, { init: [DEBUG_FLAG] });
      try {
        const cdp = await openCdp(page);
        const result = await soakTraining(page, cdp, { slot: 'cnn', durationMs: 60_000, sampleEveryMs: 10_000, baseline: (s) => s.t >= 20_000 });
        console.log(formatResult(result));
        assert.ok(result.samples[result.samples.length - 1]!.work > 0, 'it trained');
        assert.ok(result.ok, formatResult(result));
        await problems.assertNone('training soak');
      } finally {
        await close();
      }
    });
  }

  if (sliders) {
    test('200 slider moves on a 3D chapter: heap, DOM and GPU objects end within 10% of their level after the first 50', async () => {
      const { page, problems, close } = await browser.open(sliders, { init: [DEBUG_FLAG] });
      try {
        const cdp = await openCdp(page);
        const result = await soakSliders(page, cdp, { moves: 200, reach: 3, sampleEveryMs: 0, baseline: (s) => s.work >= 50, settle: settleFrame });
        console.log(formatResult(result));
        const last = result.samples[result.samples.length - 1]!;
        assert.ok(last.work >= 200, 'every move was made');
        assert.ok(last.values.geometries > 0, 'the 3D views hold geometries');
        assert.ok(result.ok, formatResult(result));
        await problems.assertNone('slider soak');
      } finally {
        await close();
      }
    });
  }
});
