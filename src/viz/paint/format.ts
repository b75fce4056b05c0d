/**
 * Number and shape text for read-outs, legends and aria labels. Compact
 * (3 significant digits by default), with a true minus sign, and never the
 * string "NaN": a non-finite value is spelled out, because a student reading
 * "NaN" next to a voxel learns nothing about what went wrong.
 */

export const MINUS = '\u2212';

/** The words used for non-finite values. */
export const NON_FINITE_WORDS = {
  nan: 'not a number',
  positive: 'infinity',
  negative: `${MINUS}infinity`,
} as const;

export interface FormatOptions {
  /** Significant digits (default 3). */
  digits?: number;
  /** Use '-' instead of the typographic minus (for text fields that are parsed back). */
  asciiMinus?: boolean;
  /**
   * Magnitudes below this show as "0": for a sum whose terms cancel exactly in
   * arithmetic (softmax gradients sum to 0) but leave rounding residue like
   * -2.78e-17. Pass a bound relative to the terms, e.g. 1e-12 * max |term|.
   */
  zeroBelow?: number;
}

/** The rounding floor for a sum of `terms`: what `zeroBelow` should be for their total. */
export function roundingFloor(terms: ArrayLike<number>, relative = 1e-12): number {
  let largest = 0;
  for (let i = 0; i < terms.length; i++) largest = Math.max(largest, Math.abs(terms[i]!));
  return largest * relative;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * `0.3127` -> "0.313", `-2` -> "−2", `12345` -> "12345", `0.00004` -> "4e−5",
 * `2.5e7` -> "2.5e7", NaN -> "not a number", Infinity -> "infinity".
 * Plain notation between 0.001 and 99999; exponent notation outside.
 */
export function formatValue(v: number, options: FormatOptions = {}): string {
  const digits = options.digits ?? 3;
  const minus = options.asciiMinus ? '-' : MINUS;
  if (Number.isNaN(v)) return NON_FINITE_WORDS.nan;
  if (v === Infinity) return NON_FINITE_WORDS.positive;
  if (v === -Infinity) return options.asciiMinus ? '-infinity' : NON_FINITE_WORDS.negative;
  if (v === 0 || (options.zeroBelow !== undefined && Math.abs(v) < options.zeroBelow)) return '0';
  const sign = v < 0 ? minus : '';
  const a = Math.abs(v);
  let body: string;
  if (a >= 1e-3 && a < 1e5) {
    body = a >= 10 ** digits ? String(Math.round(a)) : trimZeros(a.toPrecision(digits));
    // toPrecision may switch to exponent form for values like 99999.5 rounded up.
    if (body.includes('e')) body = String(Math.round(a));
  } else {
    const [mantissa, exponent] = a.toExponential(digits - 1).split('e') as [string, string];
    const exp = Number(exponent);
    body = `${trimZeros(mantissa)}e${exp < 0 ? minus : ''}${Math.abs(exp)}`;
  }
  return sign + body;
}

/** A whole count with thin grouping: 32768 -> "32 768" (narrow no-break space). */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return formatValue(n);
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** `[5, 5, 1]` -> "5×5×1". */
export function formatShapeX(shape: readonly number[]): string {
  return shape.join('×');
}

/** "from −0.31 to 0.92" for aria text; "no finite values" when there are none. */
export function formatRange(range: readonly [number, number] | null, options: FormatOptions = {}): string {
  if (range === null) return 'no finite values';
  if (range[0] === range[1]) return `all equal to ${formatValue(range[0], options)}`;
  return `from ${formatValue(range[0], options)} to ${formatValue(range[1], options)}`;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** 12 -> '¹²', for layer names in plain text (H¹² in a title or a text alternative). */
export function superscript(n: number): string {
  return [...String(n)].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('');
}

/** 2 -> '₂', for plain-text names such as FC₂. */
export function subscript(n: number): string {
  return [...String(n)].map((d) => SUBSCRIPT_DIGITS[Number(d)]).join('');
}
