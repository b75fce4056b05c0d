/**
 * The term bus: one per page. An equation term (W^m), the code lines that
 * compute it and the parts of a view that show it all name the same term
 * ('W'); hovering or focusing any of them highlights the others.
 *
 * Two layers of state: a transient highlight (pointer or focus on a term) and
 * a pinned term (a click or Enter keeps it shown). Listeners receive the
 * effective term: the transient one if any, else the pinned one.
 */
export type TermListener = (term: string | null) => void;

export interface TermDefinition {
  /** What the term names, for screen readers and tooltips: 'the filter bank W^m of layer m'. */
  readonly label: string;
}

export type TermCatalog = Readonly<Record<string, TermDefinition>>;

export interface TermBus {
  readonly catalog: TermCatalog;
  /** The term shown now (transient, else pinned), or null. */
  readonly active: string | null;
  readonly pinned: string | null;
  /** Show `term` while a pointer or focus is on it; null when it leaves. */
  highlight(term: string | null): void;
  /** Keep `term` shown; pinning the pinned term again releases it. */
  togglePin(term: string): void;
  /** Called now with the active term, then on every change; returns the unsubscribe. */
  subscribe(listener: TermListener): () => void;
  /** The label of a term; throws for a term the page did not declare (a typo in a chapter). */
  label(term: string): string;
}

export function createTermBus(catalog: TermCatalog = {}): TermBus {
  const listeners = new Set<TermListener>();
  let transient: string | null = null;
  let pinned: string | null = null;
  let last: string | null = null;
  let lastPinned: string | null = null;

  const effective = (): string | null => transient ?? pinned;
  // Listeners hear about the pinned term too: a pinned control shows aria-pressed.
  const notify = (): void => {
    const now = effective();
    if (now === last && pinned === lastPinned) return;
    last = now;
    lastPinned = pinned;
    for (const listener of [...listeners]) listener(now);
  };

  return {
    catalog,
    get active() {
      return effective();
    },
    get pinned() {
      return pinned;
    },
    highlight(term) {
      transient = term;
      notify();
    },
    togglePin(term) {
      pinned = pinned === term ? null : term;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(effective());
      return () => listeners.delete(listener);
    },
    label(term) {
      const definition = catalog[term];
      if (!definition) {
        throw new Error(`the term "${term}" is not declared; declare it in the chapter's term catalog (${Object.keys(catalog).join(', ') || 'none yet'})`);
      }
      return definition.label;
    },
  };
}
