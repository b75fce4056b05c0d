/**
 * A malformed or hostile URL never breaks a chapter: every bad parameter
 * falls back to its default, a visible message names what was ignored (by
 * control label, never echoing the value), nothing from the URL becomes
 * markup or script, and the address is cleaned. Built from the page's own
 * controls, so it covers every chapter.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listControls, settings, type ControlInfo } from '../support/controls.ts';
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

/** Script that would leave a trace if it ever ran: a dialog (the watcher reports it) and a flag. */
const PAYLOAD = 'window.__pwned=1;alert(1)';

interface Variant {
  readonly name: string;
  /** The query for the page's settings (buttons left out). */
  query(controls: readonly ControlInfo[]): URLSearchParams;
  /** How many notice items it raises for `count` settings. */
  items(count: number): number;
}

const each = (controls: readonly ControlInfo[], value: (c: ControlInfo, i: number) => string): URLSearchParams => {
  const params = new URLSearchParams();
  controls.forEach((c, i) => params.append(c.key, value(c, i)));
  return params;
};

const VARIANTS: readonly Variant[] = [
  {
    name: 'overflowing and non-finite numbers',
    query: (controls) =>
      each(controls, (c, i) =>
        c.kind === 'range' ? ['1e308', '-1e308', 'Infinity', '-Infinity', '1'.padEnd(60, '0'), '0.1e-400', 'NaN'][i % 7]! : ['Infinity', 'NaN', '-0'][i % 3]!,
      ),
    items: (count) => count,
  },
  {
    name: 'look-alike and invisible Unicode',
    // Full-width and Arabic-Indic digits, a zero-width space, a right-to-left override, a null, an emoji.
    query: (controls) => each(controls, (_, i) => ['\uff12', '\u0663', '1\u200b', '\u202e1', 'on\u0000', '\u{1f9e8}', '\uff4f\uff4e'][i % 7]!),
    items: (count) => count,
  },
  {
    name: 'repeated keys and script URLs',
    query: (controls) => {
      const params = new URLSearchParams();
      for (const c of controls) params.append(c.key, `javascript:${PAYLOAD}`);
      for (const c of controls) params.append(c.key, 'data:text/html,<script>' + PAYLOAD + '</script>');
      return params;
    },
    items: (count) => count,
  },
  {
    name: 'a value far too long',
    query: (controls) => each(controls, (_, i) => (i === 0 ? `<svg onload="${PAYLOAD}">`.repeat(50) : '<b>x</b>'.repeat(10))),
    items: (count) => count,
  },
  {
    name: 'far too many parameters',
    query: (controls) => {
      const params = each(controls, () => `"><img src=x onerror="${PAYLOAD}">`);
      for (let i = 0; i < 80; i++) params.append(`p${i}`, String(i));
      return params;
    },
    items: () => 1,
  },
];

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

    for (const variant of VARIANTS) {
      test(`a link with ${variant.name} keeps the defaults, says so and injects nothing`, async (t) => {
        const clean = await browser.open(site);
        const list = (await listControls(clean.page)).filter((c) => c.kind !== 'button');
        const defaults = await settings(clean.page);
        await clean.close();
        if (list.length === 0) return t.skip('the chapter has no settings');
        const { page, problems, close } = await browser.open(site, { query: `?${variant.query(list)}` });
        try {
          const notice = page.locator('.url-notice');
          assert.ok(await notice.isVisible(), 'a visible notice');
          assert.equal(await notice.getAttribute('role'), 'status');
          assert.equal(await notice.locator('li').count(), variant.items(list.length), 'each ignored setting is listed once');
          const text = (await notice.textContent()) ?? '';
          assert.ok(!/[<>]|alert|pwned|javascript|data:|\u202e|\u200b|\uff12/.test(text), `the notice never echoes URL text: ${text}`);
          assert.deepEqual(await settings(page), defaults, 'every setting kept its default');
          assert.equal(
            await page.locator('img[src="x"], svg[onload], [onerror], [onload], [onclick], script:not([src]), iframe, object, embed, a[href^="javascript:"], a[href^="data:"]').count(),
            0,
            'no markup from the URL reached the page',
          );
          assert.equal(await page.evaluate(() => (window as { __pwned?: number }).__pwned), undefined, 'no script from the URL ran');
          assert.ok(!((await page.locator('body').textContent()) ?? '').includes('pwned'), 'no URL text in the page');
          assert.ok(!/pwned|javascript|%3C|<|p7[0-9]/i.test(decodeURIComponent(page.url()).split('?')[1] ?? ''), `the address is cleaned: ${page.url()}`);
          assert.equal(await page.locator('.cell-error').count(), 0, 'the chapter works with its defaults');
          await problems.assertNone(`${site.name} ${variant.name}`);
        } finally {
          await close();
        }
      });
    }
  });
}
