/**
 * Everything a page must not do, collected while a test drives it: console
 * errors, uncaught exceptions, Content Security Policy violations (as events
 * and as the console messages Chromium writes for them), failed requests and
 * HTTP errors, and dialogs (an alert() would mean injected script ran).
 */
import type { Page } from 'playwright-core';

export interface PageProblems {
  readonly list: string[];
  /** Throws with every problem seen so far, if any. */
  assertNone(context: string): Promise<void>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export function watchPage(page: Page): PageProblems {
  const list: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') list.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => list.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => list.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) list.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('dialog', (dialog) => {
    list.push(`dialog opened: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  void page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return {
    list,
    async assertNone(context) {
      const csp = page.isClosed() ? [] : await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      const all = [...list, ...csp.map((v) => `CSP violation: ${v}`)];
      if (all.length > 0) throw new Error(`${context}: ${all.length} problem(s)\n  ${all.join('\n  ')}`);
    },
  };
}
