/**
 * No reader or URL data ever becomes markup: the site's source (src/,
 * chapters/, public/) may not use an HTML sink — innerHTML, outerHTML,
 * insertAdjacentHTML, document.write, d3's selection.html(), Range's
 * createContextualFragment, setHTMLUnsafe, DOMParser, iframe srcdoc — nor
 * turn text into code (eval, new Function, string timers). The only
 * exceptions are constant strings listed in ALLOWED, each with its reason; a
 * sink fed anything but a constant fails whatever the list says.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SCANNED = ['src', 'chapters', 'public'];
const EXTENSIONS = /\.(?:ts|js|mjs|html)$/;

interface Sink {
  readonly file: string;
  readonly line: number;
  readonly sink: string;
  /** The argument or assigned value, as written. */
  readonly value: string;
}

/** Constant uses that are allowed: file, sink and value exactly, and why. None today. */
const ALLOWED: ReadonlyArray<{ file: string; sink: string; value: string; reason: string }> = [];

const SINKS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'innerHTML', pattern: /\.innerHTML\s*(?:\+?=)\s*([^;\n]+)/g },
  { name: 'outerHTML', pattern: /\.outerHTML\s*(?:\+?=)\s*([^;\n]+)/g },
  { name: 'insertAdjacentHTML', pattern: /\.insertAdjacentHTML\s*\(([^;\n]+)\)/g },
  { name: 'document.write', pattern: /\bdocument\s*\.\s*write(?:ln)?\s*\(([^;\n]+)\)/g },
  { name: 'selection.html', pattern: /\.html\s*\(([^;\n)]+)\)/g },
  { name: 'createContextualFragment', pattern: /\.createContextualFragment\s*\(([^;\n]+)\)/g },
  { name: 'setHTMLUnsafe', pattern: /\.(?:setHTMLUnsafe|parseHTMLUnsafe)\s*\(([^;\n]+)\)/g },
  { name: 'DOMParser', pattern: /\bnew\s+DOMParser\s*\(()/g },
  { name: 'srcdoc', pattern: /\.srcdoc\s*=\s*([^;\n]+)/g },
  { name: 'eval', pattern: /(?<![\w.])eval\s*\(([^;\n]+)\)/g },
  { name: 'new Function', pattern: /\bnew\s+Function\s*\(([^;\n]*)\)/g },
  { name: 'string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*(['"`][^;\n]*)/g },
];

/** Source without comments (line and block), keeping line numbers. */
function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/<!--[\s\S]*?-->/g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function findSinks(file: string, source: string): Sink[] {
  const code = stripComments(source);
  const found: Sink[] = [];
  for (const { name, pattern } of SINKS) {
    for (const match of code.matchAll(pattern)) {
      const line = code.slice(0, match.index).split('\n').length;
      found.push({ file, line, sink: name, value: (match[1] ?? '').trim() });
    }
  }
  return found;
}

/** A single string literal with no interpolation: the only kind of value an exception may have. */
function isConstant(value: string): boolean {
  return /^'[^'\\]*'$|^"[^"\\]*"$|^`[^`$\\]*`$/.test(value.replace(/,\s*$/, '').trim());
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : EXTENSIONS.test(name) ? [path] : [];
  });
}

describe('the scanner', () => {
  it('finds each sink, ignores comments and tells constants from data', () => {
    const sample = [
      "el.innerHTML = '<b>hi</b>';",
      'el.innerHTML = `<p>${name}</p>`;',
      "node.insertAdjacentHTML('beforeend', html);",
      'document.write(text)',
      "d3.select(x).html(label)",
      'const f = new Function("return 1");',
      "setTimeout('go()', 10);",
      'eval(code)',
      '// el.innerHTML = commented out',
      '/* el.outerHTML = x */',
      'const url = "http://example.com"; el.textContent = url;',
    ].join('\n');
    const sinks = findSinks('sample.ts', sample);
    expect(sinks.map((s) => `${s.line} ${s.sink}`)).toEqual(
      expect.arrayContaining(['1 innerHTML', '2 innerHTML', '3 insertAdjacentHTML', '4 document.write', '5 selection.html', '6 new Function', '7 string timer', '8 eval']),
    );
    expect(sinks).toHaveLength(8);
    expect(isConstant(sinks.find((s) => s.line === 1)!.value)).toBe(true);
    expect(isConstant(sinks.find((s) => s.line === 2)!.value)).toBe(false);
    expect(isConstant('label')).toBe(false);
    expect(isConstant("'a' + b")).toBe(false);
  });
});

describe('HTML sinks in the site', () => {
  const all = SCANNED.flatMap((dir) => files(join(ROOT, dir))).flatMap((path) => findSinks(relative(ROOT, path), readFileSync(path, 'utf8')));

  it('scans the whole site', () => {
    expect(SCANNED.flatMap((dir) => files(join(ROOT, dir))).length).toBeGreaterThan(100);
  });

  it('uses none with data, and only the listed constant ones', () => {
    const refused = all.filter((s) => !isConstant(s.value) || !ALLOWED.some((a) => a.file === s.file && a.sink === s.sink && a.value === s.value));
    expect(refused.map((s) => `${s.file}:${s.line} ${s.sink} ${s.value}`)).toEqual([]);
  });

  it('lists no exception that is no longer needed, and gives each a reason', () => {
    for (const a of ALLOWED) {
      expect(a.reason.length, `${a.file} ${a.sink}`).toBeGreaterThan(20);
      expect(all.some((s) => s.file === a.file && s.sink === a.sink && s.value === a.value), `${a.file} ${a.sink} is still used`).toBe(true);
    }
  });
});
