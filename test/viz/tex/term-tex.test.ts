import { describe, expect, it } from 'vitest';
import { splitInlineTex } from '../../../src/viz/tex/inline-tex.ts';
import { createTermBus } from '../../../src/viz/tex/term-bus.ts';
import { isSentinelColour, markTerms } from '../../../src/viz/tex/term-tex.ts';

describe('markTerms', () => {
  it('gives each term key one sentinel colour and wraps its body in a group', () => {
    const marked = markTerms(String.raw`\term{H}{H^m} = \term{W}{W^m} \term{H}{H^{m-1}}`);
    expect(marked.tex).toBe(String.raw`\textcolor{#0a0001}{{H^m}} = \textcolor{#0a0002}{{W^m}} \textcolor{#0a0001}{{H^{m-1}}}`);
    expect([...marked.colours]).toEqual([
      ['rgb(10, 0, 1)', 'H'],
      ['rgb(10, 0, 2)', 'W'],
    ]);
    expect(marked.terms).toEqual(['H', 'W']);
    expect(isSentinelColour('rgb(10, 0, 2)')).toBe(true);
  });

  it('keeps nested braces and escaped braces in the body', () => {
    expect(markTerms(String.raw`\term{S}{\left\{ x_{i} \right\}}`).tex).toBe(String.raw`\textcolor{#0a0001}{{\left\{ x_{i} \right\}}}`);
  });

  it('leaves TeX without terms (and commands that only start with \\term) unchanged', () => {
    expect(markTerms(String.raw`\frac{a}{b} \termx`).tex).toBe(String.raw`\frac{a}{b} \termx`);
  });

  it('refuses malformed markup with the position', () => {
    expect(() => markTerms(String.raw`\term{W}`)).toThrow(/needs a body in braces/);
    expect(() => markTerms(String.raw`\term{W}{W^{m}`)).toThrow(/unbalanced braces/);
    expect(() => markTerms(String.raw`\term{1x}{W}`)).toThrow(/must be a name/);
    expect(() => markTerms(String.raw`\term{a}{\term{b}{c}}`)).toThrow(/cannot nest/);
  });
});

describe('splitInlineTex', () => {
  it('splits prose into text and math, with \\$ as a dollar sign', () => {
    expect(splitInlineTex(String.raw`put $\sqrt{v} + \epsilon$ outside, costs \$5`)).toEqual([
      { kind: 'text', text: 'put ' },
      { kind: 'tex', tex: String.raw`\sqrt{v} + \epsilon` },
      { kind: 'text', text: ' outside, costs $5' },
    ]);
    expect(() => splitInlineTex('a $b')).toThrow(/unclosed \$/);
  });
});

describe('term bus', () => {
  it('shows the hovered term over the pinned one, and tells listeners about pins', () => {
    const bus = createTermBus({ W: { label: 'filter bank' }, b: { label: 'bias' } });
    const heard: Array<[string | null, string | null]> = [];
    bus.subscribe((active) => heard.push([active, bus.pinned]));
    bus.togglePin('W');
    bus.highlight('b');
    bus.highlight(null);
    bus.togglePin('W');
    expect(heard).toEqual([
      [null, null],
      ['W', 'W'],
      ['b', 'W'],
      ['W', 'W'],
      [null, null],
    ]);
    expect(() => bus.label('Q')).toThrow(/"Q" is not declared/);
  });
});
