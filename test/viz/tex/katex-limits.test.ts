/**
 * KaTeX runs with the options render-tex.ts passes on every call: no trusted
 * commands (links, classes, ids, styles, images), macro expansion and sizes
 * bounded, errors thrown (and caught by renderTex, which shows the source as
 * text and reports the message) rather than drawn with inline styles.
 * Rendering to a string runs the same parser and builder without a DOM.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { KATEX_OPTIONS } from '../../../src/viz/tex/render-tex.ts';

const render = (tex: string): string => katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: true });

describe('KaTeX options', () => {
  it('set trust, strictness and the limits explicitly', () => {
    expect(KATEX_OPTIONS.trust).toBe(false);
    expect(KATEX_OPTIONS.throwOnError).toBe(true);
    expect(KATEX_OPTIONS.strict).toBe('error');
    expect(KATEX_OPTIONS.maxExpand).toBeGreaterThan(0);
    expect(KATEX_OPTIONS.maxExpand).toBeLessThanOrEqual(1000);
    expect(KATEX_OPTIONS.maxSize).toBeGreaterThan(0);
    expect(KATEX_OPTIONS.maxSize).toBeLessThanOrEqual(20);
  });

  it('still renders the longest kind of equation the chapters use', () => {
    expect(() => render(String.raw`\hat{V}_t = \frac{V_t}{1-\beta_2^t},\quad W_{t+1} = W_t - \frac{\alpha}{\sqrt{\hat V_t}+\epsilon}\hat M_t`)).not.toThrow();
  });
});

describe('hostile TeX is refused with a message', () => {
  it.each([
    ['a macro that doubles itself', String.raw`\def\a{\a\a}\a`],
    ['a global macro bomb', String.raw`\gdef\b{\b\b\b\b}\b`],
    ['a million-fold expansion', String.raw`\def\x{xxxxxxxxxx}\def\y{\x\x\x\x\x\x\x\x\x\x}\def\z{\y\y\y\y\y\y\y\y\y\y}\def\w{\z\z\z\z\z\z\z\z\z\z}\w\w\w`],
  ])('%s', (_, tex) => {
    expect(() => render(tex)).toThrow(/Too many expansions/);
  });

  it('clamps huge sizes to maxSize instead of drawing a page-sized box', () => {
    const html = render(String.raw`\rule{10000em}{10000em}`);
    const sizes = [...html.matchAll(/(?:width|height|border-right-width|border-top-width):\s*([\d.]+)em/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(KATEX_OPTIONS.maxSize + 1);
  });

  it.each([
    ['a link', String.raw`\href{javascript:alert(1)}{x}`],
    ['a URL', String.raw`\url{javascript:alert(1)}`],
    ['a class', String.raw`\htmlClass{x" onmouseover="alert(1)}{x}`],
    ['a style', String.raw`\htmlStyle{background:url(https://example.com/x)}{x}`],
    ['data attributes', String.raw`\htmlData{onclick=alert(1)}{x}`],
    ['an image', String.raw`\includegraphics{https://example.com/x.png}`],
  ])('never emits %s: no trusted command reaches the markup', (_, tex) => {
    let html = '';
    try {
      html = render(tex);
    } catch (error) {
      expect((error as Error).message.length).toBeGreaterThan(0);
      return;
    }
    // The source is kept, escaped, as the MathML annotation; the markup around it must hold none of it.
    const markup = html.replace(/<annotation[^>]*>[^<]*<\/annotation>/g, '');
    expect(markup).not.toMatch(/javascript:|https:|<a[\s>]|<img|\son\w+=|data-|href=|src=|background/);
    expect(markup).toContain('#cc0000'); // shown as an unsupported command, in KaTeX's error colour
  });
});
