/**
 * Every control of every chapter: moving a slider changes what is drawn and
 * the URL; choosing an option or flipping a switch changes the URL; the
 * configuration in the URL reopens identically in a fresh page; the reset
 * button restores the defaults. Found from the page itself, so a new chapter
 * is covered without a line here.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { controlKeys, settings } from '../support/controls.ts';
import { useBrowser } from '../support/harness.ts';
import { changesDrawing, urlParamAfterWrite, waitForIdle, waitForUrlWrite } from '../support/notebook.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

const browser = useBrowser();

async function settle(page: Page): Promise<void> {
  await waitForIdle(page);
  await waitForUrlWrite(page);
}

for (const site of CHAPTER_PAGES) {
  describe(`controls of ${site.name}`, () => {
    test('each slider changes the drawing and the URL', async () => {
      const { page, problems, close } = await browser.open(site);
      try {
        for (const key of await controlKeys(page, 'range')) {
          const input = page.locator(`.control[data-control="${key}"] input[type=range]`);
          const before = await input.inputValue();
          const atMax = before === (await input.getAttribute('max'));
          const press = async (arrow: string): Promise<void> => {
            await input.focus();
            await page.keyboard.press(arrow);
            await settle(page);
          };
          const [forward, back] = atMax ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
          const changed = await changesDrawing(page, () => press(forward), () => press(back));
          const after = await input.inputValue();
          assert.notEqual(after, before, `${key}: the arrow key moves the slider`);
          assert.equal(await urlParamAfterWrite(page, key, after), after, `${key}: the URL holds the new value`);
          assert.ok(changed, `${key}: moving the slider changes what is drawn`);
        }
        await problems.assertNone(`${site.name} sliders`);
      } finally {
        await close();
      }
    });

    test('each choice and switch changes the URL', async () => {
      const { page, problems, close } = await browser.open(site);
      try {
        for (const key of await controlKeys(page, 'radio')) {
          const option = page.locator(`.control[data-control="${key}"] input[type=radio]:not(:checked)`).first();
          const value = await option.getAttribute('value');
          await page.locator(`.control[data-control="${key}"] label[for="${await option.getAttribute('id')}"]`).click();
          await settle(page);
          assert.equal(await urlParamAfterWrite(page, key, value!), value, `${key}: the URL holds the chosen option`);
        }
        for (const key of await controlKeys(page, 'select')) {
          const select = page.locator(`.control[data-control="${key}"] select`);
          const other = await select.evaluate((s: HTMLSelectElement) => [...s.options].find((o) => !o.selected)!.value);
          await select.selectOption(other);
          await settle(page);
          assert.equal(await urlParamAfterWrite(page, key, other), other, `${key}: the URL holds the selected option`);
        }
        for (const key of await controlKeys(page, 'toggle')) {
          const toggle = page.locator(`.control[data-control="${key}"] input[type=checkbox]`);
          const was = await toggle.isChecked();
          await toggle.press('Space');
          await settle(page);
          const expected = was ? 'off' : 'on';
          assert.equal(await urlParamAfterWrite(page, key, expected), expected, `${key}: Space flips the switch and the URL`);
        }
        await problems.assertNone(`${site.name} choices`);
      } finally {
        await close();
      }
    });

    test('a shared URL reopens the same configuration, and reset restores the defaults', async () => {
      const first = await browser.open(site);
      let shared: string;
      let expected: Record<string, string>;
      let defaults: Record<string, string>;
      try {
        defaults = await settings(first.page);
        for (const key of await controlKeys(first.page, 'range')) {
          const input = first.page.locator(`.control[data-control="${key}"] input[type=range]`);
          await input.focus();
          await first.page.keyboard.press((await input.inputValue()) === (await input.getAttribute('max')) ? 'ArrowLeft' : 'ArrowRight');
        }
        for (const key of await controlKeys(first.page, 'toggle')) await first.page.locator(`.control[data-control="${key}"] input`).press('Space');
        await settle(first.page);
        shared = new URL(first.page.url()).search;
        expected = await settings(first.page);
        await first.problems.assertNone(`${site.name} before sharing`);
      } finally {
        await first.close();
      }
      const second = await browser.open(site, { query: shared });
      try {
        assert.deepEqual(await settings(second.page), expected, 'the link reproduces every setting');
        assert.equal(await second.page.locator('.url-notice').count(), 0, 'a valid link raises no notice');
        // Any reset button puts back every setting (a page may have one per panel).
        const reset = second.page.locator('.control-reset');
        if ((await reset.count()) > 0) {
          await reset.first().click();
          await settle(second.page);
          assert.deepEqual(await settings(second.page), defaults, 'reset restores every default');
        }
        await second.problems.assertNone(`${site.name} shared link`);
      } finally {
        await second.close();
      }
    });
  });
}
