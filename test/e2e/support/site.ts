/** The pages of the built site, from the chapter registry, and the server's base URL. */
import { CHAPTERS, chapterDir, type ChapterEntry } from '../../../src/notebook/chapters.ts';

export interface SitePage {
  /** Short name for screenshots and test titles: 'home', '01-architecture'. */
  readonly name: string;
  /** Path from the site root. */
  readonly path: string;
  readonly chapter?: ChapterEntry;
}

const ALL_PAGES: readonly SitePage[] = [
  { name: 'home', path: '' },
  ...CHAPTERS.map((chapter) => ({ name: chapterDir(chapter), path: `chapters/${chapterDir(chapter)}/`, chapter })),
];

/**
 * The pages the run covers: all of them, or those whose name contains one of
 * the comma-separated words in ATLAS_E2E_PAGES (`ATLAS_E2E_PAGES=home,01`).
 */
export const SITE_PAGES: readonly SitePage[] = (() => {
  const only = (process.env.ATLAS_E2E_PAGES ?? '').split(',').map((w) => w.trim()).filter(Boolean);
  return only.length === 0 ? ALL_PAGES : ALL_PAGES.filter((p) => only.some((w) => p.name.includes(w)));
})();

export const CHAPTER_PAGES = SITE_PAGES.filter((p) => p.chapter);

/** The base URL the runner serves dist/ at (set by test/e2e/run.ts). */
export function baseUrl(): string {
  const url = process.env.ATLAS_E2E_URL;
  if (!url) throw new Error('ATLAS_E2E_URL is not set: run the end-to-end tests with `npm run test:e2e`');
  return url;
}

export function pageUrl(page: SitePage, query = ''): string {
  return new URL(page.path + query, baseUrl()).href;
}
