import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGETS, budgetProblems, chunkReferences, htmlReferences, libraryOf, pageWeights, weightTable } from './page-weight.ts';

describe('chunkReferences', () => {
  it('reads static, dynamic, worker and preload references from Rolldown output', () => {
    const code =
      'import"./theme-a1.js";import{t as e}from"./lib-three-b2.js";import {x} from \'../assets/other-c3.js\';' +
      'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/lazy-d4.js","assets/lazy-d4.css"])))=>i.map(i=>d[i]);' +
      'const f=()=>import(`./lazy-d4.js`);' +
      'new Worker(new URL(new URL(`training.worker-e5.js`,import.meta.url).href,``+import.meta.url),{type:`module`});' +
      'import("https://elsewhere.example/x.js");';
    const refs = chunkReferences(code);
    expect(refs.imports).toEqual(['./theme-a1.js', './lib-three-b2.js', '../assets/other-c3.js']);
    expect(refs.dynamicImports).toEqual(['./lazy-d4.js']);
    expect(refs.workers).toEqual(['training.worker-e5.js']);
    expect(refs.preloads).toEqual(['assets/lazy-d4.js']);
  });

  it('finds nothing in code without imports', () => {
    expect(chunkReferences('const from = "./x.js"; let importer = 1;')).toEqual({ imports: [], dynamicImports: [], workers: [], preloads: [] });
  });
});

describe('htmlReferences', () => {
  it('lists module scripts, module preloads and stylesheets', () => {
    const html =
      '<head><script src="../../theme-init.js"></script><script type="module" crossorigin src="../../assets/index-a.js"></script>' +
      '<link rel="modulepreload" crossorigin href="../../assets/lib-katex-b.js"><link rel="icon" href="../../favicon.svg">' +
      '<link rel="stylesheet" crossorigin href="../../assets/lib-katex-c.css"></head>';
    expect(htmlReferences(html)).toEqual({
      scripts: ['../../theme-init.js', '../../assets/index-a.js'],
      preloads: ['../../assets/lib-katex-b.js'],
      styles: ['../../assets/lib-katex-c.css'],
    });
  });
});

describe('libraryOf', () => {
  it('knows the library chunks by their lib- names only', () => {
    expect(libraryOf('assets/lib-three-0YCwUNRl.js')).toBe('three');
    expect(libraryOf('assets/lib-d3-BOFdaa11.js')).toBe('d3');
    expect(libraryOf('assets/three-ZtztRs4Y.js')).toBeUndefined();
    expect(libraryOf('assets/lib-katex-x.css')).toBeUndefined();
  });
});

describe('pageWeights and budgetProblems on a small built site', () => {
  let dist = '';
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  };
  // Random bytes as base64 text: compresses to about the random bytes, so sizes are easy to place around a budget.
  const noise = (kib: number): string => `export const n="${randomBytes(Math.round(kib * 1024)).toString('base64')}";`;

  afterEach(() => {
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  function site(homeExtraKib: number): void {
    dist = mkdtempSync(join(tmpdir(), 'page-weight-'));
    write('index.html', '<script src="./theme-init.js"></script><script type="module" src="./assets/index-home.js"></script><link rel="stylesheet" href="./assets/site.css">');
    write('theme-init.js', 'document.documentElement.dataset.theme="light";');
    write('assets/site.css', 'body{margin:0}');
    write('assets/index-home.js', `import"./theme-t.js";${homeExtraKib > 0 ? 'import"./extra-x.js";' : ''}`);
    write('assets/theme-t.js', 'export const t=1;');
    if (homeExtraKib > 0) write('assets/extra-x.js', noise(homeExtraKib));
    write(
      'chapters/01-a/index.html',
      '<script type="module" src="../../assets/index-one.js"></script><link rel="modulepreload" href="../../assets/lib-katex-k.js">' +
        '<link rel="stylesheet" href="../../assets/lib-katex-k.css">',
    );
    write('assets/index-one.js', 'import"./theme-t.js";import{k}from"./lib-katex-k.js";import{v}from"./lib-three-v.js";const l=()=>import("./lazy-l.js");');
    write('assets/lib-katex-k.js', noise(20));
    write('assets/lib-katex-k.css', '.katex{font:1em KaTeX_Main}');
    write('assets/lib-three-v.js', noise(30));
    write('assets/lazy-l.js', 'import"./theme-t.js";new Worker(new URL("worker-w.js",import.meta.url),{type:"module"});');
    write('assets/worker-w.js', 'import"./lib-d3-w.js";');
    write('assets/lib-d3-w.js', noise(5));
  }

  it('follows every import of a page, each file once, and sums gzip and brotli sizes', () => {
    site(0);
    const [home, one] = pageWeights(dist);
    expect(home!.name).toBe('home');
    expect(home!.js.map((f) => [f.file, f.load])).toEqual([
      ['theme-init.js', 'entry'],
      ['assets/index-home.js', 'entry'],
      ['assets/theme-t.js', 'static'],
    ]);
    expect(home!.libraries).toEqual([]);
    expect(one!.name).toBe('01-a');
    const loads = Object.fromEntries(one!.js.map((f) => [f.file, f.load]));
    expect(loads).toEqual({
      'assets/index-one.js': 'entry',
      'assets/theme-t.js': 'static',
      'assets/lib-katex-k.js': 'static',
      'assets/lib-three-v.js': 'static',
      'assets/lazy-l.js': 'dynamic',
      'assets/worker-w.js': 'worker',
      'assets/lib-d3-w.js': 'worker',
    });
    expect(one!.libraries).toEqual(['three', 'd3', 'katex']);
    const three = one!.js.find((f) => f.file === 'assets/lib-three-v.js')!;
    expect(three.gzip).toBeGreaterThan(20 * 1024);
    expect(three.gzip).toBeLessThan(three.raw);
    expect(one!.totals.gzip).toBe(one!.js.reduce((s, f) => s + f.gzip, 0));
    expect(one!.totals.cssGzip).toBeGreaterThan(0);
    expect(budgetProblems([home!, one!])).toEqual([]);
    expect(weightTable([home!, one!])).toMatch(/^page .*\n-+ .*\nhome .*\n01-a .*three d3 katex/);
  });

  it('fails a home page over its budget, naming its largest files', () => {
    site(BUDGETS.home / 1024 + 20);
    const problems = budgetProblems(pageWeights(dist));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.page).toBe('index.html');
    expect(problems[0]!.message).toMatch(/over the 150\.0 KB budget \(largest: assets\/extra-x\.js/);
  });

  it('fails a home page that loads a library, and KaTeX styles without KaTeX', () => {
    site(0);
    write('assets/index-home.js', 'import"./theme-t.js";import"./lib-d3-w.js";');
    write('index.html', '<script type="module" src="./assets/index-home.js"></script><link rel="stylesheet" href="./assets/lib-katex-k.css">');
    const messages = budgetProblems(pageWeights(dist)).map((p) => p.message);
    expect(messages).toEqual([
      'the home page loads d3, which it does not use',
      "links KaTeX's stylesheet (and so its fonts) without any equation code",
    ]);
  });

  it('fails a page that names a script the site lacks', () => {
    site(0);
    write('assets/index-home.js', 'import"./gone-g.js";');
    expect(() => pageWeights(dist)).toThrow(/loads assets\/gone-g\.js, which is not in/);
  });
});
