/**
 * A malformed or hostile URL never breaks a chapter: every bad parameter
 * falls back to its default, a visible message names what was ignored (by
 * control label, never echoing the value), nothing from the URL becomes
 * markup or script, and the address is cleaned. Built from the page's own
 * controls, so it covers every chapter.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listControls, settings } from '../support/controls.ts';
import { useBrowser } from '../support/harness.ts';
import { CHAPTER_PAGES } from '../support/site.ts';

const browser = useBrowser();

const SCRIPT = '<script>alert(1)</script>';
const IMAGE_KEY = '<img src=x onerror=alert(1)>';

/** A bad value for each kind of control: out of range, markup, not on/off. */
function hostileValue(kind: string, i: number): string {
  if (kind === 'range') return ['99999', '1e3', 'NaN', '0x10', '-0.5abc'][i % 5]!;
  if (kind === 'toggle') return ['maybe', 'true', SCRIPT][i % 3]!;
  return [SCRIPT, '"><svg onload=alert(1)>', 'javascript:alert(1)'][i % 3]!;
}

for (const site of CHAPTER_PAGES) {
  describe(`URL state of ${site.name}`, () => {
    test('hostile and malformed parameters fall back to the defaults with a visible message', async (t) => {
      const clean = await browser.open(site);
      const list = (await listControls(clean.page)).filter((c) => c.kind !== 'button');
      const defaults = await settings(clean.page);
      await clean.close();
      if (list.length === 0) return t.skip('the chapter has no settings');

      const params = new URLSearchParams();
      list.forEach((c, i) => params.append(c.key, hostileValue(c.kind, i)));
      params.append(IMAGE_KEY, '1');
      params.append('unknown-setting', '3');
      const { page, problems, close } = await browser.open(site, { query: `?${params}` });
      try {
        const notice = page.locator('.url-notice');
        assert.equal(await notice.count(), 1, 'one notice');
        assert.ok(await notice.isVisible(), 'the notice is visible');
        assert.equal(await notice.getAttribute('role'), 'status', 'announced politely');
        const items = await notice.locator('li').allTextContents();
        assert.equal(items.length, list.length + 2, 'every ignored parameter is listed');
        for (const c of list) assert.ok(items.some((item) => item.includes(`"${c.label}"`)), `the notice names "${c.label}"`);
        assert.ok(items.some((item) => item.startsWith('a malformed parameter')), 'a markup name is not echoed');
        assert.ok(items.some((item) => item.startsWith('"unknown-setting" is not a setting')), 'an unknown plain name is named');
        const text = (await notice.textContent()) ?? '';
        assert.ok(!/[<>]|alert|onerror|javascript/.test(text), `the notice never echoes URL text: ${text}`);
        assert.equal(await notice.locator('*:not(p, ul, li, button)').count(), 0, 'the notice holds only its own elements');
        assert.equal(await page.locator('img[src="x"], [onerror], [onload], script:not([src])').count(), 0, 'no markup from the URL reached the page');
        assert.deepEqual(await settings(page), defaults, 'every setting kept its default');
        const address = decodeURIComponent(page.url());
        assert.ok(!/script|onerror|img|alert|unknown-setting/.test(address), `the address is cleaned: ${address}`);
        assert.equal(await page.locator('.cell-error').count(), 0, 'the chapter works with its defaults');
        await notice.locator('button').click();
        assert.equal(await page.locator('.url-notice').count(), 0, 'the notice can be dismissed');
        await problems.assertNone(`${site.name} hostile URL`);
      } finally {
        await close();
      }
    });
  });
}
