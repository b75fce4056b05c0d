/**
 * A reader's own grid, from the text of a file: JSON (parse-json.ts) or CSV
 * (parse-csv.ts). Every malformed input is refused with a ParamError (bad
 * syntax or value) or ShapeError (sizes that do not fit) saying what was
 * wrong and what is expected; no NaN or infinity gets through.
 */
import { assertKind } from '../tensor/params.ts';
import { GRID_OP, type ParsedGrid } from './grid-limits.ts';
import { parseCsvGrid } from './parse-csv.ts';
import { parseJsonGrid } from './parse-json.ts';

export type GridFormat = 'csv' | 'json';

export function parseUserGrid(text: string, format: GridFormat): ParsedGrid {
  const kind = assertKind(GRID_OP, 'format', format, ['csv', 'json'] as const);
  return kind === 'json' ? parseJsonGrid(text) : parseCsvGrid(text);
}
