/**
 * ONE WebGL renderer for the whole page. Browsers drop WebGL contexts past
 * about 16, and a chapter may hold a dozen 3D views, so every view registers
 * here and is drawn into its own element's rectangle of a single full-viewport
 * canvas with setViewport / setScissor (three.js' "multiple elements" example).
 *
 * The canvas is fixed over the viewport with pointer-events: none; it is
 * transparent everywhere except inside view rectangles, whose backgrounds are
 * the views' own CSS backgrounds showing through. z-index: var(--viz-canvas-z, 5),
 * so page chrome (menus, dialogs) placed above that stays on top.
 *
 * Drawing is on demand. A light animation-frame loop, running only while views
 * are registered, measures each view's rectangle when the page's layout may
 * have changed (layout-watch.ts: DOM and text changes, scrolling, resizing,
 * fonts, transitions; and every half second while anything happens), and
 * sleeps half a second after the last change until the next: an idle page
 * runs no frames for it and forces no layout. When a view asks for a
 * redraw (new data, an orbit), only that view is drawn again: the drawing
 * buffer is preserved between frames. A view that asks during an animation
 * frame, after this loop's turn (the notebook computes its cells in a later
 * animation-frame callback), is drawn in that same frame, in a microtask, with
 * the rectangle measured at the start of the frame: a slider's change reaches
 * the 3D views in the frame that shows the rest of the page, not one later.
 * When a rectangle moves (scroll, resize, layout shift) every visible view is
 * drawn. Views outside the viewport are skipped. Device pixel ratio is capped at 2.
 *
 * Context loss: 'webglcontextlost' is cancelled (preventDefault), so the
 * browser may give the context back; meanwhile drawing stops and every view
 * shows the sentence of context-loss.ts. On 'webglcontextrestored' three.js
 * (whose listener runs first) builds a new GPU state, and every geometry,
 * material, program and texture is uploaded again from the objects the views
 * still hold as they are drawn: everything is redrawn. Without WebGL,
 * `sharedRenderer()` returns null and views show why.
 */
import { WebGLRenderer, type Camera, type Scene } from 'three';
import { watchContext, type ContextWatch } from './context-loss.ts';
import { createWebGL2Context } from './webgl-support.ts';
import { watchLayout } from './layout-watch.ts';
import { watchTheme } from './theme.ts';
import { clippingAncestors, copyRect, measure, sameRect, type Rect } from './visible-rect.ts';

export interface RenderClient {
  /** The element whose rectangle the view is drawn into. */
  readonly element: HTMLElement;
  /** Name in statistics. */
  readonly label: string;
  readonly scene: Scene;
  readonly camera: Camera;
  /** Called before each draw with the element's size in CSS pixels. */
  prepare(width: number, height: number): void;
  /** The context is lost: show `message` in place of the picture (called again if the message changes). */
  contextLost(message: string): void;
  /** The context is back; the view is drawn again on the next frame. */
  contextRestored(): void;
  themeChanged(): void;
}

export interface ViewRegistration {
  /** Ask for a redraw on the next animation frame. */
  invalidate(): void;
  unregister(): void;
  /** Draw calls of this view the last time it was drawn (0 when it is off-screen). */
  readonly calls: number;
}

export interface RendererStats {
  available: boolean;
  /** Why WebGL is unavailable, when it is. */
  reason: string | null;
  contextLost: boolean;
  /** Times the context was lost, and given back, since the renderer was created. */
  losses: number;
  restores: number;
  /** WebGL canvases this module created (0 or 1). */
  canvases: number;
  views: number;
  /** Views waiting to be drawn on the next frame (0 once every change is on screen). */
  pending: number;
  /** Views drawn in the last frame (the others were off-screen or unchanged). */
  drawnViews: number;
  /** Frames actually drawn since the renderer was created. */
  frames: number;
  /** Draw calls and triangles of the last frame drawn, all views together. */
  calls: number;
  triangles: number;
  /** GPU memory objects alive (renderer.info.memory). */
  geometries: number;
  textures: number;
  programs: number;
  perView: { label: string; calls: number; drawn: boolean }[];
}

interface Entry {
  readonly client: RenderClient;
  dirty: boolean;
  /** The tick that last measured the rectangle. */
  measured: number;
  drawn: boolean;
  calls: number;
  clippers: HTMLElement[] | null;
  readonly full: Rect;
  readonly clip: Rect;
  readonly lastFull: Rect;
  readonly lastClip: Rect;
}

const emptyRect = (): Rect => ({ left: 0, top: 0, width: 0, height: 0 });

/** Measure every view at least every this many frames, whatever the layout watch says. */
const REMEASURE_TICKS = 30;

