/**
 * The site's Content Security Policy is strict: scripts, styles, fonts,
 * images, workers and connections from the site itself only (images also from
 * data: and blob: URLs the page makes), no eval, no inline script or style, no
 * remote origin anywhere, no plugins, and the build writes exactly the policy
 * the server sends.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  WORKER_CONTENT_SECURITY_POLICY,
  isWorkerScript,
  policyFor,
} from '../../src/notebook/site/csp.ts';

const LOCAL_SOURCES = new Set(["'self'", "'none'", 'data:', 'blob:']);

function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('content security policy', () => {
  const directives = parse(CONTENT_SECURITY_POLICY);

  it('writes every directive once, as declared', () => {
    expect([...directives.keys()]).toEqual(Object.keys(CSP_DIRECTIVES));
    for (const [name, sources] of Object.entries(CSP_DIRECTIVES)) expect(directives.get(name)).toEqual(sources);
  });

  it('allows no eval, no inline script or style, no hashes or nonces that would let inline code in', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(source, name).not.toMatch(/^'(?:unsafe-eval|unsafe-inline|unsafe-hashes|strict-dynamic|nonce-|sha\d+-)/);
      }
    }
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
  });

  it('names no remote origin, wildcard or scheme that reaches outside the site', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) expect(LOCAL_SOURCES.has(source), `${name} ${source}`).toBe(true);
    }
    // data: and blob: only where the page makes images (canvas exports), never for code.
    for (const name of ['default-src', 'script-src', 'style-src', 'worker-src', 'connect-src', 'font-src']) {
      expect(directives.get(name), name).toEqual(["'self'"]);
    }
  });

  it('closes the doors a policy leaves open by default', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
  });

  it('is the policy the build writes into every page and the test server sends', () => {
    const plugins = readFileSync(new URL('../../src/notebook/site/vite-plugins.ts', import.meta.url), 'utf8');
    expect(plugins).toMatch(/http-equiv="Content-Security-Policy"/);
    expect(plugins).toContain('CONTENT_SECURITY_POLICY');
    const server = readFileSync(new URL('../e2e/support/static-server.ts', import.meta.url), 'utf8');
    expect(server).toContain("'Content-Security-Policy': policyFor(pathname)");
  });
});

describe("the training worker's content security policy", () => {
  const page = parse(CONTENT_SECURITY_POLICY);
  const worker = parse(WORKER_CONTENT_SECURITY_POLICY);

  it("is the page's policy with one source more: 'wasm-unsafe-eval' in script-src, to compile the SIMD kernel", () => {
    expect([...worker.keys()]).toEqual([...page.keys()]);
    for (const [name, sources] of page) {
      expect(worker.get(name), name).toEqual(name === 'script-src' ? [...sources, "'wasm-unsafe-eval'"] : sources);
    }
  });

  it('still allows no JavaScript eval, inline code or remote origin', () => {
    for (const [name, sources] of worker) {
      for (const source of sources) {
        expect(source, name).not.toMatch(/^'(?:unsafe-eval|unsafe-inline|unsafe-hashes|strict-dynamic|nonce-|sha\d+-)/);
        if (source !== "'wasm-unsafe-eval'") expect(LOCAL_SOURCES.has(source), `${name} ${source}`).toBe(true);
      }
    }
  });

  it('goes with the built worker scripts only; pages, chunks and other files get the strict policy', () => {
    expect(isWorkerScript('/assets/training.worker-v7t4FzY0.js')).toBe(true);
    expect(isWorkerScript('/assets/training.worker-a_b-C.js')).toBe(true);
    for (const path of [
      '/',
      '/chapters/11-geology-training/',
      '/chapters/11-geology-training/index.html',
      '/assets/conv-DTXEbAo6.js',
      '/assets/conv-simd-binary-DTXEbAo6.js',
      '/assets/training.worker-v7t4FzY0.js.map',
      '/chapters/assets/training.worker-v7t4FzY0.js/x',
      '/training.worker-v7t4FzY0.js',
    ]) {
      expect(isWorkerScript(path), path).toBe(false);
      expect(policyFor(path), path).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(policyFor('/assets/training.worker-v7t4FzY0.js')).toBe(WORKER_CONTENT_SECURITY_POLICY);
  });
});
