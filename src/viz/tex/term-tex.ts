/**
 * Term markup in TeX sources, without DOM. A chapter writes
 *   \term{W}{W^m} H^{m-1}
 * and `markTerms` turns every \term{key}{body} into
 *   \textcolor{#0a0001}{{body}}
 * with one sentinel colour per key. KaTeX (with trust: false, so no
 * \htmlClass) renders that colour on the span wrapping the term; after
 * rendering, `link-terms.ts` finds those spans by colour, strips the colour and
 * links them to the term bus. The inner braces make KaTeX wrap the whole term
 * in one span (an ordgroup) instead of colouring each symbol apart.
 */

export interface MarkedTex {
  /** TeX for KaTeX, with sentinel colours in place of \term. */
  readonly tex: string;
  /** Sentinel colour as the DOM reports it ('rgb(10, 0, 1)') -> term key. */
  readonly colours: ReadonlyMap<string, string>;
  /** Term keys in order of first appearance. */
  readonly terms: readonly string[];
}

const COMMAND = '\\term';
const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** The red channel of every sentinel; no colour a chapter would pick on purpose. */
const SENTINEL_RED = 10;

/** Index of the brace closing the group opened at `open` (tex[open] === '{'), honouring \{ and \}. */
function closingBrace(tex: string, open: number): number {
  let depth = 0;
  for (let i = open; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

function sentinelHex(index: number): string {
  const hex = (n: number): string => n.toString(16).padStart(2, '0');
  return `#${hex(SENTINEL_RED)}${hex(index >> 8)}${hex(index & 0xff)}`;
}

function sentinelRgb(index: number): string {
  return `rgb(${SENTINEL_RED}, ${index >> 8}, ${index & 0xff})`;
}

/** Reads one braced argument starting at `at` (spaces allowed before it). */
function argument(tex: string, at: number, what: string): { text: string; end: number } {
  let i = at;
  while (tex[i] === ' ') i++;
  if (tex[i] !== '{') throw new Error(`\\term needs ${what} in braces at position ${i} of: ${tex}`);
  const close = closingBrace(tex, i);
  if (close < 0) throw new Error(`unbalanced braces in ${what} of \\term at position ${i} of: ${tex}`);
  return { text: tex.slice(i + 1, close), end: close + 1 };
}

/** Replaces every \term{key}{body}; terms may not nest. Throws for malformed markup (a chapter bug). */
export function markTerms(tex: string): MarkedTex {
  const keys: string[] = [];
  const colours = new Map<string, string>();
  let out = '';
  let from = 0;
  for (;;) {
    const at = tex.indexOf(COMMAND, from);
    // \termination or the like is not our command: it must be followed by a brace.
    if (at < 0) break;
    const after = tex[at + COMMAND.length];
    if (after !== '{' && after !== ' ') {
      out += tex.slice(from, at + COMMAND.length);
      from = at + COMMAND.length;
      continue;
    }
    const key = argument(tex, at + COMMAND.length, 'a key');
    const body = argument(tex, key.end, 'a body');
    if (!KEY.test(key.text)) throw new Error(`\\term key "${key.text}" must be a name like W or H-prev`);
    if (body.text.includes(COMMAND)) throw new Error(`\\term{${key.text}} contains another \\term; terms cannot nest`);
    let index = keys.indexOf(key.text);
    if (index < 0) {
      keys.push(key.text);
      index = keys.length - 1;
      colours.set(sentinelRgb(index + 1), key.text);
    }
    out += `${tex.slice(from, at)}\\textcolor{${sentinelHex(index + 1)}}{{${body.text}}}`;
    from = body.end;
  }
  out += tex.slice(from);
  return { tex: out, colours, terms: keys };
}

/** Whether a DOM colour string is one of our sentinels (to strip it even if unmapped). */
export function isSentinelColour(colour: string): boolean {
  return colour.startsWith(`rgb(${SENTINEL_RED}, `);
}
