import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findFunction } from '../../../chapters/08-losses-gradient-descent/private-code.ts';

const source = readFileSync(new URL('../../../src/nn/loss.ts', import.meta.url), 'utf8');

describe('finding a function the module does not export', () => {
  it('returns its lines as in the file, from the declaration to the closing brace, with the first line number', () => {
    for (const fn of ['crossEntropy', 'meanSquaredError']) {
      const { code, startLine } = findFunction(source, fn);
      const lines = source.split('\n');
      expect(lines[startLine - 1]).toMatch(new RegExp(`^function ${fn}\\(`));
      expect(code.split('\n')).toEqual(lines.slice(startLine - 1, startLine - 1 + code.split('\n').length));
      expect(code.endsWith('\n}')).toBe(true);
      expect(code).toMatch(/term: dL/);
    }
  });

  it('says so when the function is not there', () => {
    expect(() => findFunction(source, 'hinge')).toThrow(/no "function hinge"/);
  });
});
