/**
 * Control values in the query string, without DOM: a teacher shares the exact
 * configuration of a chapter by sharing its URL.
 *
 * Reading validates every parameter against its control and never trusts the
 * text: unknown names, repeated names, malformed or out-of-range values are
 * ignored (the default stays) and listed with a reason the page shows. Names
 * are echoed only when they are plain identifiers, values never, so a crafted
 * link cannot make the page display arbitrary text.
 */
import { describeDefault, formatSetting, parseSetting, type SettingSpec, type SettingValue } from './controls/spec.ts';

export interface IgnoredParameter {
  /** The parameter as the reader may see it: a control's label, a plain name, or 'a malformed parameter'. */
  readonly name: string;
  /** Reader-ready: 'must be a whole number from 1 to 4; the default 2 is used'. */
  readonly reason: string;
}

export interface QueryState {
  /** Valid values by control key (only those present and valid). */
  readonly values: ReadonlyMap<string, SettingValue>;
  readonly ignored: readonly IgnoredParameter[];
}

const PLAIN_NAME = /^[A-Za-z0-9_-]{1,32}$/;
/** More parameters than any chapter has controls: the rest is not read at all. */
export const MAX_PARAMETERS = 64;

function displayName(raw: string): string {
  return PLAIN_NAME.test(raw) ? `"${raw}"` : 'a malformed parameter';
}

export function readQuery(search: string, settings: ReadonlyMap<string, SettingSpec>): QueryState {
  const values = new Map<string, SettingValue>();
  const ignored: IgnoredParameter[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { values, ignored: [{ name: 'the query string', reason: 'could not be read; every setting has its default' }] };
  }
  const entries = [...params.entries()];
  if (entries.length > MAX_PARAMETERS) {
    return { values, ignored: [{ name: 'the query string', reason: `has more than ${MAX_PARAMETERS} parameters; every setting has its default` }] };
  }
  const counts = new Map<string, number>();
  for (const [key] of entries) counts.set(key, (counts.get(key) ?? 0) + 1);

  const reported = new Set<string>();
  for (const [key, raw] of entries) {
    if (reported.has(key)) continue;
    const spec = settings.get(key);
    if (!spec) {
      reported.add(key);
      ignored.push({ name: displayName(key), reason: 'is not a setting of this chapter' });
      continue;
    }
    const label = `"${spec.label}"`;
    const fallback = `the default ${describeDefault(spec)} is used`;
    if (counts.get(key)! > 1) {
      reported.add(key);
      ignored.push({ name: label, reason: `was given more than once; ${fallback}` });
      continue;
    }
    const parsed = parseSetting(spec, raw);
    if (parsed.ok) values.set(key, parsed.value);
    else ignored.push({ name: label, reason: `${parsed.reason}; ${fallback}` });
  }
  return { values, ignored };
}

/**
 * The query string for `values`, in the order the controls were declared,
 * every setting written out (so a shared link keeps its meaning even if a
 * default changes later). Returns '' or '?a=1&b=2'.
 */
export function writeQuery(values: ReadonlyMap<string, SettingValue>, settings: ReadonlyMap<string, SettingSpec>): string {
  const params = new URLSearchParams();
  for (const [key, spec] of settings) {
    const value = values.get(key) ?? spec.value;
    params.set(key, formatSetting(spec, value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
