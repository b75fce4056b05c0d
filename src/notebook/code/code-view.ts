/**
 * The live code beside a tensor: one function taken from the real source file
 * (an exported one, or with `exported: false` a helper the module keeps to
 * itself), highlighted, with line numbers from that file. Lines marked
 * `// term: W` are linked to the term bus: hovering the line highlights W in
 * the equations and views, and W highlighted anywhere marks the line. The
 * marker itself is shown as a small tag at the end of the line.
 */
import type { TermBus } from '../../viz/tex/term-bus.ts';
import { linkTerm } from '../../viz/tex/term-link.ts';
import { extractFunction } from './extract.ts';
import { highlightTypeScript } from './highlight.ts';
import { readTermMarkers } from './markers.ts';

export interface CodeSpec {
  /** The file's text, from `import source from '../../src/x.ts?raw'`. */
  readonly source: string;
  /** The path shown above the code: 'src/tensor/output-size.ts'. */
  readonly file: string;
  /** The function to show. */
  readonly fn: string;
  /**
   * false: `fn` is a function the module does not export (a helper its exported
   * functions call, like crossEntropy in src/nn/loss.ts). Default true.
   */
  readonly exported?: boolean;
  /** One sentence under the title: what to look at. */
  readonly caption?: string;
}

export interface CodeHandle {
  readonly node: HTMLElement;
  dispose(): void;
}

function lineElement(tokens: ReturnType<typeof highlightTypeScript>[number], number: number): HTMLElement {
  const line = document.createElement('span');
  line.className = 'code-line';
  line.dataset.line = String(number);
  for (const token of tokens) {
    if (token.classes.length === 0) {
      line.append(document.createTextNode(token.text));
      continue;
    }
    const span = document.createElement('span');
    span.className = token.classes.join(' ');
    span.textContent = token.text;
    line.append(span);
  }
  return line;
}

export function codeView(container: HTMLElement, spec: CodeSpec, bus?: TermBus): CodeHandle {
  const extracted = extractFunction(spec.source, spec.fn, { exported: spec.exported ?? true });
  const marked = readTermMarkers(extracted.code);
  const lines = highlightTypeScript(marked.map((l) => l.text).join('\n'));
  const disposers: Array<() => void> = [];

  const node = document.createElement('figure');
  node.className = 'code-view';
  const caption = document.createElement('figcaption');
  caption.className = 'code-view__caption';
  const title = document.createElement('span');
  title.className = 'code-view__title';
  const fnName = document.createElement('code');
  fnName.textContent = spec.fn;
  const file = document.createElement('span');
  file.className = 'code-view__file';
  file.textContent = `${spec.file}, line ${extracted.startLine}`;
  title.append(fnName, document.createTextNode(' in '), file);
  caption.append(title);
  if (spec.caption) {
    const note = document.createElement('span');
    note.className = 'code-view__note';
    note.textContent = spec.caption;
    caption.append(note);
  }

  const pre = document.createElement('pre');
  pre.className = 'code-view__pre';
  // Scrollable sideways on narrow screens: focusable so the keyboard can scroll it.
  pre.tabIndex = 0;
  pre.setAttribute('aria-label', `Source of ${spec.fn} from ${spec.file}`);
  const code = document.createElement('code');
  code.className = 'hljs language-typescript';
  lines.forEach((tokens, i) => {
    const line = lineElement(tokens, extracted.startLine + i);
    const terms = marked[i]?.terms ?? [];
    if (terms.length > 0) {
      line.classList.add('code-line--term');
      const tag = document.createElement('span');
      tag.className = 'code-line__marker';
      tag.setAttribute('aria-hidden', 'true');
      tag.textContent = terms.join(' ');
      line.append(tag);
      if (bus) {
        // A line may name several terms; it links to the first and lights up for any.
        disposers.push(linkTerm(line, terms[0]!, bus));
        if (terms.length > 1) {
          disposers.push(bus.subscribe((active) => line.classList.toggle('is-term-active', active !== null && terms.includes(active))));
        }
      }
    }
    // Lines are blocks (a highlighted line spans the width); copying still yields newlines.
    code.append(line);
  });
  pre.append(code);
  node.append(caption, pre);
  container.append(node);
  return {
    node,
    dispose() {
      disposers.forEach((dispose) => dispose());
      node.remove();
    },
  };
}
