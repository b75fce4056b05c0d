/**
 * Keeps the controls and the query string in step. On load, valid values
 * from the URL are applied and the rest reported (url-notice.ts), and the URL
 * is rewritten without the ignored parameters so a shared link is clean. Then
 * every change is written back with history.replaceState (no new history
 * entry per slider step), debounced so a drag writes once it pauses.
 */
import type { Control } from './controls/control.ts';
import type { SettingSpec, SettingValue } from './controls/spec.ts';
import { readQuery, writeQuery, type IgnoredParameter } from './url-state.ts';

export const URL_WRITE_DELAY_MS = 250;

export interface UrlSync {
  readonly ignored: readonly IgnoredParameter[];
  /** Writes now instead of after the delay (before the page is left). */
  flush(): void;
  dispose(): void;
}

function settingsOf(controls: readonly Control[]): Map<string, SettingSpec> {
  const settings = new Map<string, SettingSpec>();
  for (const control of controls) if (control.spec.kind !== 'button') settings.set(control.key, control.spec);
  return settings;
}

function urlWith(search: string): string {
  return `${location.pathname}${search}${location.hash}`;
}

export function syncControlsWithUrl(controls: readonly Control[]): UrlSync {
  const settings = settingsOf(controls);
  const byKey = new Map(controls.map((c) => [c.key, c]));
  const { values, ignored } = readQuery(location.search, settings);
  for (const [key, value] of values) byKey.get(key)!.set(value);
  if (ignored.length > 0) {
    history.replaceState(history.state, '', urlWith(values.size > 0 ? writeQuery(values, settings) : ''));
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = (): void => {
    timer = undefined;
    const current = new Map<string, SettingValue>();
    for (const key of settings.keys()) current.set(key, byKey.get(key)!.get() as SettingValue);
    history.replaceState(history.state, '', urlWith(writeQuery(current, settings)));
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(write, URL_WRITE_DELAY_MS);
  };
  const unsubscribers = [...settings.keys()].map((key) => byKey.get(key)!.subscribe(schedule));
  const flush = (): void => {
    if (timer !== undefined) {
      clearTimeout(timer);
      write();
    }
  };
  addEventListener('pagehide', flush);
  return {
    ignored,
    flush,
    dispose() {
      flush();
      removeEventListener('pagehide', flush);
      unsubscribers.forEach((u) => u());
    },
  };
}
