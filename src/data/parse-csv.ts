/**
 * A reader's grid as CSV, in one of two forms.
 *
 * Indexed, a header naming the columns x, y, z and value (any order), then
 * one row per cell; indices are 0-based integers, the shape is the largest
 * index + 1 along each axis, and every cell must appear exactly once
 * (a 2D grid uses z = 0 throughout, a 1D grid y = z = 0):
 *     x,y,z,value
 *     0,0,0,1
 *     0,0,1,0.5
 *
 * Listed, a shape header then the values in row-major order (z fastest),
 * separated by commas, spaces or line breaks:
 *     # shape: 16, 16, 8        (also "# shape 16x16x8")
 *     0, 1, 1, 0, ...
 *
 * Lines starting with # are comments; blank lines are skipped. Finite numbers
 * only (no NaN, no empty fields), at most 64^3 cells.
 */
import { ParamError, ShapeError, formatShape } from '../tensor/errors.ts';
import { GRID_OP, MAX_GRID_CELLS, CELL_LIMIT_TEXT, assertCellLimit, assertTextLength, assertValueCount, toParsedGrid, type ParsedGrid } from './grid-limits.ts';

const EXPECTED = 'expected a header "x,y,z,value" with one row per cell, or a "# shape: x, y, z" line followed by the values';
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INDEX = /^\d+$/;
const SHAPE_HEADER = /^#\s*shape\b\s*[:=]?\s*(.*)$/i;
const AXES = ['x', 'y', 'z'] as const;

interface Line {
  readonly number: number;
  readonly text: string;
}

function quoted(field: string): string {
  return JSON.stringify(field.length > 20 ? `${field.slice(0, 20)}...` : field);
}

/** A finite number from a field, or a ParamError naming the line. */
function parseNumber(field: string, line: number, what: string): number {
  if (field === '') throw new ParamError(GRID_OP, `line ${line}: ${what} is an empty field; expected a number`);
  if (!NUMBER.test(field)) throw new ParamError(GRID_OP, `line ${line}: ${what} ${quoted(field)} is not a number; expected a finite decimal number`);
  const v = Number(field);
  if (!Number.isFinite(v)) throw new ParamError(GRID_OP, `line ${line}: ${what} ${quoted(field)} is not finite (too large for float64)`);
  return v;
}

function splitFields(text: string): string[] {
  return text.split(',').map((f) => f.trim());
}

function parseShapeHeader(line: Line, spec: string): number[] {
  const parts = spec.split(/[\s,x×]+/i).filter((p) => p !== '');
  const ok = parts.length >= 1 && parts.length <= 3 && parts.every((p) => INDEX.test(p) && Number(p) >= 1);
  if (!ok) {
    throw new ShapeError(GRID_OP, `line ${line.number}: shape header ${quoted(line.text)} must give 1 to 3 positive integers, e.g. "# shape: 16, 16, 8"`);
  }
  const shape = parts.map(Number);
  assertCellLimit(shape, 'shape');
  return shape;
}

function parseListed(shape: readonly number[], lines: readonly Line[]): ParsedGrid {
  const out = new Float64Array(shape.reduce((a, b) => a * b, 1));
  // every field is checked, but only the first `needed` are kept, so a long list still reports its count
  let count = 0;
  for (const line of lines) {
    for (const field of line.text.split(/\s*,\s*|\s+/)) {
      const v = parseNumber(field, line.number, 'value');
      if (count < out.length) out[count] = v;
      count++;
    }
  }
  assertValueCount(count, shape);
  return toParsedGrid(shape, out);
}

function columnsOf(header: Line): number[] {
  const names = splitFields(header.text).map((f) => f.toLowerCase());
  const wanted = [...AXES, 'value'];
  const at = wanted.map((w) => names.indexOf(w));
  if (names.length !== 4 || at.some((i) => i < 0)) {
    throw new ParamError(GRID_OP, `line ${header.number}: the header ${quoted(header.text)} must name the columns x, y, z and value; ${EXPECTED}`);
  }
  return at;
}

