import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFunction } from '../../src/notebook/code/extract.ts';
import { readTermMarkers } from '../../src/notebook/code/markers.ts';

const SOURCE = `import x from 'y';

/** Unrelated. */
export function before(): void {}

/**
 * Adds.
 * Braces in docs: { are fine }
 */
export function target({ a, b }: { a: number; b: number }): { sum: number } {
  const open = '{';
  const tpl = \`\${a} { \${ { b }.b } \`;
  const re = /[{}]+/g; // a } in a comment
  /* and { here */
  if (a > b) {
    return { sum: a + b + open.length + tpl.length + re.source.length };
  }
  return { sum: a - b };
}

export function after(): number {
  return 1;
}
`;

describe('extractFunction', () => {
  it('takes the function with its JSDoc, through strings, templates, regexes and comments with braces', () => {
    const fn = extractFunction(SOURCE, 'target');
    expect(fn.code.startsWith('/**\n * Adds.')).toBe(true);
    expect(fn.code.endsWith('  return { sum: a - b };\n}')).toBe(true);
    expect(fn.startLine).toBe(6);
    expect(SOURCE.split('\n')[fn.startLine - 1]).toBe('/**');
  });

  it('does not take a function whose name only starts the same', () => {
    expect(extractFunction('export function targetMore() {\n  return 1;\n}\nexport function target() {\n  return 2;\n}\n', 'target').code).toBe(
      'export function target() {\n  return 2;\n}',
    );
  });

  it('says which function is missing (a renamed function makes the page fail loudly)', () => {
    expect(() => extractFunction(SOURCE, 'gone')).toThrow(/no "export function gone"; was it renamed\?/);
  });

  it('extracts the real outputSize (eq. 2) from src/tensor', () => {
    const source = readFileSync(new URL('../../src/tensor/output-size.ts', import.meta.url), 'utf8');
    const fn = extractFunction(source, 'outputSize');
    expect(fn.code).toMatch(/^\/\*\*[\s\S]*export function outputSize[\s\S]*return \[out\[0\]!, out\[1\]!, out\[2\]!\];\n}$/);
  });
});

describe('extractFunction of a function the module does not export', () => {
  const loss = readFileSync(new URL('../../src/nn/loss.ts', import.meta.url), 'utf8');

  it('finds crossEntropy and meanSquaredError in src/nn/loss.ts: their lines as in the file, from the declaration to the closing brace', () => {
    for (const name of ['crossEntropy', 'meanSquaredError']) {
      const { code, startLine } = extractFunction(loss, name, { exported: false });
      const lines = loss.split('\n');
      expect(lines[startLine - 1]).toMatch(new RegExp(`^function ${name}\\(`));
      expect(code.split('\n')).toEqual(lines.slice(startLine - 1, startLine - 1 + code.split('\n').length));
      expect(code.endsWith('\n}')).toBe(true);
      expect(code).toMatch(/term: dL/);
    }
  });

  it('takes a private function with its JSDoc, and only the private one of that name', () => {
    const source = '/** Private. */\nfunction inner(a: number): number {\n  return { a }.a;\n}\n\nexport function outer(): number {\n  return inner(1);\n}\n';
    expect(extractFunction(source, 'inner', { exported: false })).toEqual({ name: 'inner', code: '/** Private. */\nfunction inner(a: number): number {\n  return { a }.a;\n}', startLine: 1 });
    expect(() => extractFunction(source, 'inner')).toThrow(/no "export function inner"/);
    expect(() => extractFunction(source, 'outer', { exported: false })).toThrow(/no "function outer"/);
  });

  it('says which private function is missing', () => {
    expect(() => extractFunction(loss, 'hinge', { exported: false })).toThrow(/no "function hinge"; was it renamed\?/);
  });
});

describe('readTermMarkers', () => {
  it('strips trailing term markers and keeps their terms', () => {
    expect(readTermMarkers("  layers.push(conv); // term: W\n  x += 1;\n  y(); //term: BN, g  ")).toEqual([
      { text: '  layers.push(conv);', terms: ['W'] },
      { text: '  x += 1;', terms: [] },
      { text: '  y();', terms: ['BN', 'g'] },
    ]);
  });

  it('leaves ordinary comments alone', () => {
    expect(readTermMarkers('x(); // the term: is here?')[0]!.terms).toEqual([]);
  });
});
