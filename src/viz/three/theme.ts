/**
 * Theme colours for 3D views, read from CSS so light and dark themes (or a
 * teacher's high-contrast projector theme) restyle the views without code.
 * view3d.css resolves the page's tokens into --viz3d-bg (background),
 * --viz3d-fg (text, hover cursor), --viz3d-box (filter / window wireframe, a
 * magenta no colour map uses) and --viz3d-padding (zero-padding cells).
 */
import type { RGB } from '../paint/colormap.ts';

const probes = new WeakMap<HTMLElement, HTMLSpanElement>();

function probeFor(host: HTMLElement): HTMLSpanElement {
  let probe = probes.get(host);
  if (!probe || !probe.isConnected) {
    probe = document.createElement('span');
    probe.setAttribute('aria-hidden', 'true');
    // No transition: under prefers-reduced-motion the site gives every element a 0.01 ms
    // transition, and a colour read right after restyling would return the previous colour
    // (outlines and paths drawn in the background colour).
    Object.assign(probe.style, { position: 'absolute', width: '0', height: '0', overflow: 'hidden', visibility: 'hidden', transitionProperty: 'none' });
    host.append(probe);
    probes.set(host, probe);
  }
  return probe;
}

/** Parse "rgb(r, g, b)" / "rgba(r, g, b, a)" / "rgb(r g b / a)" into [0, 1] floats and alpha. */
export function parseCssRgb(text: string): { rgb: RGB; alpha: number } | null {
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)/.exec(text);
  if (!m) return null;
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return { rgb: [Number(m[1]) / 255, Number(m[2]) / 255, Number(m[3]) / 255], alpha: a };
}

/**
 * Resolve any CSS colour expression (a custom property with fallbacks, a
 * system colour) to RGB as it applies inside `host`. Unparseable or fully
 * transparent results give `fallback`.
 */
export function resolveColor(host: HTMLElement, expression: string, fallback: RGB): RGB {
  const probe = probeFor(host);
  probe.style.color = '';
  probe.style.color = expression;
  const parsed = parseCssRgb(getComputedStyle(probe).color);
  return parsed && parsed.alpha > 0 ? parsed.rgb : fallback;
}

export interface ViewTheme {
  background: RGB;
  foreground: RGB;
  box: RGB;
  padding: RGB;
}

export function readTheme(host: HTMLElement): ViewTheme {
  return {
    background: resolveColor(host, 'var(--viz3d-bg, Canvas)', [1, 1, 1]),
    foreground: resolveColor(host, 'var(--viz3d-fg, CanvasText)', [0.1, 0.1, 0.1]),
    box: resolveColor(host, 'var(--viz3d-box, #c2185b)', [0.76, 0.09, 0.36]),
    padding: resolveColor(host, 'var(--viz3d-padding, #a6a6a6)', [0.65, 0.65, 0.65]),
  };
}

/**
 * Call `onChange` when the theme may have changed: the OS colour scheme, a
 * class / data-theme / style change on <html> or <body> (how theme toggles
 * usually work), or a stylesheet that finished loading after a view read its
 * colours (a chapter's CSS chunk can arrive after its first views are built;
 * without this they kept the fallback colours until the next theme change).
 * Returns the function that stops watching.
 */
export function watchTheme(onChange: () => void): () => void {
  const media = matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', onChange);
  const observer = new MutationObserver(onChange);
  const attributeFilter = ['class', 'data-theme', 'style'];
  observer.observe(document.documentElement, { attributes: true, attributeFilter });
  if (document.body) observer.observe(document.body, { attributes: true, attributeFilter });
  // load does not bubble, but it can be caught on its way down to a <link>.
  const onStylesheetLoad = (event: Event) => {
    if (event.target instanceof HTMLLinkElement && event.target.rel === 'stylesheet') onChange();
  };
  document.addEventListener('load', onStylesheetLoad, true);
  return () => {
    media.removeEventListener('change', onChange);
    observer.disconnect();
    document.removeEventListener('load', onStylesheetLoad, true);
  };
}
