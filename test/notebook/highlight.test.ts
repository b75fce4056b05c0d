import { describe, expect, it } from 'vitest';
import { highlightTypeScript, tokensFromHighlightHtml } from '../../src/notebook/code/highlight.ts';

describe('tokensFromHighlightHtml', () => {
  it('decodes entities and nests classes', () => {
    expect(tokensFromHighlightHtml('<span class="hljs-keyword">if</span> (a &lt; b &amp;&amp; <span class="hljs-string">&quot;x&#x27;</span>)')).toEqual([
      [
        { text: 'if', classes: ['hljs-keyword'] },
        { text: ' (a ', classes: [] },
        { text: '<', classes: [] },
        { text: ' b ', classes: [] },
        { text: '&', classes: [] },
        { text: '&', classes: [] },
        { text: ' ', classes: [] },
        { text: '"', classes: ['hljs-string'] },
        { text: "x", classes: ['hljs-string'] },
        { text: "'", classes: ['hljs-string'] },
        { text: ')', classes: [] },
      ],
    ]);
  });

  it('splits a token that spans lines into one piece per line', () => {
    const lines = tokensFromHighlightHtml('<span class="hljs-comment">/**\n * doc\n */</span>\nx');
    expect(lines.map((l) => l.map((t) => [t.text, t.classes.join()]))).toEqual([
      [['/**', 'hljs-comment']],
      [[' * doc', 'hljs-comment']],
      [[' */', 'hljs-comment']],
      [['x', '']],
    ]);
  });

  it('refuses markup highlight.js does not emit', () => {
    expect(() => tokensFromHighlightHtml('<img src=x>')).toThrow(/unexpected markup/);
  });
});

describe('highlightTypeScript', () => {
  it('keeps the text exactly, line for line', () => {
    const code = "export function f(a: number): string {\n  // <b>not markup</b> & 'quotes'\n  return `${a}`;\n}";
    const lines = highlightTypeScript(code);
    expect(lines.map((l) => l.map((t) => t.text).join('')).join('\n')).toBe(code);
    expect(lines[0]!.some((t) => t.classes.includes('hljs-keyword'))).toBe(true);
  });
});
