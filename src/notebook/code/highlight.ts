/**
 * Syntax highlighting with highlight.js (core + TypeScript only, a small
 * bundle), turned into per-line token lists so the code view builds DOM nodes
 * itself: no HTML string reaches the page, and a token spanning lines (a
 * block comment) is split into one piece per line, so each line is its own
 * element that can be linked to a term.
 *
 * highlight.js escapes the source and emits only <span class="hljs-..."> and
 * </span> around it; anything else in its output is a bug and throws.
 */
import hljs from 'highlight.js/lib/core';
import typescript from 'highlight.js/lib/languages/typescript';

hljs.registerLanguage('typescript', typescript);

export interface Token {
  readonly text: string;
  /** hljs classes from the outermost to the innermost span: ['hljs-function', 'hljs-title']. */
  readonly classes: readonly string[];
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };
const TAG = /<span class="([\w\s-]+)">|<\/span>|&(?:amp|lt|gt|quot|#x27|#39);|[<&]/g;

/** hljs's HTML to lines of tokens. Exported for tests. */
export function tokensFromHighlightHtml(html: string): Token[][] {
  const lines: Token[][] = [[]];
  const stack: string[][] = [];
  const classes = (): string[] => stack.flat();
  const pushText = (text: string): void => {
    const parts = text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ text: part, classes: classes() });
    });
  };
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    pushText(html.slice(last, match.index));
    last = match.index + match[0].length;
    const [whole, cls] = match;
    if (cls !== undefined) stack.push(cls.split(/\s+/));
    else if (whole === '</span>') stack.pop();
    else if (whole in ENTITIES) pushText(ENTITIES[whole]!);
    else throw new Error(`unexpected markup in highlighted code near ${JSON.stringify(html.slice(match.index, match.index + 20))}`);
  }
  pushText(html.slice(last));
  return lines;
}

export function highlightTypeScript(code: string): Token[][] {
  return tokensFromHighlightHtml(hljs.highlight(code, { language: 'typescript', ignoreIllegals: true }).value);
}
