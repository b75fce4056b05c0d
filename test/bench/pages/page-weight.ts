/**
 * Page weight of the built site: for every page, every JavaScript file it
 * loads (its entry script, everything that imports statically, the chunks it
 * imports dynamically and the worker scripts it can start), compressed with
 * gzip (level 9) and brotli (quality 11) the way a static host serves them,
 * and the stylesheets it links. Sizes of a given build are deterministic, so
 * the budgets below are checked as a test (test/e2e/run.ts after each build)
 * and printed by `npm run bench:pages`.
 *
 * Dynamic imports are counted as loaded: the budget is an upper bound of what
 * a page can fetch, whether or not the reader ever triggers the import.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const KB = 1024;

/** Issue 7: the home page loads at most 150 KB of compressed JavaScript, a chapter at most 500 KB. */
export const BUDGETS = { home: 150 * KB, chapter: 500 * KB } as const;

/** The libraries that must load only on the pages that use them, by their chunk names (vite.config.ts). */
export const LIBRARIES = ['three', 'd3', 'katex'] as const;
export type Library = (typeof LIBRARIES)[number];

export type Load = 'entry' | 'static' | 'dynamic' | 'worker';

export interface FileWeight {
  /** Path inside the built site, with forward slashes: assets/three-abc123.js */
  readonly file: string;
  readonly load: Load;
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

export interface PageWeight {
  /** Path of the page's HTML inside the built site: index.html, chapters/01-architecture/index.html */
  readonly page: string;
  /** 'home' or the chapter folder (01-architecture). */
  readonly name: string;
  readonly kind: 'home' | 'chapter';
  readonly js: readonly FileWeight[];
  readonly css: readonly FileWeight[];
  /** Libraries among the JavaScript the page loads. */
  readonly libraries: readonly Library[];
  readonly totals: { readonly raw: number; readonly gzip: number; readonly brotli: number; readonly cssGzip: number; readonly cssBrotli: number };
}

/** Module specifiers a built chunk names, by how they load. Only relative ones (./x.js) are files of the site. */
export interface ChunkReferences {
  readonly imports: string[];
  readonly dynamicImports: string[];
  readonly workers: string[];
  /** Files listed by Vite's preload helper (__vite__mapDeps), relative to the site root or to the chunk. */
  readonly preloads: string[];
}

const QUOTE = `["'\`]`;
const STATIC_IMPORT = new RegExp(`(?:\\bfrom|\\bimport)\\s*(${QUOTE})(\\.{1,2}/[^"'\`]+?\\.js)\\1`, 'g');
const DYNAMIC_IMPORT = new RegExp(`\\bimport\\(\\s*(${QUOTE})(\\.{1,2}/[^"'\`]+?\\.js)\\1\\s*\\)`, 'g');
const WORKER_URL = new RegExp(`new\\s+URL\\(\\s*(${QUOTE})([^"'\`]+?\\.js)\\1\\s*,\\s*import\\.meta\\.url`, 'g');
const MAP_DEPS = /__vite__mapDeps\s*=[^[]*\[([^\]]*)\]/;

function matches(pattern: RegExp, code: string): string[] {
  return [...code.matchAll(pattern)].map((m) => m[2]!);
}

/** What a built chunk imports, from its text (Rolldown's output: `import{a}from"./b.js"`, `import("./c.js")`, `new URL("d.js",import.meta.url)`). */
export function chunkReferences(code: string): ChunkReferences {
  const dynamicImports = matches(DYNAMIC_IMPORT, code);
  // A dynamic import also matches the static pattern (`import(` is not `import"`, but be exact).
  const imports = matches(STATIC_IMPORT, code.replace(DYNAMIC_IMPORT, ''));
  const workers = matches(WORKER_URL, code);
  const deps = MAP_DEPS.exec(code);
  const preloads = deps ? [...deps[1]!.matchAll(new RegExp(`(${QUOTE})([^"'\`]+)\\1`, 'g'))].map((m) => m[2]!).filter((f) => f.endsWith('.js')) : [];
  return { imports: unique(imports), dynamicImports: unique(dynamicImports), workers: unique(workers), preloads: unique(preloads) };
}

/** Scripts and stylesheets an HTML page names (module entries, module preloads, stylesheets), as written. */
export function htmlReferences(html: string): { scripts: string[]; preloads: string[]; styles: string[] } {
  const tags = html.match(/<(?:script|link)\b[^>]*>/g) ?? [];
  const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];
  const scripts: string[] = [];
  const preloads: string[] = [];
  const styles: string[] = [];
  for (const tag of tags) {
    if (tag.startsWith('<script')) {
      const src = attr(tag, 'src');
      if (src) scripts.push(src);
    } else {
      const rel = attr(tag, 'rel');
      const href = attr(tag, 'href');
      if (!href) continue;
      if (rel === 'modulepreload') preloads.push(href);
      else if (rel === 'stylesheet') styles.push(href);
    }
  }
  return { scripts, preloads, styles };
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

/** Every HTML page of a built site, home first, then chapters in folder order. */
export function sitePagesIn(distDir: string): string[] {
  const pages: string[] = [];
  if (existsSync(join(distDir, 'index.html'))) pages.push('index.html');
  const chapters = join(distDir, 'chapters');
  if (existsSync(chapters)) {
    for (const dir of readdirSync(chapters).sort()) {
      if (existsSync(join(chapters, dir, 'index.html'))) pages.push(`chapters/${dir}/index.html`);
    }
  }
  return pages;
}

/** Gzip and brotli sizes of one file, read once per build. */
function weigher(distDir: string) {
  const cache = new Map<string, { raw: number; gzip: number; brotli: number }>();
  return (file: string) => {
    let size = cache.get(file);
    if (!size) {
      const bytes = readFileSync(join(distDir, file));
      size = {
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        }).length,
      };
      cache.set(file, size);
    }
    return size;
  };
}

