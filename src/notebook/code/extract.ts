/**
 * Finds one function, exported or not, in a TypeScript source text (imported with
 * Vite's `?raw`), so a chapter shows the code that actually runs rather than a
 * copy that can drift. Takes the JSDoc block right above the function too.
 *
 * The scan skips strings, template literals (with nested ${...}), comments
 * and regular expression literals while counting braces. The function ends at
 * the brace that closes its body: the first one that brings the depth back to
 * zero at the end of a line (a return type like `): { a: number } {` closes a
 * brace too, but mid-line).
 */

export interface ExtractedFunction {
  readonly name: string;
  /** The function's text, from its JSDoc (if any) to its closing brace. */
  readonly code: string;
  /** 1-based line of the first line of `code` in the source, for line numbers. */
  readonly startLine: number;
}

function lineOf(source: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** Where a regular expression literal may start: after these, '/' is not division. */
const REGEX_AFTER = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);

function previousSignificant(source: string, index: number): string {
  let i = index - 1;
  while (i >= 0 && /\s/.test(source[i]!)) i--;
  if (i < 0) return '';
  // `return /re/` and `typeof /re/`: a keyword, not an operand.
  const word = /[A-Za-z_$]+$/.exec(source.slice(Math.max(0, i - 10), i + 1));
  if (word && ['return', 'typeof', 'case', 'in', 'of', 'yield', 'await'].includes(word[0])) return '';
  return source[i]!;
}

/** Index just past the end of the string/template/comment/regex starting at `i`, or -1 if none starts there. */
function skipLiteral(source: string, i: number): number {
  const c = source[i];
  const next = source[i + 1];
  if (c === '/' && next === '/') {
    const end = source.indexOf('\n', i);
    return end < 0 ? source.length : end;
  }
  if (c === '/' && next === '*') {
    const end = source.indexOf('*/', i + 2);
    return end < 0 ? source.length : end + 2;
  }
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < source.length && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  if (c === '`') return skipTemplate(source, i + 1);
  if (c === '/' && REGEX_AFTER.has(previousSignificant(source, i))) {
    let j = i + 1;
    let inClass = false;
    while (j < source.length && source[j] !== '\n') {
      const d = source[j];
      if (d === '\\') j++;
      else if (d === '[') inClass = true;
      else if (d === ']') inClass = false;
      else if (d === '/' && !inClass) return j + 1;
      j++;
    }
    return -1;
  }
  return -1;
}

/** From just inside a template literal to just past its closing backtick, through nested ${ ... }. */
function skipTemplate(source: string, from: number): number {
  let j = from;
  while (j < source.length) {
    const d = source[j];
    if (d === '\\') {
      j += 2;
      continue;
    }
    if (d === '`') return j + 1;
    if (d === '$' && source[j + 1] === '{') {
      j = skipBraces(source, j + 1) + 1;
      continue;
    }
    j++;
  }
  return source.length;
}

/** Index of the brace closing the one at `open`, skipping literals. */
function skipBraces(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const past = skipLiteral(source, i);
    if (past >= 0) {
      i = past - 1;
      continue;
    }
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return i;
  }
  return source.length - 1;
}

function restOfLineIsEmpty(source: string, index: number): boolean {
  const end = source.indexOf('\n', index);
  const rest = source.slice(index + 1, end < 0 ? source.length : end).trim();
  return rest === '' || rest.startsWith('//');
}

/**
 * The function `name` of `source`, exported by default; with `exported: false`, one the
 * module keeps to itself (a helper its exported functions call).
 */
export function extractFunction(source: string, name: string, { exported = true }: { exported?: boolean } = {}): ExtractedFunction {
  const keyword = exported ? 'export function' : 'function';
  const declaration = new RegExp(`^${exported ? 'export ' : ''}(?:async )?function\\*? ?${name}\\b`, 'm').exec(source);
  if (!declaration) throw new Error(`the source has no "${keyword} ${name}"; was it renamed?`);
  let start = declaration.index;
  // Include the JSDoc block that ends on the line right above.
  const before = source.slice(0, start).replace(/\s+$/, '');
  if (before.endsWith('*/')) {
    const open = before.lastIndexOf('/**');
    if (open >= 0 && !before.slice(open, -2).includes('*/')) start = open;
  }

  let depth = 0;
  for (let i = declaration.index; i < source.length; i++) {
    const past = skipLiteral(source, i);
    if (past >= 0) {
      i = past - 1;
      continue;
    }
    const c = source[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0 && restOfLineIsEmpty(source, i)) {
        return { name, code: source.slice(start, i + 1), startLine: lineOf(source, start) };
      }
    }
  }
  throw new Error(`could not find the end of function ${name}: unbalanced braces`);
}
