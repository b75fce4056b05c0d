import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAPTERS, CITATION, chapterDir, neighbours } from '../../src/notebook/chapters.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/notebook/site/csp.ts';
import { escapeHtml } from '../../src/notebook/site/escape.ts';
import { chapterNavHtml, footerHtml, headHtml, tocHtml } from '../../src/notebook/site/shell-html.ts';
import { TEXT_SIZE_KEY, THEME_KEY } from '../../src/notebook/theme.ts';

const root = new URL('../../', import.meta.url);

describe('chapter registry', () => {
  it('numbers chapters in reading order with unique slugs', () => {
    const numbers = CHAPTERS.map((c) => c.number);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(CHAPTERS.map((c) => c.slug)).size).toBe(CHAPTERS.length);
    for (const c of CHAPTERS) expect(c.slug).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('has a page for every chapter', () => {
    for (const c of CHAPTERS) expect(existsSync(new URL(`chapters/${chapterDir(c)}/index.html`, root)), chapterDir(c)).toBe(true);
  });

  it('links the first and last chapters to nothing beyond the ends', () => {
    expect(neighbours(CHAPTERS[0]!).previous).toBeUndefined();
    expect(neighbours(CHAPTERS[CHAPTERS.length - 1]!).next).toBeUndefined();
  });
});

describe('page shell', () => {
  it('escapes registry text', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('cites the paper word for word in the footer', () => {
    const text = footerHtml().replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
    expect(text).toContain(CITATION);
  });

  it('links with relative URLs only, from the home page and from a chapter', () => {
    const chapter = CHAPTERS[0]!;
    for (const html of [headHtml({}), tocHtml({}), headHtml({ chapter }), chapterNavHtml({ chapter })]) {
      for (const [, url] of html.matchAll(/(?:href|src)="([^"]+)"/g)) expect(url).toMatch(/^\.\.?\//);
    }
    expect(tocHtml({})).toContain(`href="./chapters/${chapterDir(chapter)}/index.html"`);
  });
});

describe('content security policy', () => {
  it('allows no inline script or style and no plugins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|\*/);
  });

  it('leaves no inline script or style attribute in any page source', () => {
    const pages = ['index.html', ...readdirSync(new URL('chapters/', root)).map((d) => `chapters/${d}/index.html`)];
    for (const page of pages.filter((p) => existsSync(new URL(p, root)))) {
      const html = readFileSync(new URL(page, root), 'utf8');
      expect(html, page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html, page).not.toMatch(/\sstyle=|\son[a-z]+=/);
    }
  });
});

describe('theme script', () => {
  it('reads the keys the theme module writes', () => {
    const script = readFileSync(new URL('public/theme-init.js', root), 'utf8');
    expect(script).toContain(`'${THEME_KEY}'`);
    expect(script).toContain(`'${TEXT_SIZE_KEY}'`);
  });
});
