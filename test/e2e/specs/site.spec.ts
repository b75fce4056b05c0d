/**
 * Every page of the site: opens without a console error, page error, failed
 * request or CSP violation; renders its equations; cites the paper; links
 * only to pages that exist; passes axe in both themes; its 3D and 2D views
 * draw; fits a phone's width; and leaves screenshots (light/dark, laptop/
 * phone) in screenshots/ for people to look at. The theme buttons work and
 * are remembered.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAPTOP, PHONE } from '../support/browser.ts';
import { assertAccessible, assertCitation, assertEquationsRendered, assertViewsDraw, saveScreenshot } from '../support/checks.ts';
import { useBrowser } from '../support/harness.ts';
import { waitForIdle } from '../support/notebook.ts';
import { SITE_PAGES, baseUrl } from '../support/site.ts';

const browser = useBrowser();

for (const site of SITE_PAGES) {
  describe(`page ${site.name}`, () => {
    test('opens cleanly: equations, citation, views, no errors', async () => {
      const { page, problems, close } = await browser.open(site);
      try {
        await assertEquationsRendered(page);
        await assertCitation(page);
        await assertViewsDraw(page);
        if (site.chapter) {
          const header = await page.locator('.site-header__chapter').textContent();
          assert.match(header ?? '', new RegExp(site.chapter.title));
          assert.equal(await page.locator('h1').first().textContent(), site.chapter.title);
        } else {
          assert.ok((await page.locator('.toc__item').count()) >= 1, 'the home page lists the chapters');
        }
        // No uncaught errors shown in place of a cell either.
        assert.equal(await page.locator('.cell-error').count(), 0, 'no cell shows an error with the default settings');
        await problems.assertNone(site.name);
      } finally {
        await close();
      }
    });

    test('links only to pages that exist', async () => {
      const { page, close } = await browser.open(site);
      try {
        const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
        const internal = [...new Set(hrefs.filter((href) => href.startsWith(baseUrl())).map((href) => href.split('#')[0]!))];
        assert.ok(internal.length > 0);
        for (const href of internal) {
          const response = await fetch(href, { method: 'HEAD', redirect: 'follow' });
          assert.equal(response.status, 200, `${site.name} links to ${href}`);
        }
      } finally {
        await close();
      }
    });

    // One page per theme (axe keeps colour caches between runs in a page, so
    // switching the theme in place makes it report stale colours); each page
    // is then resized for the phone, cheaper than loading it again.
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`is accessible and fits a laptop and a phone in the ${colorScheme} theme (screenshots)`, async () => {
        const { page, problems, close } = await browser.open(site, { colorScheme });
        try {
          assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), colorScheme, 'the page follows the system theme');
          await assertAccessible(page, `${site.name} (${colorScheme})`);
          for (const [device, viewport] of [['laptop', LAPTOP], ['phone', PHONE]] as const) {
            await page.setViewportSize(viewport);
            await waitForIdle(page);
            // Charts redraw for the new width from a ResizeObserver, after the resize itself:
            // give the layout up to 5 s to settle, then measure (a page that never fits still fails).
            await page
              .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, undefined, { timeout: 5000 })
              .catch(() => undefined);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            assert.ok(overflow <= 0, `the page is ${overflow}px wider than the ${device} screen`);
            await saveScreenshot(page, `${site.name}-${colorScheme}-${device}`);
          }
          await problems.assertNone(`${site.name} ${colorScheme}`);
        } finally {
          await close();
        }
      });
    }

    test('the theme and text-size buttons work and are remembered', async () => {
      const { page, problems, close } = await browser.open(site);
      try {
        const theme = page.locator('button[data-action="theme"]');
        await theme.click();
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
        assert.equal(await theme.getAttribute('aria-pressed'), 'true');
        await page.locator('button[data-action="text-size"]').click();
        await page.reload();
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'the theme survives a reload');
        assert.equal(await page.evaluate(() => document.documentElement.dataset.textSize), 'large');
        await theme.click();
        assert.equal(await page.evaluate(() => localStorage.getItem('cnn-atlas.theme')), null, 'back to the system theme: nothing stored');
        await problems.assertNone(`${site.name} theme`);
      } finally {
        await close();
      }
    });
  });
}
