/**
 * Vite plugins that make the static site: the page shell from the registry
 * (every page, dev and build) and the Content Security Policy (build only;
 * the dev server's hot reload needs what the policy forbids).
 */
import { relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { CHAPTERS, chapterByDir, chapterDir } from '../chapters.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { chapterNavHtml, footerHtml, headHtml, headerHtml, themeScriptHtml, tocHtml, type PageContext } from './shell-html.ts';

/** Every page of the site, relative to the project root: the home page, then the chapters. */
export function sitePages(): string[] {
  return ['index.html', ...CHAPTERS.map((c) => `chapters/${chapterDir(c)}/index.html`)];
}

function pageContext(root: string, filename: string): PageContext {
  const path = relative(root, filename).split(sep).join('/');
  if (path === 'index.html') return {};
  const match = /^chapters\/([^/]+)\/index\.html$/.exec(path);
  const chapter = match ? chapterByDir(match[1]!) : undefined;
  if (!chapter) {
    throw new Error(`${path} is not a page of the site: add it to src/notebook/chapters.ts (folder chapters/<nn-slug>/index.html)`);
  }
  return { chapter };
}

/** The markers a page writes where the shell goes; each must appear exactly once where required. */
const MARKERS: ReadonlyArray<{ marker: string; html: (page: PageContext) => string; required: (page: PageContext) => boolean }> = [
  { marker: '<!--atlas:head-->', html: headHtml, required: () => true },
  { marker: '<!--atlas:header-->', html: headerHtml, required: () => true },
  { marker: '<!--atlas:chapter-nav-->', html: chapterNavHtml, required: (p) => p.chapter !== undefined },
  { marker: '<!--atlas:toc-->', html: tocHtml, required: (p) => p.chapter === undefined },
  { marker: '<!--atlas:footer-->', html: () => footerHtml(), required: () => true },
];

const CHARSET = '<meta charset="utf-8">';

/** Inserts `html` right after the charset declaration, which must stay first in <head>. */
function afterCharset(page: string, html: string, path: string): string {
  if (!page.includes(CHARSET)) throw new Error(`${path}: no ${CHARSET} in <head>`);
  return page.replace(CHARSET, () => `${CHARSET}\n${html}`);
}

export function atlasShell(): Plugin {
  let root = process.cwd();
  return {
    name: 'atlas-shell',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const page = pageContext(root, ctx.filename);
        let out = html;
        for (const { marker, html: build, required } of MARKERS) {
          const count = out.split(marker).length - 1;
          if (count > 1 || (count === 0 && required(page))) {
            throw new Error(`${ctx.path}: expected the marker ${marker} exactly once, found it ${count} times`);
          }
          out = out.replace(marker, () => build(page));
        }
        return out;
      },
    },
  };
}

/** The theme script, added once Vite has bundled the page (see themeScriptHtml). */
export function atlasThemeScript(): Plugin {
  let root = process.cwd();
  return {
    name: 'atlas-theme-script',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        return afterCharset(html, themeScriptHtml(pageContext(root, ctx.filename)), ctx.path);
      },
    },
  };
}

/**
 * The policy as the first thing after the charset: a meta policy only governs
 * what comes after it. Registered after atlasThemeScript, so it lands above
 * the theme script.
 */
export function atlasContentSecurityPolicy(): Plugin {
  return {
    name: 'atlas-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        return afterCharset(html, `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`, ctx.path);
      },
    },
  };
}
