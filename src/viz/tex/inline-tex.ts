/**
 * Splits prose with inline math, 'put $\sqrt{\hat V_t} + \epsilon$ outside',
 * into text and TeX pieces (no DOM). A backslash-escaped \$ is a dollar sign.
 */
export type ProsePiece = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'tex'; readonly tex: string };

export function splitInlineTex(prose: string): ProsePiece[] {
  const pieces: ProsePiece[] = [];
  let text = '';
  let i = 0;
  while (i < prose.length) {
    const c = prose[i]!;
    if (c === '\\' && prose[i + 1] === '$') {
      text += '$';
      i += 2;
      continue;
    }
    if (c === '$') {
      let end = i + 1;
      while (end < prose.length && !(prose[end] === '$' && prose[end - 1] !== '\\')) end++;
      if (end >= prose.length) throw new Error(`unclosed $ in: ${prose}`);
      if (text) pieces.push({ kind: 'text', text });
      text = '';
      pieces.push({ kind: 'tex', tex: prose.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    text += c;
    i++;
  }
  if (text) pieces.push({ kind: 'text', text });
  return pieces;
}
