/**
 * The visible, polite message listing the URL parameters that were ignored.
 * Built with textContent only: the names it shows are control labels or plain
 * identifiers (url-state.ts), never raw text from the URL.
 */
import type { IgnoredParameter } from './url-state.ts';

export function urlNotice(ignored: readonly IgnoredParameter[]): HTMLElement {
  const node = document.createElement('div');
  node.className = 'url-notice';
  node.setAttribute('role', 'status');
  const title = document.createElement('p');
  title.className = 'url-notice__title';
  title.textContent =
    ignored.length === 1 ? 'One setting in this link was ignored' : `${ignored.length} settings in this link were ignored`;
  const list = document.createElement('ul');
  list.className = 'url-notice__list';
  for (const { name, reason } of ignored) {
    const item = document.createElement('li');
    item.textContent = `${name} ${reason}.`;
    list.append(item);
  }
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'button button--quiet url-notice__dismiss';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => node.remove());
  node.append(title, list, dismiss);
  return node;
}