export class SharedRenderer {
  readonly renderer: WebGLRenderer;
  readonly canvas: HTMLCanvasElement;
  private readonly entries = new Set<Entry>();
  private frameId = 0;
  private needsDraw = true;
  private readonly context: ContextWatch;
  private losses = 0;
  private restores = 0;
  private frames = 0;
  private lastCalls = 0;
  private lastTriangles = 0;
  private drawnViews = 0;
  /** Ticks so far; a frame's tick number until the next tick. */
  private ticks = 0;
  /** The tick whose frame last drew; the canvas height that tick measured. */
  private drewInTick = -1;
  private frameHeight = 0;
  /** From a tick until its frame has been painted: a redraw asked meanwhile is drawn in that frame. */
  private frameOpen = false;
  private lateQueued = false;
  private drawing = false;
  private readonly frameEnd = new MessageChannel();
  private readonly stopWatchingTheme: () => void;
  private readonly maxBufferSize: number;
  private readonly layout = watchLayout(() => this.wake());
  /** The last tick that measured, drew or had a view waiting. */
  private activeTick = -Infinity;
  /** The tick that last measured every view; the canvas's CSS size it read. */
  private measuredTick = -Infinity;
  private canvasWidth = 0;
  private canvasHeight = 0;

  constructor(canvas: HTMLCanvasElement, context: WebGL2RenderingContext) {
    this.canvas = canvas;
    canvas.className = 'viz-webgl-canvas';
    canvas.setAttribute('aria-hidden', 'true');
    // Through the CSSOM, one property at a time: the site's Content Security
    // Policy forbids style attributes.
    Object.assign(canvas.style, {
      position: 'fixed',
      left: '0',
      top: '0',
      width: '100%',
      height: '100%',
      pointerEvents: 'none',
      zIndex: 'var(--viz-canvas-z, 5)',
      display: 'block',
    });
    this.renderer = new WebGLRenderer({ canvas, context, alpha: true });
    this.renderer.setClearColor(0x000000, 0);
    this.context = watchContext((message) => {
      if (message !== null) for (const e of this.entries) e.client.contextLost(message);
    });
    const dims = context.getParameter(context.MAX_VIEWPORT_DIMS) as Int32Array;
    this.maxBufferSize = Math.min(context.getParameter(context.MAX_RENDERBUFFER_SIZE) as number, dims[0]!, dims[1]!);
    this.renderer.info.autoReset = false;
    // A message posted in a frame's callbacks arrives once that frame has been painted.
    this.frameEnd.port1.onmessage = () => {
      this.frameOpen = false;
    };
    document.body.append(canvas);
    canvas.addEventListener('webglcontextlost', this.onLost);
    canvas.addEventListener('webglcontextrestored', this.onRestored);
    addEventListener('resize', this.onLayout);
    this.stopWatchingTheme = watchTheme(this.onTheme);
  }

  register(client: RenderClient): ViewRegistration {
    const entry: Entry = { client, dirty: true, measured: -1, drawn: false, calls: 0, clippers: null, full: emptyRect(), clip: emptyRect(), lastFull: emptyRect(), lastClip: emptyRect() };
    this.entries.add(entry);
    if (this.context.message !== null) client.contextLost(this.context.message);
    this.schedule();
    return {
      invalidate: () => {
        entry.dirty = true;
        this.schedule();
        if (this.frameOpen && !this.drawing && !this.lateQueued) {
          this.lateQueued = true;
          queueMicrotask(this.drawLate);
        }
      },
      unregister: () => {
        if (!this.entries.delete(entry)) return;
        // Its last picture is still on the canvas: redraw without it.
        this.needsDraw = true;
        this.schedule();
      },
      get calls() {
        return entry.calls;
      },
    };
  }

  stats(): RendererStats {
    const info = this.renderer.info;
    return {
      available: true,
      reason: null,
      contextLost: this.context.lost,
      losses: this.losses,
      restores: this.restores,
      canvases: 1,
      views: this.entries.size,
      pending: this.needsDraw ? this.entries.size : [...this.entries].filter((e) => e.dirty).length,
      drawnViews: this.drawnViews,
      frames: this.frames,
      calls: this.lastCalls,
      triangles: this.lastTriangles,
      geometries: info.memory.geometries,
      textures: info.memory.textures,
      programs: info.programs?.length ?? 0,
      perView: [...this.entries].map((e) => ({ label: e.client.label, calls: e.calls, drawn: e.drawn })),
    };
  }

