/**
 * Orbiting a view's camera: three.js' OrbitControls bound to the view's own
 * element, with the page's needs on top:
 * - the mouse wheel scrolls the page unless Ctrl/⌘ is held (a page with a
 *   dozen 3D views must stay scrollable); trackpad pinch sends Ctrl + wheel;
 * - on touch screens vertical swipes scroll the page (touch-action: pan-y),
 *   horizontal swipes orbit, two fingers zoom;
 * - no easing when the reader asks for reduced motion;
 * - rotate / zoom / reset for the keyboard.
 */
import type { PerspectiveCamera } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

export interface OrbitInput {
  readonly controls: OrbitControls;
  rotate(left: number, up: number): void;
  /** factor < 1 moves closer. */
  zoom(factor: number): void;
  dispose(): void;
}

export function createOrbitInput(camera: PerspectiveCamera, element: HTMLElement, onChange: () => void): OrbitInput {
  const controls = new OrbitControls(camera, element);
  controls.dampingFactor = 0.18;
  controls.rotateSpeed = 0.8;
  controls.screenSpacePanning = true;
  element.style.touchAction = 'pan-y';

  const motion = matchMedia('(prefers-reduced-motion: reduce)');
  const applyMotion = () => {
    controls.enableDamping = !motion.matches;
  };
  applyMotion();
  motion.addEventListener('change', applyMotion);
  controls.addEventListener('change', onChange);

  const input: OrbitInput = {
    controls,
    rotate(left, up) {
      controls.rotateLeft(left);
      controls.rotateUp(up);
    },
    zoom(factor) {
      if (factor < 1) controls.dollyIn(factor);
      else controls.dollyOut(1 / factor);
    },
    dispose() {
      element.removeEventListener('wheel', onWheel, { capture: true });
      motion.removeEventListener('change', applyMotion);
      controls.removeEventListener('change', onChange);
      controls.dispose();
    },
  };

  // Capture listeners on the target run before OrbitControls' own listener
  // there, so stopping the event keeps the controls from preventDefault-ing it.
  function onWheel(event: WheelEvent): void {
    if (event.ctrlKey || event.metaKey) return;
    event.stopImmediatePropagation();
  }
  element.addEventListener('wheel', onWheel, { capture: true });
  return input;
}