function parseIndexed(header: Line, rows: readonly Line[]): ParsedGrid {
  const [cx, cy, cz, cv] = columnsOf(header) as [number, number, number, number];
  if (rows.length > MAX_GRID_CELLS) {
    throw new ShapeError(GRID_OP, `${rows.length} rows given, over the limit of ${CELL_LIMIT_TEXT}`);
  }
  if (rows.length === 0) throw new ShapeError(GRID_OP, `the header on line ${header.number} is followed by no rows; the grid has no values`);
  const index = new Int32Array(rows.length * 3);
  const values = new Float64Array(rows.length);
  const shape = [1, 1, 1];
  rows.forEach((row, r) => {
    const fields = splitFields(row.text);
    if (fields.length !== 4) throw new ParamError(GRID_OP, `line ${row.number} has ${fields.length} fields; expected 4 (x, y, z, value)`);
    [cx, cy, cz].forEach((c, a) => {
      const f = fields[c]!;
      if (!INDEX.test(f) || Number(f) >= MAX_GRID_CELLS) {
        throw new ParamError(GRID_OP, `line ${row.number}: ${AXES[a]} = ${quoted(f)} is not a cell index; expected an integer from 0 to ${MAX_GRID_CELLS - 1}`);
      }
      const i = Number(f);
      index[r * 3 + a] = i;
      if (i + 1 > shape[a]!) shape[a] = i + 1;
    });
    values[r] = parseNumber(fields[cv]!, row.number, 'value');
  });
  assertCellLimit(shape, 'the indices span');
  const cells = shape[0]! * shape[1]! * shape[2]!;
  const firstLine = new Int32Array(cells);
  const out = new Float64Array(cells);
  rows.forEach((row, r) => {
    const [i, j, k] = [index[r * 3]!, index[r * 3 + 1]!, index[r * 3 + 2]!];
    const cell = (i * shape[1]! + j) * shape[2]! + k;
    if (firstLine[cell] !== 0) {
      throw new ShapeError(GRID_OP, `line ${row.number} repeats cell [${i}, ${j}, ${k}] first given on line ${firstLine[cell]}`);
    }
    firstLine[cell] = row.number;
    out[cell] = values[r]!;
  });
  const missing = firstLine.indexOf(0);
  if (missing >= 0) {
    const k = missing % shape[2]!;
    const j = Math.floor(missing / shape[2]!) % shape[1]!;
    const i = Math.floor(missing / (shape[1]! * shape[2]!));
    throw new ShapeError(GRID_OP, `cell [${i}, ${j}, ${k}] is missing: the indices span ${formatShape(shape)}, ${cells} cells, but ${rows.length} rows were given; every cell needs one row`);
  }
  return toParsedGrid(shape, out);
}

export function parseCsvGrid(input: string): ParsedGrid {
  const text = assertTextLength(input);
  let shape: number[] | undefined;
  const data: Line[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line: Line = { number: i + 1, text: raw.trim() };
    if (line.text === '') return;
    if (line.text.startsWith('#')) {
      const m = SHAPE_HEADER.exec(line.text);
      if (m === null) return;
      if (shape !== undefined || data.length > 0) {
        throw new ParamError(GRID_OP, `line ${line.number}: a shape header must come once, before the values`);
      }
      shape = parseShapeHeader(line, m[1]!);
      return;
    }
    data.push(line);
  });
  if (shape !== undefined) {
    if (data.length === 0) throw new ShapeError(GRID_OP, `the shape header is followed by no values; shape ${formatShape(shape)} needs ${shape.reduce((a, b) => a * b, 1)}`);
    return parseListed(shape, data);
  }
  if (data.length === 0) throw new ParamError(GRID_OP, `the text has no values; ${EXPECTED}`);
  const first = data[0]!;
  if (splitFields(first.text).every((f) => NUMBER.test(f))) {
    throw new ParamError(GRID_OP, `line ${first.number} holds values but no header came first; ${EXPECTED}`);
  }
  return parseIndexed(first, data.slice(1));
}