  /** Free the GPU context and remove the canvas (tests; pages never need it). */
  dispose(): void {
    cancelAnimationFrame(this.frameId);
    this.frameId = 0;
    this.frameEnd.port1.close();
    this.entries.clear();
    removeEventListener('resize', this.onLayout);
    this.layout.dispose();
    this.stopWatchingTheme();
    this.context.dispose();
    this.canvas.removeEventListener('webglcontextlost', this.onLost);
    this.canvas.removeEventListener('webglcontextrestored', this.onRestored);
    this.renderer.dispose();
    this.canvas.remove();
  }

  private schedule(): void {
    if (this.frameId === 0) this.frameId = requestAnimationFrame(this.tick);
  }

  private readonly tick = (): void => {
    this.frameId = 0;
    // Nothing can be drawn; the restore schedules a frame.
    if (this.context.lost) return;
    const tick = ++this.ticks;
    // Measuring reads layout, which the browser must first bring up to date:
    // only when it may have moved (or half a second has passed, in case).
    const signalled = this.layout.take(performance.now());
    const relayout = signalled || tick - this.measuredTick >= REMEASURE_TICKS;
    let resized = false;
    if (relayout) {
      resized = this.syncSize();
      this.canvasWidth = this.canvas.clientWidth;
      this.canvasHeight = this.canvas.clientHeight;
      this.measuredTick = tick;
    }
    const w = this.canvasWidth;
    const h = this.canvasHeight;
    this.frameHeight = h;
    let all = this.needsDraw || resized;
    let some = false;
    for (const e of this.entries) {
      if (!relayout && e.measured >= 0) {
        // Its rectangle still holds.
        e.measured = tick;
        if (e.dirty) some = true;
        continue;
      }
      const el = e.client.element;
      // A view not (yet) in the page has no rectangle; its clipping ancestors are found once it is.
      if (el.isConnected) e.clippers ??= clippingAncestors(el);
      const visible = el.isConnected && measure(el, e.clippers ?? [], w, h, e.full, e.clip);
      if (!visible) e.clip.width = e.clip.height = 0;
      e.measured = tick;
      if (!sameRect(e.clip, e.lastClip) || (visible && !sameRect(e.full, e.lastFull))) all = true;
      else if (e.dirty) some = true;
    }
    if (all || some) this.draw(h, all, false);
    this.frameOpen = true;
    this.frameEnd.port2.postMessage(0);
    // Keep ticking while anything happens and half a second after (so the
    // last re-measure comes after the page has settled); then sleep until the
    // layout watch or a view wakes the loop.
    if (signalled || all || some) this.activeTick = tick;
    if (this.entries.size > 0 && tick - this.activeTick <= REMEASURE_TICKS) this.schedule();
  };

  /** A sign the layout may have changed: tick on the next frame. */
  private wake(): void {
    if (this.entries.size > 0 && !this.context.lost) this.schedule();
  }

  private syncSize(): boolean {
    const w = this.canvas.clientWidth;
    const h = this.canvas.clientHeight;
    // A drawing buffer larger than the GPU allows is silently shrunk by the
    // browser, which would misplace every view: lower the ratio instead.
    const ratio = Math.min(devicePixelRatio || 1, 2, this.maxBufferSize / Math.max(w, 1), this.maxBufferSize / Math.max(h, 1));
    if (this.renderer.getPixelRatio() === ratio && this.canvas.width === Math.floor(w * ratio) && this.canvas.height === Math.floor(h * ratio)) {
      return false;
    }
    this.renderer.setPixelRatio(ratio);
    this.renderer.setSize(w, h, false);
    for (const e of this.entries) e.clippers = null;
    return true;
  }

  /** Later in the frame of the last tick: the views that asked since, measured by that tick. */
  private readonly drawLate = (): void => {
    this.lateQueued = false;
    if (!this.frameOpen || this.context.lost || this.frameId === 0) return;
    this.draw(this.frameHeight, false, true);
  };

