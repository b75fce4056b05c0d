/**
 * Accessibility of every page: axe finds nothing at all (any impact), in the
 * light and the dark theme, at the defaults and with every setting moved off
 * its default, so other states (messages, other views) are checked too;
 * every control and every 3D view is reached with Tab and works from the
 * keyboard; each 3D view rotates and reads out cells from the keyboard; every
 * figure says in words what it shows; and with prefers-reduced-motion nothing
 * moves on its own.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeFindings } from '../support/checks.ts';
import { controlKeys } from '../support/controls.ts';
import { useBrowser } from '../support/harness.ts';
import { drawnText, figurePixels, waitForIdle } from '../support/notebook.ts';
import { decodePng } from '../support/png.ts';
import { SITE_PAGES } from '../support/site.ts';
import { pixelDifference } from '../support/webgl.ts';

const browser = useBrowser();
/** Share of a figure's pixels (each channel off by more than 24 levels) that makes it "moved". */
const MOVED_PIXEL_SHARE = 0.001;

/** Moves every slider one step and every choice to another option: the page in a state other than its defaults. */
async function moveEverySetting(page: Page): Promise<void> {
  for (const key of await controlKeys(page, 'range')) {
    const input = page.locator(`.control[data-control="${key}"] input[type=range]`);
    await input.press((await input.inputValue()) === (await input.getAttribute('max')) ? 'ArrowLeft' : 'ArrowRight');
  }
  for (const key of await controlKeys(page, 'toggle')) await page.locator(`.control[data-control="${key}"] input`).press('Space');
  for (const key of await controlKeys(page, 'select')) {
    const select = page.locator(`.control[data-control="${key}"] select`);
    await select.selectOption(await select.evaluate((s: HTMLSelectElement) => [...s.options].find((o) => !o.selected)!.value));
  }
  await waitForIdle(page);
}