/**
 * Which library a chunk is: vite.config.ts names the library chunks lib-<name>
 * (assets/lib-three-abc123.js), so our own modules named three or katex never pass for them.
 */
export function libraryOf(file: string): Library | undefined {
  const base = posix.basename(file);
  return LIBRARIES.find((lib) => base.startsWith(`lib-${lib}-`) && base.endsWith('.js'));
}

export function pageWeights(distDir: string): PageWeight[] {
  const weigh = weigher(distDir);
  const toSite = (fromDir: string, ref: string): string | undefined => {
    if (/^[a-z]+:|^\/\//i.test(ref)) return undefined; // another origin: not ours to weigh
    const path = posix.normalize(posix.join(fromDir, ref.split(/[?#]/)[0]!));
    return path.startsWith('../') ? undefined : path;
  };

  return sitePagesIn(distDir).map((page) => {
    const html = readFileSync(join(distDir, page), 'utf8');
    const pageDir = posix.dirname(page);
    const refs = htmlReferences(html);
    const loads = new Map<string, Load>();
    const rank: Record<Load, number> = { entry: 0, static: 1, dynamic: 2, worker: 3 };
    const queue: string[] = [];
    const add = (file: string | undefined, load: Load): void => {
      if (!file || !file.endsWith('.js')) return;
      if (!existsSync(join(distDir, file))) throw new Error(`${page} loads ${file}, which is not in ${distDir}`);
      const previous = loads.get(file);
      if (previous !== undefined && rank[previous] <= rank[load]) return;
      loads.set(file, load);
      queue.push(file);
    };
    for (const src of refs.scripts) add(toSite(pageDir, src), 'entry');
    for (const href of refs.preloads) add(toSite(pageDir, href), 'static');
    while (queue.length > 0) {
      const file = queue.shift()!;
      const load = loads.get(file)!;
      const code = readFileSync(join(distDir, file), 'utf8');
      const chunk = chunkReferences(code);
      const dir = posix.dirname(file);
      // What a chunk imports statically loads with it; what a worker imports loads with the worker.
      const inherit: Load = load === 'entry' ? 'static' : load;
      for (const ref of chunk.imports) add(toSite(dir, ref), inherit);
      for (const ref of chunk.dynamicImports) add(toSite(dir, ref), load === 'worker' ? 'worker' : 'dynamic');
      for (const ref of chunk.workers) add(toSite(dir, ref), 'worker');
      // The preload list is written relative to the site's base ('./' -> relative to the page).
      for (const ref of chunk.preloads) add(toSite(pageDir, ref) ?? toSite(dir, ref), load === 'worker' ? 'worker' : 'dynamic');
    }
    const js: FileWeight[] = [...loads].map(([file, load]) => ({ file, load, ...weigh(file) })).sort((a, b) => rank[a.load] - rank[b.load] || b.gzip - a.gzip);
    const css: FileWeight[] = refs.styles
      .map((href) => toSite(pageDir, href))
      .filter((f): f is string => f !== undefined && existsSync(join(distDir, f)))
      .map((file) => ({ file, load: 'static' as Load, ...weigh(file) }));
    const sum = (list: readonly FileWeight[], key: 'raw' | 'gzip' | 'brotli') => list.reduce((s, f) => s + f[key], 0);
    const name = page === 'index.html' ? 'home' : page.split('/')[1]!;
    return {
      page,
      name,
      kind: page === 'index.html' ? 'home' : 'chapter',
      js,
      css,
      libraries: LIBRARIES.filter((lib) => js.some((f) => libraryOf(f.file) === lib)),
      totals: { raw: sum(js, 'raw'), gzip: sum(js, 'gzip'), brotli: sum(js, 'brotli'), cssGzip: sum(css, 'gzip'), cssBrotli: sum(css, 'brotli') },
    };
  });
}

export interface BudgetProblem {
  readonly page: string;
  readonly message: string;
}

/**
 * Over-budget pages, and the home page loading a library. A page's gzip size
 * is checked (the larger of the two encodings: a host may not serve brotli).
 * KaTeX's stylesheet (and with it its fonts) must come with KaTeX's code, never alone.
 */
export function budgetProblems(weights: readonly PageWeight[]): BudgetProblem[] {
  const problems: BudgetProblem[] = [];
  if (weights.length === 0) problems.push({ page: '(site)', message: 'no pages found: is this a built site?' });
  for (const w of weights) {
    const budget = w.kind === 'home' ? BUDGETS.home : BUDGETS.chapter;
    const size = Math.max(w.totals.gzip, w.totals.brotli);
    if (size > budget) {
      const biggest = w.js.slice().sort((a, b) => b.gzip - a.gzip).slice(0, 3).map((f) => `${f.file} ${kb(f.gzip)}`).join(', ');
      problems.push({ page: w.page, message: `${kb(size)} of compressed JavaScript, over the ${kb(budget)} budget (largest: ${biggest})` });
    }
    if (w.kind === 'home' && w.libraries.length > 0) {
      problems.push({ page: w.page, message: `the home page loads ${w.libraries.join(', ')}, which it does not use` });
    }
    const katexCss = w.css.some((f) => /(^|\/)lib-katex-[\w-]+\.css$/.test(f.file));
    if (katexCss && !w.libraries.includes('katex')) {
      problems.push({ page: w.page, message: `links KaTeX's stylesheet (and so its fonts) without any equation code` });
    }
  }
  return problems;
}

export function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/** The per-page table: compressed JavaScript (gzip, brotli), the budget, the libraries, CSS. */
export function weightTable(weights: readonly PageWeight[]): string {
  const rows = weights.map((w) => {
    const budget = w.kind === 'home' ? BUDGETS.home : BUDGETS.chapter;
    const lazy = w.js.filter((f) => f.load === 'dynamic' || f.load === 'worker').reduce((s, f) => s + f.gzip, 0);
    return [
      w.name,
      String(w.js.length),
      kb(w.totals.raw),
      kb(w.totals.gzip),
      kb(w.totals.brotli),
      lazy > 0 ? kb(lazy) : '-',
      `${kb(budget)}${Math.max(w.totals.gzip, w.totals.brotli) > budget ? ' OVER' : ''}`,
      w.libraries.join(' ') || '-',
      kb(w.totals.cssGzip),
    ];
  });
  const head = ['page', 'js files', 'js raw', 'js gzip', 'js brotli', 'of which lazy/worker (gzip)', 'budget', 'libraries', 'css gzip'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A dist folder given on the command line or by ATLAS_DIST, relative paths from the project root. */
export function distDirFrom(root: string, arg: string | undefined): string {
  const dir = arg ?? process.env.ATLAS_DIST ?? join(root, 'dist');
  const resolved = dir.startsWith(sep) ? dir : join(root, dir);
  if (!existsSync(resolved) || !statSync(resolved).isDirectory()) throw new Error(`no built site at ${resolved}: run the build first`);
  return resolved;
}

export function relativeToRoot(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel || '.';
}

