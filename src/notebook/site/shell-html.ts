/**
 * The page shell as static HTML, written into every page at build time (and
 * by the dev server) from the chapter registry: head metadata, the header
 * with the site and chapter titles, previous/next links, the table of
 * contents and the footer that cites the paper. Static HTML means the shell
 * reads correctly before (and without) any script, and never shifts on load.
 *
 * Links are relative (`../../index.html`) so the site works from any path on
 * any static host.
 */
import { CHAPTERS, PAPER, SITE_TITLE, chapterDir, neighbours, type ChapterEntry } from '../chapters.ts';
import { escapeHtml as e } from './escape.ts';

export interface PageContext {
  /** The chapter shown, or undefined for the home page. */
  readonly chapter?: ChapterEntry;
}

/** Prefix from the page to the site root: './' for the home page, '../../' for a chapter. */
export function rootPrefix(page: PageContext): string {
  return page.chapter ? '../../' : './';
}

function chapterHref(page: PageContext, target: ChapterEntry): string {
  return page.chapter ? `../${chapterDir(target)}/index.html` : `./chapters/${chapterDir(target)}/index.html`;
}

export function pageTitle(page: PageContext): string {
  return page.chapter ? `${page.chapter.number}. ${page.chapter.title} · ${SITE_TITLE}` : `${SITE_TITLE}: ${PAPER.title}`;
}

const HOME_DESCRIPTION =
  'An interactive edition of the tutorial by Avalos and Ortiz (2019) on the architecture of convolutional neural networks: every equation beside live code and tensors you can change.';

export function headHtml(page: PageContext): string {
  const root = rootPrefix(page);
  const description = page.chapter?.description ?? HOME_DESCRIPTION;
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<meta name="description" content="${e(description)}">`,
    `<title>${e(pageTitle(page))}</title>`,
    `<link rel="icon" href="${root}favicon.svg" type="image/svg+xml">`,
  ].join('\n');
}

/**
 * A classic script, not a module, so the remembered theme is applied before
 * the first paint (modules are deferred); an external file, for the CSP.
 * Written after Vite has processed the page: Vite bundles only module scripts
 * and would warn about this one; it is a file of public/, copied as is.
 */
export function themeScriptHtml(page: PageContext): string {
  return `<script src="${rootPrefix(page)}theme-init.js"></script>`;
}

const SUN_ICON =
  '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="4.5"/><path d="M12 1.5v3M12 19.5v3M1.5 12h3M19.5 12h3M4.6 4.6l2.1 2.1M17.3 17.3l2.1 2.1M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1"/></svg>';
const TEXT_ICON =
  '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3 19 8 5h1.6l5 14M4.8 14h8M15.5 19l3.2-9h1l3.2 9M16.6 16h5.2"/></svg>';

export function headerHtml(page: PageContext): string {
  const root = rootPrefix(page);
  const current = page.chapter ? '' : ' aria-current="page"';
  const chapterLine = page.chapter
    ? `<p class="site-header__chapter"><span class="site-header__number">Chapter ${page.chapter.number}</span> ${e(page.chapter.title)}</p>`
    : '';
  // The tool buttons start hidden: they need the page script, which reveals them.
  return `<a class="skip-link" href="#main">Skip to the content</a>
<header class="site-header">
  <div class="site-header__inner">
    <a class="site-title" href="${root}index.html"${current}>${e(SITE_TITLE)}</a>
    ${chapterLine}
    <div class="site-header__tools">
      <button type="button" class="tool-button" data-action="text-size" aria-pressed="false" hidden>${TEXT_ICON}<span>Large text</span></button>
      <button type="button" class="tool-button" data-action="theme" aria-pressed="false" hidden>${SUN_ICON}<span>Dark theme</span></button>
    </div>
  </div>
</header>`;
}

export function chapterNavHtml(page: PageContext): string {
  if (!page.chapter) return '';
  const { previous, next } = neighbours(page.chapter);
  const link = (rel: 'prev' | 'next', target: ChapterEntry | undefined, label: string): string =>
    target
      ? `<a class="chapter-nav__link chapter-nav__link--${rel}" rel="${rel}" href="${chapterHref(page, target)}"><span class="chapter-nav__label">${label}</span> <span class="chapter-nav__title">${target.number}. ${e(target.title)}</span></a>`
      : '';
  return `<nav class="chapter-nav" aria-label="Chapters in reading order">
  ${link('prev', previous, 'Previous')}
  <a class="chapter-nav__link chapter-nav__link--contents" href="${rootPrefix(page)}index.html"><span class="chapter-nav__label">All chapters</span> <span class="chapter-nav__title">Contents</span></a>
  ${link('next', next, 'Next')}
</nav>`;
}

function equationList(numbers: readonly number[]): string {
  return numbers.map((n) => `(${n})`).join(', ');
}

export function tocHtml(page: PageContext): string {
  const items = CHAPTERS.map(
    (c) => `<li class="toc__item">
    <h3 class="toc__heading"><a class="toc__link" href="${chapterHref(page, c)}"><span class="toc__number">${c.number}</span> ${e(c.title)}</a></h3>
    <p class="toc__description">${e(c.description)}</p>
    <p class="toc__meta">Tutorial ${e(c.source)} · equations ${equationList(c.equations)}</p>
  </li>`,
  );
  return `<ol class="toc" aria-label="Chapters">\n  ${items.join('\n  ')}\n</ol>`;
}

export function footerHtml(): string {
  return `<footer class="site-footer">
  <div class="site-footer__inner">
    <p>An interactive edition of the tutorial</p>
    <p class="citation">${e(PAPER.authors)} <cite>${e(PAPER.title)}</cite>, ${e(PAPER.venue)}</p>
    <p class="site-footer__note">Equations are numbered as in the paper. Where the paper is wrong or ambiguous, a marked note beside the equation gives the correction.</p>
  </div>
</footer>`;
}
