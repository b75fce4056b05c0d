/**
 * Escaping for the few HTML strings the build writes (the page shell from the
 * chapter registry). Only our own registry text passes through here; nothing
 * from a URL or a reader is ever turned into HTML.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
