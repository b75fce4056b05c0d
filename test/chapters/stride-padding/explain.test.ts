import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { axisSentence, numberRows, sameSentence, substitutedTex } from '../../../chapters/03-stride-padding/explain.ts';
import { PRESETS, sameSettings } from '../../../chapters/03-stride-padding/presets.ts';
import { axisArithmetic, configure, strideScene, type AxisSettings } from '../../../chapters/03-stride-padding/stride-padding.ts';
import { markTerms } from '../../../src/viz/tex/term-tex.ts';

const axis = (input: number, filter: number, stride: number, padding: number): AxisSettings => ({ input, filter, stride, padding });
const renders = (tex: string): void => {
  katex.renderToString(markTerms(tex).tex, { throwOnError: true, strict: 'error', displayMode: true });
};

describe('the substituted equation', () => {
  it('shows the numbers, each step and the result', () => {
    const tex = substitutedTex(axisArithmetic('x', true, axis(7, 3, 2, 0)));
    expect(tex).toContain(String.raw`\term{hprev}{7} - \term{w}{3} + 2 \cdot \term{p}{0}`);
    expect(tex).toContain(String.raw`&= \dfrac{4}{2} + 1 = 2 + 1 = \term{h}{3}`);
    renders(tex);
  });

  it('keeps the floor when the stride does not divide', () => {
    const tex = substitutedTex(axisArithmetic('y', true, axis(8, 3, 2, 0)));
    expect(tex).toContain(String.raw`\left\lfloor \dfrac{5}{2} \right\rfloor + 1 = 2 + 1 = \term{h}{3}`);
    renders(tex);
  });

  it('shows an impossible axis with its numbers, marked below 1', () => {
    const tex = substitutedTex(axisArithmetic('z', true, axis(2, 5, 1, 1)));
    expect(tex).toContain(String.raw`\dfrac{-1}{1} + 1 = -1 + 1 = 0 < 1`);
    renders(tex);
  });
});

describe('the sentences', () => {
  it('say how many positions are dropped and what they are', () => {
    expect(axisSentence(axisArithmetic('x', true, axis(8, 3, 2, 0)))).toMatch(/the last position of the padded input \(an input cell\) is never reached/);
    expect(axisSentence(axisArithmetic('y', true, axis(6, 3, 2, 1)))).toMatch(/\(a padding cell\)/);
    expect(axisSentence(axisArithmetic('z', true, axis(11, 2, 4, 1)))).toMatch(/last 3 positions .*\(2 cells of the input and 1 cell of padding\) are never reached/);
  });

  it('say when the stride skips cells between windows', () => {
    expect(axisSentence(axisArithmetic('x', true, axis(8, 2, 3, 0)))).toMatch(/1 cell between neighbouring windows is skipped/);
  });

  it('explain an impossible axis in words', () => {
    expect(axisSentence(axisArithmetic('x', true, axis(2, 5, 1, 1)))).toMatch(/window is larger than the padded input.*no output can be made/);
  });

  it('check the "same" condition, for odd and even filters', () => {
    expect(sameSentence(axisArithmetic('x', true, axis(5, 3, 1, 1)))).toMatch(/the "same" padding: with stride 1, .* the size is kept/);
    expect(sameSentence(axisArithmetic('x', true, axis(7, 3, 2, 1)))).toMatch(/the stride of 2 makes 4/);
    expect(sameSentence(axisArithmetic('x', true, axis(7, 5, 1, 1)))).toMatch(/= 5\$, not 7; the size is kept only with \$p_x = \(5 - 1\)\/2 = 2\$/);
    expect(sameSentence(axisArithmetic('x', true, axis(7, 4, 1, 2)))).toMatch(/an even number, so no symmetric padding keeps 7 cells: \$p_x = 2\$ gives 8, \$p_x = 1\$ gives 6/);
  });

  it('state the cost with stride against stride 1', () => {
    const scene = strideScene(configure(2, [axis(7, 3, 2, 0), axis(7, 3, 2, 0), axis(1, 1, 1, 0)]));
    const g = scene.geometry;
    const rows = numberRows(scene.counts, { input: g.input, padded: scene.padded, window: g.window, output: g.output });
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r]));
    expect(byLabel['Output H']!.value).toBe('3 × 3 × 1 × 1');
    expect(byLabel['Output H']!.detail).toBe('9 cells, 25 with stride 1 along every axis: 2.78 times fewer');
    expect(byLabel['Multiply-adds']!.value).toBe('81');
  });
});

describe('the presets', () => {
  const current = () => axis(6, 4, 3, 0);

  it('set Figure 4 and Figure 5 on a 2D input', () => {
    const fig4 = PRESETS.find((p) => p.key === 'figure-4')!.settings(3, current);
    expect(fig4).toEqual({ dims: 2, axes: { x: axis(7, 3, 2, 0), y: axis(7, 3, 2, 0) } });
    const fig5 = PRESETS.find((p) => p.key === 'figure-5')!.settings(1, current);
    expect(fig5.axes.x).toEqual(axis(5, 3, 1, 1));
  });

  it('make "same" padding keep every used axis at its size', () => {
    const same = PRESETS.find((p) => p.key === 'same')!.settings(2, current);
    expect(Object.keys(same.axes)).toEqual(['x', 'y']);
    for (const s of Object.values(same.axes)) expect(axisArithmetic('x', true, s!).output).toBe(6);
    for (let w = 1; w <= 7; w++) expect(axisArithmetic('x', true, sameSettings(axis(9, w, 4, 0))).output).toBe(9);
  });
});

describe('the text alternatives', () => {
  it('state the shapes, the positions and the value ranges the views show', async () => {
    const { describeAxes, describeInput, describeOutput } = await import('../../../chapters/03-stride-padding/describe.ts');
    const scene = strideScene(configure(2, [axis(8, 2, 3, 0), axis(5, 3, 1, 1), axis(1, 1, 1, 0)]));
    expect(describeInput(scene)).toBe(
      'Padded input 8 × 7 cells: the input, 8 × 5 cells, with padding 0 × 1 on each side. 15 window positions of 2 × 3 cells; each cell is read by 0 to 3 of them, and 10 input cells by none.',
    );
    expect(describeOutput(scene)).toBe('Output H 3 × 5 × 1: 15 cells, each seeing 4 to 6 input cells of its 6-cell window.');
    expect(describeAxes(scene)).toBe(
      'Along x: 8 padded cells, windows starting at 0, 3, 6, 3 outputs, 0 dropped. Along y: 7 padded cells, windows starting at 0, 1, 2, 3, 4, 5 outputs, 0 dropped.',
    );
  });
});
