/**
 * The DOM skeleton every 3D view shares:
 *
 *   figure.viz3d
 *     figcaption.viz3d__title          (when a title is given)
 *     div.viz3d__stage  tabindex=0     the rectangle the shared canvas draws into
 *       p.viz3d__status                why the picture is missing, when it is
 *     div.viz3d__footer                orientation, legend, read-out
 *     p.viz3d__keys                    keyboard help, shown while focused
 *
 * Overlays live in the footer, outside the stage, because the shared canvas
 * is above the page and would paint over anything inside the stage.
 */
import './view3d.css';
import { KEY_HELP } from './view-keys.ts';

export interface ViewFrame {
  readonly root: HTMLElement;
  readonly stage: HTMLElement;
  readonly footer: HTMLElement;
  readonly readout: HTMLOutputElement;
  readonly swatch: HTMLElement;
  readonly readoutText: HTMLElement;
  /** Show a sentence in place of the picture, or hide it (null). */
  setStatus(text: string | null): void;
  /** No WebGL: the stage shrinks to a sentence saying why (and what still works). */
  markUnavailable(reason: string): void;
  /** Read-out text, with an optional colour swatch (CSS colour). */
  setReadout(text: string, swatch?: string | null): void;
  dispose(): void;
}

let uid = 0;

export interface FrameOptions {
  title?: string;
  className?: string;
  /** CSS height of the stage (default: aspect ratio var(--viz3d-aspect, 4 / 3)). */
  height?: string;
  keyHelp?: string;
}

export function createViewFrame(container: HTMLElement, options: FrameOptions = {}): ViewFrame {
  const id = `viz3d-${++uid}`;
  const root = document.createElement('figure');
  root.className = `viz3d ${options.className ?? ''}`.trim();

  if (options.title) {
    const title = document.createElement('figcaption');
    title.className = 'viz3d__title';
    title.id = `${id}-title`;
    title.textContent = options.title;
    root.append(title);
  }

  const stage = document.createElement('div');
  stage.className = 'viz3d__stage';
  stage.tabIndex = 0;
  stage.setAttribute('role', 'img');
  stage.setAttribute('aria-roledescription', 'interactive 3D view');
  stage.setAttribute('aria-describedby', `${id}-keys`);
  if (options.height) {
    stage.style.height = options.height;
    stage.style.aspectRatio = 'auto';
  }
  const status = document.createElement('p');
  status.className = 'viz3d__status';
  status.id = `${id}-status`;
  status.hidden = true;
  stage.append(status);
  // The stage is role="img", so its children are not read out: a shown status
  // (paused, unavailable) joins the stage's description instead.
  const describe = (): void => stage.setAttribute('aria-describedby', status.hidden ? `${id}-keys` : `${id}-status ${id}-keys`);

  const footer = document.createElement('div');
  footer.className = 'viz3d__footer';
  const readout = document.createElement('output');
  readout.className = 'viz3d__readout';
  readout.setAttribute('aria-live', 'polite');
  const swatch = document.createElement('span');
  swatch.className = 'viz3d__swatch';
  swatch.hidden = true;
  const readoutText = document.createElement('span');
  readout.append(swatch, readoutText);
  footer.append(readout);

  const keys = document.createElement('p');
  keys.className = 'viz3d__keys';
  keys.id = `${id}-keys`;
  keys.textContent = options.keyHelp ?? KEY_HELP;
  footer.append(keys);

  root.append(stage, footer);
  container.append(root);

  return {
    root,
    stage,
    footer,
    readout,
    swatch,
    readoutText,
    setStatus(text) {
      status.hidden = text === null;
      status.textContent = text ?? '';
      describe();
    },
    markUnavailable(reason) {
      root.classList.add('viz3d--no-webgl');
      stage.style.aspectRatio = '';
      status.hidden = false;
      status.textContent = `3D view unavailable: ${reason}. The read-out below still works from the keyboard; the 2D charts and equations on this page are not affected.`;
      describe();
    },
    setReadout(text, color = null) {
      readoutText.textContent = text;
      swatch.hidden = color === null;
      if (color !== null) swatch.style.background = color;
    },
    dispose() {
      root.remove();
    },
  };
}
