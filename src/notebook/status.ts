/**
 * The page's status line: what is computing and how far along (a training
 * run, a long update). A polite live region, so screen readers hear it
 * without being interrupted.
 */
export interface StatusHandle {
  readonly node: HTMLElement;
  /** Something is computing: 'Updating the diagram…'. */
  busy(text: string): void;
  /** A measurable task: progress(3, 20, 'Epoch 3 of 20'). */
  progress(value: number, max: number, text: string): void;
  /** Finished: the text stays until the next change. */
  done(text: string): void;
  clear(): void;
}

export function createStatus(container: HTMLElement): StatusHandle {
  const node = document.createElement('div');
  node.className = 'status';
  node.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.className = 'status__text';
  const bar = document.createElement('progress');
  bar.className = 'status__progress';
  bar.hidden = true;
  bar.setAttribute('aria-hidden', 'true');
  node.append(text, bar);
  node.hidden = true;
  container.append(node);

  const set = (message: string, state: 'busy' | 'done' | 'progress'): void => {
    node.hidden = false;
    node.dataset.state = state;
    text.textContent = message;
  };
  return {
    node,
    busy(message) {
      bar.hidden = true;
      set(message, 'busy');
    },
    progress(value, max, message) {
      bar.hidden = false;
      bar.max = max;
      bar.value = Math.min(Math.max(value, 0), max);
      set(message, 'progress');
    },
    done(message) {
      bar.hidden = true;
      set(message, 'done');
    },
    clear() {
      node.hidden = true;
      text.textContent = '';
    },
  };
}
