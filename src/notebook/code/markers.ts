/**
 * Term markers in source code: a line ending in `// term: W` (or
 * `// term: W, b`) computes what the equation term W names. The marker is
 * removed from the shown text and kept as data, so the code view can link the
 * line to the term bus and show the marker as a small tag instead.
 */

export interface MarkedLine {
  /** The line without its marker comment (trailing spaces trimmed). */
  readonly text: string;
  /** Terms named by the line's marker, in order; empty if none. */
  readonly terms: readonly string[];
}

const MARKER = /\s*\/\/\s*term:\s*([A-Za-z][\w-]*(?:\s*,\s*[A-Za-z][\w-]*)*)\s*$/;

export function readTermMarkers(code: string): MarkedLine[] {
  return code.split('\n').map((line) => {
    const match = MARKER.exec(line);
    if (!match) return { text: line, terms: [] };
    return { text: line.slice(0, match.index).replace(/\s+$/, ''), terms: match[1]!.split(',').map((t) => t.trim()) };
  });
}