  /**
   * Draw every visible view (`all`), or only those that asked to be redrawn;
   * `late`: only those measured by this frame's tick (the others wait for the next).
   */
  private draw(canvasHeight: number, all: boolean, late: boolean): void {
    const r = this.renderer;
    // Draw calls and triangles add up over the draws of one frame.
    if (this.drewInTick !== this.ticks) r.info.reset();
    this.drawing = true;
    let drawn = 0;
    try {
      if (all) {
        r.setScissorTest(false);
        r.clear(true, true, false);
      }
      r.setScissorTest(true);
      for (const e of this.entries) {
        if (!all && !e.dirty) continue;
        if (late && e.measured !== this.ticks) continue;
        copyRect(e.lastClip, e.clip);
        copyRect(e.lastFull, e.full);
        e.dirty = false;
        e.drawn = e.clip.width > 0 && e.clip.height > 0 && e.full.width > 0 && e.full.height > 0;
        if (!e.drawn) {
          e.calls = 0;
          continue;
        }
        const { full, clip } = e;
        // The viewport is the whole element (the projection must not change as
        // it scrolls out of view); the scissor is only the part that shows.
        r.setViewport(full.left, canvasHeight - full.top - full.height, full.width, full.height);
        r.setScissor(clip.left, canvasHeight - clip.top - clip.height, clip.width, clip.height);
        e.client.prepare(full.width, full.height);
        const before = r.info.render.calls;
        r.render(e.client.scene, e.client.camera);
        e.calls = r.info.render.calls - before;
        drawn++;
      }
    } finally {
      this.drawing = false;
    }
    if (!late) this.needsDraw = false;
    if (this.drewInTick !== this.ticks) {
      this.frames++;
      this.drawnViews = 0;
    }
    this.drewInTick = this.ticks;
    this.drawnViews += drawn;
    this.lastCalls = r.info.render.calls;
    this.lastTriangles = r.info.render.triangles;
  }

  private readonly onLayout = (): void => {
    for (const e of this.entries) e.clippers = null;
    this.needsDraw = true;
    this.schedule();
  };

  private readonly onTheme = (): void => {
    for (const e of this.entries) e.client.themeChanged();
    this.needsDraw = true;
    this.schedule();
  };

  private readonly onLost = (event: Event): void => {
    // Without this the browser never gives the context back (three.js does it too; do not depend on it).
    event.preventDefault();
    if (this.context.lost) return;
    this.losses++;
    cancelAnimationFrame(this.frameId);
    this.frameId = 0;
    // A lost context's canvas shows nothing worth seeing, and when the window is
    // resized meanwhile Chromium may paint it opaque over the whole page: hide it.
    this.canvas.style.visibility = 'hidden';
    this.context.onLost();
  };

  private readonly onRestored = (): void => {
    // three.js' own listener (added first) has already rebuilt its GPU state
    // (its caches of buffers, programs and textures are new and empty, so every
    // object is uploaded again when next drawn) and kept its info.autoReset.
    this.restores++;
    this.canvas.style.visibility = '';
    this.context.onRestored();
    this.renderer.setClearColor(0x000000, 0);
    this.needsDraw = true;
    for (const e of this.entries) {
      e.dirty = true;
      e.client.contextRestored();
    }
    this.schedule();
  };
}

let instance: SharedRenderer | null = null;
let unavailable: string | null = null;

/**
 * The page's shared renderer, created on first use; null when WebGL is
 * unavailable (see `webglUnavailableReason`).
 */
export function sharedRenderer(): SharedRenderer | null {
  if (instance || unavailable !== null) return instance;
  const support = createWebGL2Context();
  if (!support.ok) {
    unavailable = support.reason;
    return null;
  }
  try {
    instance = new SharedRenderer(support.canvas, support.context);
  } catch (error) {
    unavailable = `the graphics driver refused to start WebGL (${error instanceof Error ? error.message : String(error)})`;
    return null;
  }
  exposeForTests();
  return instance;
}

export function webglUnavailableReason(): string | null {
  sharedRenderer();
  return unavailable;
}

/** Draw calls, memory and per-view figures of the shared renderer (for tests and soak checks). */
export function rendererStats(): RendererStats {
  if (instance) return instance.stats();
  return {
    available: false,
    reason: unavailable,
    contextLost: false,
    losses: 0,
    restores: 0,
    canvases: 0,
    views: 0,
    pending: 0,
    drawnViews: 0,
    frames: 0,
    calls: 0,
    triangles: 0,
    geometries: 0,
    textures: 0,
    programs: 0,
    perView: [],
  };
}

/** Tear the shared renderer down (test isolation); the next view creates a new one. */
export function disposeSharedRenderer(): void {
  instance?.dispose();
  instance = null;
  unavailable = null;
}

/**
 * Soak and end-to-end tests read the statistics (draw calls, three.js'
 * renderer.info.memory), a fresh copy each call, as
 * `window.__cnnAtlasViz.rendererStats()`. Exposed only on a page whose test
 * set `window.__cnnAtlasDebug = true` in an init script, before the page's
 * own scripts ran: never on a reader's page. (Not a URL parameter: the query
 * string holds the reader's settings, and the page reports any other name in
 * it as ignored.) The canvas is `canvas.viz-webgl-canvas`.
 */
function exposeForTests(): void {
  const scope = globalThis as { __cnnAtlasDebug?: unknown; __cnnAtlasViz?: unknown };
  if (scope.__cnnAtlasDebug !== true) return;
  scope.__cnnAtlasViz = Object.freeze({ rendererStats });
}
