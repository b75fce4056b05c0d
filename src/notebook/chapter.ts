/**
 * A chapter page's entry point:
 *
 *   startChapter({ terms: TERMS }, (nb) => {
 *     nb.range('blocks', { ... });
 *     nb.display('shapes', ['blocks'], (blocks) => ...);
 *   });
 *
 * Wires the header's display preferences, runs the chapter's declarations,
 * then applies the URL. A mistake in the declarations (a missing slot, a
 * control with an impossible default) is shown at the top of the page and
 * logged, instead of leaving a half-built page without a word.
 */
import '../../assets/site.css';
import '../../assets/notebook.css';
import { AtlasError } from '../tensor/errors.ts';
import type { TermCatalog } from '../viz/tex/term-bus.ts';
import { errorNode } from './cell-error.ts';
import { createNotebook, type Notebook } from './notebook.ts';
import { installDisplayPreferences } from './theme.ts';

export interface ChapterOptions {
  /** Every term the chapter's equations, code and views name. */
  readonly terms?: TermCatalog;
}

export function startChapter(options: ChapterOptions, declare: (nb: Notebook) => void): Notebook {
  installDisplayPreferences();
  const notebook = createNotebook({ terms: options.terms });
  try {
    declare(notebook);
    notebook.start();
  } catch (error) {
    const main = document.querySelector('main') ?? document.body;
    const node = errorNode(error);
    node.classList.add('cell-error--page');
    main.prepend(node);
    // errorNode logs other errors; a core error while declaring is a chapter bug too.
    if (error instanceof AtlasError) console.error(error);
  }
  return notebook;
}
