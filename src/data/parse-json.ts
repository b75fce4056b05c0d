/**
 * A reader's grid as JSON, either
 *   {"shape": [x, y, z], "values": [v0, v1, ...]}   flat, row-major, z fastest
 *   {"values": [[[...]]]} or just [[[...]]]          nested arrays, values[x][y][z]
 *   {"shape": [...], "values": [[[...]]]}            nested, checked against the shape
 * with 1 to 3 axes, finite numbers only, at most 64^3 cells. Other keys
 * (a name, units) are ignored.
 */
import { ParamError, ShapeError, formatShape } from '../tensor/errors.ts';
import { GRID_OP, MAX_GRID_CELLS, CELL_LIMIT_TEXT, assertCellLimit, assertGridShape, assertTextLength, assertValueCount, toParsedGrid, type ParsedGrid } from './grid-limits.ts';

const EXPECTED = 'expected {"shape": [x, y, z], "values": [...]} or nested arrays values[x][y][z]';

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}...` : v)} (a string)`;
  if (typeof v === 'number') return Number.isFinite(v) ? `${v} (a number)` : `${v} (a number too large for float64)`;
  if (typeof v === 'object') return 'an object';
  return `${String(v)} (a ${typeof v})`;
}

/** Shape of nested arrays, following the first element down. */
function nestedShape(values: unknown[]): number[] {
  const shape: number[] = [];
  let level: unknown = values;
  while (Array.isArray(level)) {
    if (level.length === 0) {
      const where = shape.length === 0 ? 'values' : `values${'[0]'.repeat(shape.length)}`;
      throw new ShapeError(GRID_OP, `${where} is an empty list; the grid has no values`);
    }
    shape.push(level.length);
    if (shape.length > 3) throw new ShapeError(GRID_OP, `values nest more than 3 levels deep; a grid has at most 3 axes (x, y, z)`);
    level = level[0];
  }
  return shape;
}

/** Flattens nested arrays of the given shape, refusing ragged rows and non-numbers with their path. */
function flatten(values: unknown[], shape: readonly number[]): Float64Array {
  const out = new Float64Array(shape.reduce((a, b) => a * b, 1));
  let at = 0;
  const walk = (node: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (Array.isArray(node)) {
        throw new ShapeError(GRID_OP, `${path} is a list but values${'[0]'.repeat(depth)} is a number; the nesting must be the same everywhere`);
      }
      if (typeof node !== 'number' || !Number.isFinite(node)) {
        throw new ParamError(GRID_OP, `${path} is ${describe(node)}; expected a finite number`);
      }
      out[at++] = node;
      return;
    }
    if (!Array.isArray(node)) {
      throw new ShapeError(GRID_OP, `${path} is ${describe(node)} but values${'[0]'.repeat(depth)} is a list; the nesting must be the same everywhere`);
    }
    if (node.length !== shape[depth]) {
      const entries = node.length === 1 ? '1 entry' : `${node.length} entries`;
      throw new ShapeError(GRID_OP, `values is not a rectangular grid: ${path} has ${entries} but values${'[0]'.repeat(depth)} has ${shape[depth]}`);
    }
    node.forEach((child, i) => walk(child, depth + 1, `${path}[${i}]`));
  };
  walk(values, 0, 'values');
  return out;
}

export function parseJsonGrid(input: string): ParsedGrid {
  const text = assertTextLength(input);
  if (text.trim() === '') throw new ParamError(GRID_OP, `the text is empty; ${EXPECTED}`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ParamError(GRID_OP, `the text is not valid JSON (${(e as Error).message}); ${EXPECTED}`);
  }
  let values: unknown;
  let declared: number[] | undefined;
  if (Array.isArray(doc)) {
    values = doc;
  } else if (typeof doc === 'object' && doc !== null) {
    const record = doc as Record<string, unknown>;
    if (!('values' in record)) throw new ParamError(GRID_OP, `the JSON object has no "values"; ${EXPECTED}`);
    values = record.values;
    if ('shape' in record) declared = assertGridShape(record.shape, 'shape');
  } else {
    throw new ParamError(GRID_OP, `the JSON is ${describe(doc)}; ${EXPECTED}`);
  }
  if (!Array.isArray(values)) throw new ParamError(GRID_OP, `"values" is ${describe(values)}; expected a list of numbers or nested lists`);
  if (values.length > MAX_GRID_CELLS) {
    throw new ShapeError(GRID_OP, `values has ${values.length} entries, over the limit of ${CELL_LIMIT_TEXT}`);
  }
  const nested = nestedShape(values);
  assertCellLimit(nested, 'values of shape');
  const flat = flatten(values, nested);
  if (declared === undefined) return toParsedGrid(nested, flat);
  if (nested.length === 1) {
    assertValueCount(flat.length, declared);
    return toParsedGrid(declared, flat);
  }
  if (nested.length !== declared.length || nested.some((n, i) => n !== declared[i])) {
    throw new ShapeError(GRID_OP, `nested values have shape ${formatShape(nested)} but "shape" says ${formatShape(declared)}`);
  }
  return toParsedGrid(declared, flat);
}
