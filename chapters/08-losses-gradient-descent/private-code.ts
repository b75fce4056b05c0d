/**
 * The code view of src/notebook/code/code-view.ts for a function its module
 * does not export (crossEntropy and meanSquaredError in src/nn/loss.ts, which
 * the exported `loss` dispatches to): the same look, line numbers and term
 * links, the lines exactly as in the file. The platform's extractor finds
 * exported functions only; this one finds `function name` at the start of a
 * line and ends at its closing brace.
 */
import type { TermBus } from '../../src/notebook/index.ts';
import { highlightTypeScript } from '../../src/notebook/code/highlight.ts';
import { readTermMarkers } from '../../src/notebook/code/markers.ts';
import { linkTerm } from '../../src/viz/tex/term-link.ts';

export interface PrivateCodeSpec {
  readonly source: string;
  readonly file: string;
  readonly fn: string;
  readonly caption?: string;
}

/** The lines of `function fn(...) {...}` in `source` and the number of its first line. */
export function findFunction(source: string, fn: string): { code: string; startLine: number } {
  const lines = source.split('\n');
  const first = lines.findIndex((l) => new RegExp(`^function ${fn}\\b`).test(l));
  if (first < 0) throw new Error(`the source has no "function ${fn}"; was it renamed?`);
  const last = lines.findIndex((l, i) => i > first && l === '}');
  if (last < 0) throw new Error(`could not find the end of function ${fn}`);
  return { code: lines.slice(first, last + 1).join('\n'), startLine: first + 1 };
}

export function privateCode(container: HTMLElement, spec: PrivateCodeSpec, bus: TermBus): { node: HTMLElement; update(): void; dispose(): void } {
  const { code: text, startLine } = findFunction(spec.source, spec.fn);
  const marked = readTermMarkers(text);
  const tokens = highlightTypeScript(marked.map((l) => l.text).join('\n'));
  const disposers: Array<() => void> = [];
  const node = document.createElement('figure');
  node.className = 'code-view';
  const caption = document.createElement('figcaption');
  caption.className = 'code-view__caption';
  const title = document.createElement('span');
  title.className = 'code-view__title';
  const name = document.createElement('code');
  name.textContent = spec.fn;
  const file = document.createElement('span');
  file.className = 'code-view__file';
  file.textContent = `${spec.file}, line ${startLine}`;
  title.append(name, document.createTextNode(' in '), file);
  caption.append(title);
  if (spec.caption) {
    const note = document.createElement('span');
    note.className = 'code-view__note';
    note.textContent = spec.caption;
    caption.append(note);
  }
  const pre = document.createElement('pre');
  pre.className = 'code-view__pre';
  pre.tabIndex = 0;
  pre.setAttribute('aria-label', `Source of ${spec.fn} from ${spec.file}`);
  const code = document.createElement('code');
  code.className = 'hljs language-typescript';
  tokens.forEach((lineTokens, i) => {
    const line = document.createElement('span');
    line.className = 'code-line';
    line.dataset.line = String(startLine + i);
    for (const t of lineTokens) {
      if (t.classes.length === 0) line.append(document.createTextNode(t.text));
      else {
        const span = document.createElement('span');
        span.className = t.classes.join(' ');
        span.textContent = t.text;
        line.append(span);
      }
    }
    const terms = marked[i]?.terms ?? [];
    if (terms.length > 0) {
      line.classList.add('code-line--term');
      const tag = document.createElement('span');
      tag.className = 'code-line__marker';
      tag.setAttribute('aria-hidden', 'true');
      tag.textContent = terms.join(' ');
      line.append(tag);
      disposers.push(linkTerm(line, terms[0]!, bus));
      if (terms.length > 1) disposers.push(bus.subscribe((active) => line.classList.toggle('is-term-active', active !== null && terms.includes(active))));
    }
    code.append(line);
  });
  pre.append(code);
  node.append(caption, pre);
  container.append(node);
  return {
    node,
    update() {},
    dispose() {
      disposers.forEach((d) => d());
      node.remove();
    },
  };
}
