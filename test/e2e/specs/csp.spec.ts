/**
 * Every page under the production Content Security Policy: the server sends
 * it as a header and the page carries the same policy in a <meta> the build
 * writes; the page loads and draws without a single violation; and the
 * policy really is enforced — an inline script, an inline style attribute
 * and a remote image are each refused and reported, so the violation
 * listener this relies on is shown to work. (eval cannot be probed from here:
 * code the test driver evaluates is exempt; csp.test.ts checks the policy
 * has no 'unsafe-eval'.)
 *
 * The training worker runs under its own script's policy, the page's plus
 * 'wasm-unsafe-eval': it compiles the SIMD kernel without a violation; and
 * where a host sends the page's policy with the worker too, it trains on the
 * TypeScript kernel and the panel says so.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY, WORKER_CONTENT_SECURITY_POLICY } from '../../../src/notebook/site/csp.ts';
import { waitForIdle } from '../support/notebook.ts';
import { useBrowser } from '../support/harness.ts';
import { SITE_PAGES, pageUrl } from '../support/site.ts';

const browser = useBrowser();

for (const site of SITE_PAGES) {
  describe(`content security policy of ${site.name}`, () => {
    test('is sent and written in the page, identical, and the page draws without a violation', async () => {
      const response = await fetch(pageUrl(site));
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, 'the header');
      const html = await response.text();
      const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map((m) => m[1]);
      assert.deepEqual(metas, [CONTENT_SECURITY_POLICY], 'one meta tag with the same policy');
      assert.ok(html.indexOf('Content-Security-Policy') < html.search(/<script|<link[^>]+stylesheet/), 'the policy comes before any script or style');
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|\son[a-z]+=/, 'no inline script, style attribute or handler in the built page');

      const { page, problems, close } = await browser.open(site);
      try {
        // The views drew and the cells ran (open waits for them); scroll to the end so lazy parts run too.
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        await problems.assertNone(`${site.name} under its CSP`);
      } finally {
        await close();
      }
    });
  });
}

/** What the probe below does that the policy must refuse, by the directive that refuses it. */
const REFUSED_DIRECTIVES = ['script-src-elem', 'style-src-attr', 'img-src'];

describe('the policy is enforced', () => {
  const site = SITE_PAGES.find((p) => p.chapter) ?? SITE_PAGES[0]!;
  test(`on ${site.name}: inline script, a style attribute and a remote image are refused and reported`, async () => {
    const { page, close } = await browser.open(site);
    try {
      const outcome = await page.evaluate(async () => {
        const w = window as unknown as { __inline?: number };
        const script = document.createElement('script');
        script.textContent = 'window.__inline = 1';
        document.body.append(script);
        const styled = document.createElement('div');
        styled.setAttribute('style', 'color: red');
        document.body.append(styled);
        const image = new Image();
        const loaded = await new Promise<boolean>((done) => {
          image.onload = () => done(true);
          image.onerror = () => done(false);
          image.src = 'https://example.com/pixel.png';
        });
        return { inline: w.__inline, styleApplied: styled.style.color === 'red', loaded };
      });
      // Violation events are queued tasks: on a busy machine they can come well after the image's error.
      await page
        .waitForFunction(
          (wanted) => wanted.every((d) => ((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).some((v) => v.split(' ')[0] === d)),
          REFUSED_DIRECTIVES,
          { timeout: 5_000 },
        )
        .catch(() => undefined);
      const violations = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
      assert.equal(outcome.inline, undefined, 'the inline script did not run');
      assert.equal(outcome.styleApplied, false, 'the style attribute is ignored');
      assert.equal(outcome.loaded, false, 'the remote image is refused');
      const directives = violations.map((v) => v.split(' ')[0]);
      for (const d of REFUSED_DIRECTIVES) {
        assert.ok(directives.includes(d), `a ${d} violation is reported: ${violations.join('; ')}`);
      }
    } finally {
      await close();
    }
  });
});

/** Press Train on the page's training panel and wait for 5 updates; resolves the panel's "Convolutions" read-out. */
async function trainBriefly(page: Page): Promise<string> {
  const panel = page.locator('.training').first();
  await panel.scrollIntoViewIfNeeded();
  const train = panel.locator('.training__buttons button', { hasText: /^Train$/ });
  await train.waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.training .training__buttons button')?.disabled, undefined, { timeout: 60_000 });
  await train.click();
  await page.waitForFunction(() => Number(document.querySelector('.training .training__value')?.textContent?.replace(/\D/g, '') ?? 0) >= 5, undefined, { timeout: 60_000 });
  const row = panel.locator('.training__item', { has: page.locator('dt', { hasText: /^Convolutions$/ }) });
  assert.ok(await row.isVisible(), 'the panel names the convolution kernel');
  return ((await row.locator('dd').textContent()) ?? '').trim();
}

const geology = SITE_PAGES.find((p) => p.name.includes('geology-training'));
if (geology) {
  describe("the training worker's policy", () => {
    test(`on ${geology.name}: the worker script has its own policy and compiles the SIMD kernel without a violation`, async () => {
      const { page, problems, close } = await browser.open(geology);
      try {
        assert.equal(await trainBriefly(page), 'WebAssembly SIMD');
        const workers = page.workers().map((w) => w.url()).filter((u) => /\/assets\/training\.worker-[\w-]+\.js$/.test(u));
        assert.equal(workers.length, 1, `one training worker: ${page.workers().map((w) => w.url()).join(', ')}`);
        const response = await fetch(workers[0]!);
        assert.equal(response.headers.get('content-security-policy'), WORKER_CONTENT_SECURITY_POLICY, "the worker script's header");
        await problems.assertNone(`${geology.name} training on the SIMD kernel`);
      } finally {
        await close();
      }
    });

    test(`on ${geology.name}: under the page's policy the worker trains on the TypeScript kernel and the panel says so`, async () => {
      const { page, problems, close } = await browser.open(geology);
      try {
        await page.route(/\/assets\/training\.worker-[\w-]+\.js$/, async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CONTENT_SECURITY_POLICY } });
        });
        await page.reload({ waitUntil: 'load' });
        await waitForIdle(page);
        assert.equal(await trainBriefly(page), 'TypeScript');
        // The refused compile is the worker's own affair (its violation event fires in the worker): the page sees no problem.
        await problems.assertNone(`${geology.name} training on the TypeScript kernel`);
      } finally {
        await close();
      }
    });
  });
}