for (const site of SITE_PAGES) {
  describe(`accessibility of ${site.name}`, () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`axe finds nothing in the ${colorScheme} theme, at the defaults and with every setting moved`, async () => {
        const { page, problems, close } = await browser.open(site, { colorScheme });
        try {
          assert.deepEqual(await axeFindings(page), [], `${site.name} (${colorScheme}, defaults)`);
          if (site.chapter) {
            await moveEverySetting(page);
            // axe caches colours per page: a fresh page with the moved settings in its URL.
            const moved = new URL(page.url()).search;
            const again = await browser.open(site, { colorScheme, query: moved });
            try {
              assert.deepEqual(await axeFindings(again.page), [], `${site.name} (${colorScheme}, ${moved})`);
              await again.problems.assertNone(`${site.name} moved settings`);
            } finally {
              await again.close();
            }
          }
          await problems.assertNone(`${site.name} axe ${colorScheme}`);
        } finally {
          await close();
        }
      });
    }

    test('every figure states what it shows, and with reduced motion nothing moves on its own', async () => {
      const { page, problems, close } = await browser.open(site, { reducedMotion: 'reduce' });
      try {
        const figures = await page.locator('main .figure').evaluateAll((nodes) =>
          nodes.map((f) => ({
            title: f.querySelector('.figure__title')?.textContent?.trim() ?? '',
            kind: (f as HTMLElement).dataset.figureKind ?? '',
            description: f.querySelector('.figure__description')?.textContent?.trim() ?? '',
            label: [...f.querySelectorAll('[role="img"][aria-label]')].map((e) => e.getAttribute('aria-label')).join(' '),
          })),
        );
        for (const f of figures) {
          const words = `${f.description} ${f.label}`.trim();
          assert.ok(f.title, 'every figure has a title');
          assert.ok(words.length >= 12, `"${f.title}" has a text alternative: "${words}"`);
          if (f.kind === '3d' || f.kind === '2d') assert.match(words, /\d/, `"${f.title}" states sizes or values: "${words}"`);
        }
        // Canvases and SVG drawings outside figures are either labelled images or hidden from assistive technology.
        const unlabelled = await page.locator('main svg, main canvas, body > canvas').evaluateAll((nodes) =>
          nodes
            .filter((n) => !n.closest('.figure, [aria-hidden="true"], .katex, button, .control, [role="img"][aria-label]'))
            .filter((n) => !(n.getAttribute('role') === 'img' && (n.getAttribute('aria-label') || n.querySelector('title'))))
            .map((n) => `${n.tagName.toLowerCase()}.${n.getAttribute('class') ?? ''} in ${n.parentElement?.className ?? ''}`),
        );
        assert.deepEqual(unlabelled, [], 'drawings outside figures are labelled or hidden');

        // One pass over the figures first: scrolling a 3D view into the window lets it lay out
        // its labels for its real size, which is not motion. Then nothing may change for 2 s.
        await figurePixels(page);
        const text = await drawnText(page);
        const pixels = await figurePixels(page, { settled: true });
        await page.waitForTimeout(2000);
        const running = await page.evaluate(() =>
          document
            .getAnimations()
            .filter((a) => a.playState === 'running')
            .map((a) => `${(a as CSSAnimation).animationName ?? 'transition'} on ${(a.effect as KeyframeEffect | null)?.target?.className ?? ''}`),
        );
        assert.deepEqual(running, [], 'no CSS animation runs');
        const later = await drawnText(page);
        const changed = later.map((t, i) => (t === text[i] ? '' : `${text[i]?.slice(0, 120)}  →  ${t.slice(0, 120)}`)).filter(Boolean);
        assert.deepEqual(changed, [], 'no text changed by itself in 2 s');
        const titles = await page.locator('.figure').evaluateAll((nodes) => nodes.map((f) => f.querySelector('.figure__title')?.textContent ?? ''));
        const laterPixels = await figurePixels(page, { settled: true });
        // A figure that moves changes many pixels; re-rasterised text and anti-aliasing change a handful by a few levels.
        const image = (shot: string | undefined) => decodePng(Buffer.from(shot ?? '', 'base64'));
        const moved = titles.filter((_, i) => pixels[i] !== laterPixels[i] && pixelDifference(image(pixels[i]), image(laterPixels[i])) > MOVED_PIXEL_SHARE);
        assert.deepEqual(moved, [], 'no figure changed by itself in 2 s');
        await problems.assertNone(`${site.name} figures and motion`);
      } finally {
        await close();
      }
    });

    test('Tab reaches every control and 3D view; they work from the keyboard', async () => {
      const { page, problems, close } = await browser.open(site);
      try {
        const targets = await page.evaluate(() => {
          // (No named helper functions in here: the test's compiler would wrap them in a function the page lacks.)
          const wanted = [
            ...document.querySelectorAll('.control input:not([type=radio]), .control select, .control button, .control-reset, .viz3d__stage, .url-notice button'),
            // A radio group is one Tab stop: its checked option.
            ...document.querySelectorAll('.control input[type=radio]:checked'),
          ].filter((e) => (e as HTMLElement).checkVisibility({ visibilityProperty: true }));
          wanted.forEach((e, i) => ((e as HTMLElement).dataset.tabTarget = String(i)));
          document.addEventListener('focusin', (event) => ((event.target as HTMLElement).dataset.tabbed = '1'));
          const tabbable = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].filter(
            (e) => (e as HTMLElement).checkVisibility({ visibilityProperty: true }) && (e as HTMLElement).tabIndex >= 0 && !(e as HTMLInputElement).disabled,
          );
          (document.activeElement as HTMLElement | null)?.blur();
          return { count: wanted.length, tabbable: tabbable.length };
        });
        for (let i = 0; i < targets.tabbable + 3; i++) await page.keyboard.press('Tab');
        const missed = await page.locator('[data-tab-target]:not([data-tabbed])').evaluateAll((nodes) =>
          nodes.map((n) => `${n.tagName.toLowerCase()}#${n.id || ''}.${n.className} in ${n.closest('[data-control], .figure, [data-slot]')?.getAttribute('data-control') ?? n.closest('.figure')?.querySelector('.figure__title')?.textContent ?? ''}`),
        );
        assert.deepEqual(missed, [], `Tab reaches every control and view (${targets.count} of them)`);

        for (const key of await controlKeys(page, 'radio')) {
          const checked = page.locator(`.control[data-control="${key}"] input[type=radio]:checked`);
          if ((await page.locator(`.control[data-control="${key}"] input[type=radio]`).count()) < 2 || !(await checked.isVisible())) continue;
          const before = await checked.getAttribute('value');
          await checked.press('ArrowRight');
          await waitForIdle(page);
          const after = await page.locator(`.control[data-control="${key}"] input[type=radio]:checked`).getAttribute('value');
          assert.notEqual(after, before, `${key}: an arrow key picks another option`);
        }
        for (const key of await controlKeys(page, 'select')) {
          const select = page.locator(`.control[data-control="${key}"] select`);
          if (!(await select.isVisible())) continue;
          const before = await select.inputValue();
          const last = await select.evaluate((s: HTMLSelectElement) => s.selectedIndex === s.options.length - 1);
          await select.press(last ? 'ArrowUp' : 'ArrowDown');
          await waitForIdle(page);
          assert.notEqual(await select.inputValue(), before, `${key}: an arrow key picks another option`);
        }

        const stages = await page.locator('.viz3d__stage').all();
        for (const [i, stage] of stages.entries()) {
          if (!(await stage.isVisible())) continue;
          await stage.scrollIntoViewIfNeeded();
          await stage.focus();
          const frame = (): Promise<void> => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined)))));
          await frame();
          const before = (await stage.screenshot()).toString('base64');
          await page.keyboard.press('ArrowLeft');
          await page.keyboard.press('ArrowLeft');
          await frame();
          assert.notEqual((await stage.screenshot()).toString('base64'), before, `3D view ${i + 1}: the arrow keys rotate it`);
          const readout = stage.locator('xpath=ancestor::*[contains(@class,"viz3d")][1]').locator('.viz3d__readout');
          await page.keyboard.press('Enter');
          const first = ((await readout.textContent()) ?? '').trim();
          assert.match(first, /\d/, `3D view ${i + 1}: Enter puts the read-out cursor on a cell and reads it out`);
          await page.keyboard.press('Shift+ArrowRight');
          await page.keyboard.press('Shift+ArrowUp');
          assert.match(((await readout.textContent()) ?? '').trim(), /\d/, `3D view ${i + 1}: Shift + arrows move the read-out`);
          await page.keyboard.press('Escape');
          await page.keyboard.press('Home');
        }
        await problems.assertNone(`${site.name} keyboard`);
      } finally {
        await close();
      }
    });
  });
}
