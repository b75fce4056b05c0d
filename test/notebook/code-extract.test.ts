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
