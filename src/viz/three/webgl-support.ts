/**
 * Creating the page's one WebGL 2 context, or saying in plain words why it
 * cannot be had. three.js 0.187 needs WebGL 2. Probing ourselves (instead of
 * letting WebGLRenderer throw) keeps the failure quiet in the console and
 * gives each view a sentence it can show in place of its picture.
 */

export type WebGLSupport =
  | { readonly ok: true; readonly canvas: HTMLCanvasElement; readonly context: WebGL2RenderingContext }
  | { readonly ok: false; readonly reason: string };

const attributes = (): WebGLContextAttributes => ({
  alpha: true,
  // Multisampling matters on 1x screens and projectors; on dense screens the
  // pixels are small enough, and phones keep the fill rate for the cubes.
  antialias: (globalThis.devicePixelRatio ?? 1) < 2,
  depth: true,
  stencil: false,
  premultipliedAlpha: true,
  // Kept between frames, so orbiting one view redraws that view only.
  preserveDrawingBuffer: true,
  powerPreference: 'default',
});

export function createWebGL2Context(): WebGLSupport {
  if (typeof document === 'undefined') return { ok: false, reason: 'there is no page to draw on' };
  if (typeof WebGL2RenderingContext === 'undefined') {
    return { ok: false, reason: 'this browser does not support WebGL 2, which the 3D views need' };
  }
  const canvas = document.createElement('canvas');
  let detail = '';
  const onError = (event: Event) => {
    detail = (event as WebGLContextEvent).statusMessage ?? '';
  };
  canvas.addEventListener('webglcontextcreationerror', onError);
  let context: WebGL2RenderingContext | null = null;
  try {
    context = canvas.getContext('webgl2', attributes());
  } catch (error) {
    detail = error instanceof Error ? error.message : String(error);
  }
  canvas.removeEventListener('webglcontextcreationerror', onError);
  if (!context) {
    const why = detail ? ` (${detail})` : '';
    return {
      ok: false,
      reason: `WebGL 2 is turned off or blocked on this device (for example, hardware acceleration is disabled)${why}`,
    };
  }
  return { ok: true, canvas, context };
}
