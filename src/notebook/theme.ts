/**
 * The reader's display preferences: light or dark theme and large text (for
 * a projector). Both live as attributes on <html> (data-theme, data-text-size)
 * that the styles read, and in localStorage. public/theme-init.js applies the
 * stored values before the first paint; this module wires the header buttons.
 *
 * A theme equal to the system's is not stored: the page then follows the
 * system again. Views that draw with their own colours (WebGL, canvas) listen
 * for the 'atlas:themechange' event on document, or read data-theme.
 */
export const THEME_KEY = 'cnn-atlas.theme';
export const TEXT_SIZE_KEY = 'cnn-atlas.text-size';
export const THEME_EVENT = 'atlas:themechange';

export type Theme = 'light' | 'dark';

const root = (): HTMLElement => document.documentElement;
const systemQuery = (): MediaQueryList => matchMedia('(prefers-color-scheme: dark)');
const systemTheme = (): Theme => (systemQuery().matches ? 'dark' : 'light');

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: preferences last for this page only
  }
}

function store(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage disabled: nothing to remember */
  }
}

export function currentTheme(): Theme {
  return root().dataset.theme === 'dark' ? 'dark' : 'light';
}

function applyTheme(theme: Theme): void {
  if (root().dataset.theme === theme) return;
  root().dataset.theme = theme;
  document.dispatchEvent(new CustomEvent(THEME_EVENT, { detail: { theme } }));
}

function setPressed(button: HTMLButtonElement | null, pressed: boolean): void {
  button?.setAttribute('aria-pressed', String(pressed));
}

/** Reveals and wires the header's theme and text-size buttons. */
export function installDisplayPreferences(): void {
  const themeButton = document.querySelector<HTMLButtonElement>('button[data-action="theme"]');
  const sizeButton = document.querySelector<HTMLButtonElement>('button[data-action="text-size"]');

  const storedTheme = stored(THEME_KEY);
  applyTheme(storedTheme === 'dark' || storedTheme === 'light' ? storedTheme : systemTheme());
  setPressed(themeButton, currentTheme() === 'dark');
  systemQuery().addEventListener('change', () => {
    if (stored(THEME_KEY) !== null) return;
    applyTheme(systemTheme());
    setPressed(themeButton, currentTheme() === 'dark');
  });
  themeButton?.addEventListener('click', () => {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
    store(THEME_KEY, next === systemTheme() ? null : next);
    applyTheme(next);
    setPressed(themeButton, next === 'dark');
  });

  const large = (): boolean => root().dataset.textSize === 'large';
  setPressed(sizeButton, large());
  sizeButton?.addEventListener('click', () => {
    const next = !large();
    if (next) root().dataset.textSize = 'large';
    else delete root().dataset.textSize;
    store(TEXT_SIZE_KEY, next ? 'large' : null);
    setPressed(sizeButton, next);
  });

  if (themeButton) themeButton.hidden = false;
  if (sizeButton) sizeButton.hidden = false;
}
