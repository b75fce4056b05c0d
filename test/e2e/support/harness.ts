/**
 * One browser per spec file, a fresh context (storage, theme, viewport) per
 * page opened, and the page watched for problems from its first request.
 */
import { after, before } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, newContext } from './browser.ts';
import { waitForIdle } from './notebook.ts';
import { pageUrl, type SitePage } from './site.ts';
import { watchPage, type PageProblems } from './watch.ts';

export interface OpenedPage {
  readonly page: Page;
  readonly problems: PageProblems;
  close(): Promise<void>;
}

export interface OpenOptions extends BrowserContextOptions {
  /** Appended to the page's path ('?k=v'). */
  query?: string;
  /** Scripts run in the page before its own (page.addInitScript), e.g. DEBUG_FLAG or a WebGL stub. */
  init?: readonly (() => void)[];
}

export function useBrowser(): { open(site: SitePage, options?: OpenOptions): Promise<OpenedPage> } {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });
  return {
    async open(site, options = {}) {
      const { query = '', init = [], ...contextOptions } = options;
      const context = await newContext(browser!, contextOptions);
      const page = await context.newPage();
      const problems = watchPage(page);
      for (const script of init) await page.addInitScript(script);
      await page.goto(pageUrl(site, query), { waitUntil: 'load' });
      await waitForIdle(page);
      return { page, problems, close: () => context.close() };
    },
  };
}
