/**
 * The page's one WebGL context, from a test: its statistics (only on a page
 * opened with DEBUG_FLAG), forcing a context loss and restore with the
 * WEBGL_lose_context extension, a browser without WebGL, and comparing the
 * 3D views' pixels.
 */
import type { Page } from 'playwright-core';
import type { RendererStats } from '../../../src/viz/three/shared-renderer.ts';
import { decodePng, type Image } from './png.ts';

declare global {
  interface Window {
    __cnnAtlasDebug?: boolean;
    __cnnAtlasViz?: { rendererStats(): RendererStats };
    __atlasLoseContext?: WEBGL_lose_context;
  }
}

/** Init script: the page exposes window.__cnnAtlasViz.rendererStats() (see shared-renderer.ts). */
export const DEBUG_FLAG = (): void => {
  window.__cnnAtlasDebug = true;
};

/** Init script: a browser whose canvases refuse every WebGL context, as with hardware acceleration off. */
export const NO_WEBGL = (): void => {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    if (/webgl/i.test(type)) return null;
    return (original as (this: HTMLCanvasElement, ...a: unknown[]) => unknown).call(this, type, ...rest);
  } as typeof HTMLCanvasElement.prototype.getContext;
};

export async function rendererStats(page: Page): Promise<RendererStats> {
  return page.evaluate(() => {
    if (!window.__cnnAtlasViz) throw new Error('renderer statistics are exposed only on a page opened with DEBUG_FLAG');
    return window.__cnnAtlasViz.rendererStats();
  });
}

/** Loses the shared canvas's context through WEBGL_lose_context (kept for the restore: a lost context hands out no extension). */
export async function loseContext(page: Page): Promise<void> {
  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.viz-webgl-canvas');
    if (!canvas) throw new Error('the page has no shared WebGL canvas');
    const gl = canvas.getContext('webgl2');
    const extension = gl?.getExtension('WEBGL_lose_context');
    if (!extension) throw new Error('WEBGL_lose_context is not available');
    window.__atlasLoseContext = extension;
    extension.loseContext();
  });
}

export async function restoreContext(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (!window.__atlasLoseContext) throw new Error('loseContext was not called on this page');
    window.__atlasLoseContext.restoreContext();
  });
}

/** Two animation frames: the shared renderer measures on one and draws on it. */
export async function frames(page: Page, settleMs = 150): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForTimeout(settleMs);
}

/** A screenshot of every 3D view's stage (scrolled into the window first), decoded. */
export async function stagePixels(page: Page): Promise<Image[]> {
  const images: Image[] = [];
  for (const stage of await page.locator('.viz3d__stage').all()) {
    if (!(await stage.isVisible())) continue;
    await stage.scrollIntoViewIfNeeded();
    await frames(page, 250);
    images.push(decodePng(await stage.screenshot({ animations: 'disabled' })));
  }
  return images;
}

/** Share of pixels differing by more than `tolerance` in a channel (1 when the sizes differ). */
export function pixelDifference(a: Image, b: Image, tolerance = 24): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    if (
      Math.abs(a.rgba[i]! - b.rgba[i]!) > tolerance ||
      Math.abs(a.rgba[i + 1]! - b.rgba[i + 1]!) > tolerance ||
      Math.abs(a.rgba[i + 2]! - b.rgba[i + 2]!) > tolerance
    ) {
      differing++;
    }
  }
  return differing / (a.rgba.length / 4);
}
