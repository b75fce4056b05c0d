/**
 * What a control is, without DOM: its kind, label, allowed values and default,
 * and how its value is written into and read back from a URL. Reading is
 * strict (exact formats, inside the range, on the step, one of the options)
 * because the query string is outside our control: anything else falls back
 * to the default, with a reason a reader can act on.
 */

interface BaseSpec {
  /** Visible label, also used in messages about the URL. */
  readonly label: string;
  /** One sentence under the control, linked with aria-describedby. */
  readonly description?: string;
  /** The data-slot where the control goes; the chapter's 'controls' panel by default. */
  readonly slot?: string;
}

export interface RangeSpec extends BaseSpec {
  readonly kind: 'range';
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly value: number;
  /** Shown after the number: 'cells', 'filters', '%'. */
  readonly unit?: string;
}

export interface ChoiceOption<T extends string = string> {
  readonly value: T;
  readonly label: string;
}

export interface ChoiceSpec<T extends string = string> extends BaseSpec {
  /** 'select' for a drop-down, 'radio' for a few visible choices. */
  readonly kind: 'select' | 'radio';
  readonly options: readonly ChoiceOption<T>[];
  readonly value: T;
}

export interface ToggleSpec extends BaseSpec {
  readonly kind: 'toggle';
  readonly value: boolean;
}

/** A button's value counts its presses; it is an action, not a setting, so it stays out of the URL. */
export interface ButtonSpec extends BaseSpec {
  readonly kind: 'button';
}

export type SettingSpec = RangeSpec | ChoiceSpec | ToggleSpec;
export type ControlSpec = SettingSpec | ButtonSpec;
export type SettingValue = number | string | boolean;

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** Longest URL value we even look at; a longer one is refused unread. */
export const MAX_VALUE_LENGTH = 64;

/** Decimal places of a step (0.05 -> 2), to write values without float noise. */
export function stepDecimals(step: number): number {
  const text = String(step);
  if (text.includes('e-')) return Number(text.split('e-')[1]);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

export function formatRange(spec: RangeSpec, value: number): string {
  const decimals = stepDecimals(spec.step);
  return String(Number(value.toFixed(decimals)));
}

/** The allowed values in words: 'a whole number from 1 to 4', 'a number from 0 to 1 in steps of 0.05'. */
export function describeRange(spec: RangeSpec): string {
  const whole = Number.isInteger(spec.min) && Number.isInteger(spec.step);
  const from = `from ${formatRange(spec, spec.min)} to ${formatRange(spec, spec.max)}`;
  if (whole && spec.step === 1) return `a whole number ${from}`;
  return `a number ${from} in steps of ${spec.step}`;
}

const PLAIN_DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

export function parseRange(spec: RangeSpec, raw: string): Parsed<number> {
  const refuse = (): Parsed<number> => ({ ok: false, reason: `must be ${describeRange(spec)}` });
  if (!PLAIN_DECIMAL.test(raw)) return refuse();
  const value = Number(raw);
  if (!Number.isFinite(value) || value < spec.min || value > spec.max) return refuse();
  const steps = (value - spec.min) / spec.step;
  const nearest = Math.round(steps);
  if (Math.abs(steps - nearest) > 1e-9 * Math.max(1, Math.abs(steps))) return refuse();
  return { ok: true, value: Number((spec.min + nearest * spec.step).toFixed(stepDecimals(spec.step))) };
}

export function parseChoice(spec: ChoiceSpec, raw: string): Parsed<string> {
  const option = spec.options.find((o) => o.value === raw);
  if (option) return { ok: true, value: option.value };
  return { ok: false, reason: `must be one of ${spec.options.map((o) => o.value).join(', ')}` };
}

const ON = 'on';
const OFF = 'off';

export function parseToggle(raw: string): Parsed<boolean> {
  if (raw === ON) return { ok: true, value: true };
  if (raw === OFF) return { ok: true, value: false };
  return { ok: false, reason: `must be ${ON} or ${OFF}` };
}

/** A URL value for a setting, or a reason to ignore it. */
export function parseSetting(spec: SettingSpec, raw: string): Parsed<SettingValue> {
  if (raw.length > MAX_VALUE_LENGTH) return { ok: false, reason: 'is too long' };
  switch (spec.kind) {
    case 'range':
      return parseRange(spec, raw);
    case 'toggle':
      return parseToggle(raw);
    default:
      return parseChoice(spec, raw);
  }
}

/** The URL text of a setting's value (what parseSetting reads back). */
export function formatSetting(spec: SettingSpec, value: SettingValue): string {
  switch (spec.kind) {
    case 'range':
      return formatRange(spec, value as number);
    case 'toggle':
      return value ? ON : OFF;
    default:
      return String(value);
  }
}

/** Units whose singular follows the number 1 ("1 cell", not "1 cells"). */
const SINGULAR_UNITS: Readonly<Record<string, string>> = { cells: 'cell', filters: 'filter', layers: 'layer', units: 'unit', samples: 'sample', epochs: 'epoch', updates: 'update' };

/** A range value as read out and spoken: the number and its unit, '3 cells', '1 cell', '50 %'. */
export function rangeText(spec: RangeSpec, value: number): string {
  if (!spec.unit) return formatRange(spec, value);
  const unit = value === 1 ? (SINGULAR_UNITS[spec.unit] ?? spec.unit) : spec.unit;
  return `${formatRange(spec, value)} ${unit}`;
}

/** The default in words, for messages: '2', 'ReLU', 'on'. */
export function describeDefault(spec: SettingSpec): string {
  switch (spec.kind) {
    case 'range':
      return rangeText(spec, spec.value);
    case 'toggle':
      return spec.value ? ON : OFF;
    default:
      return spec.options.find((o) => o.value === spec.value)?.label ?? spec.value;
  }
}

/** Throws for a spec a chapter got wrong (default outside the range, no options): caught at page start. */
export function assertValidSpec(key: string, spec: ControlSpec): void {
  const fail = (why: string): never => {
    throw new Error(`control "${key}": ${why}`);
  };
  if (!/^[a-z][a-z0-9-]*$/.test(key)) fail('keys are lower-case names (they appear in URLs)');
  if (spec.kind === 'range') {
    if (!(spec.step > 0) || !(spec.min < spec.max)) fail('needs min < max and a positive step');
    const back = parseRange(spec, formatRange(spec, spec.value));
    if (!back.ok || back.value !== spec.value) fail(`default ${spec.value} is not ${describeRange(spec)}`);
  } else if (spec.kind === 'select' || spec.kind === 'radio') {
    if (spec.options.length === 0) fail('needs options');
    if (!spec.options.some((o) => o.value === spec.value)) fail(`default "${spec.value}" is not an option`);
    for (const o of spec.options) if (!/^[a-z0-9][a-z0-9-]*$/i.test(o.value)) fail(`option "${o.value}" must be a plain name`);
  }
}
