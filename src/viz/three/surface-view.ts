/**
 * A loss surface z = f(x, y) in 3D with the trajectories of several
 * optimizers on it, on the page's shared WebGL renderer (Optimizers chapter).
 *
 *   const view = createSurfaceView(el, { grid, trajectories: runs.map((r, i) => ({ name: kinds[i], points: r.points, values: r.values })),
 *     start: [-1.5, 2], minimum: [1, 1] }, { title: 'Rosenbrock', onPick: (x, y) => setStart([x, y]) });
 *   invalidation.then(view.dispose);
 *
 * `grid` is the chapter's sampling of f (see paint/surface-grid.ts); a
 * trajectory is src/optim's Trajectory (points, values). Draw calls: the
 * surface, all trajectories together, all markers together (3), plus the
 * hover probe while the pointer is on the surface.
 */
import {
  AmbientLight,
  BufferAttribute,
  BufferGeometry,
  DirectionalLight,
  DoubleSide,
  Group,
  InstancedBufferAttribute,
  InstancedMesh,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PerspectiveCamera,
  Raycaster,
  Scene,
  SphereGeometry,
  SRGBColorSpace,
  Vector2,
} from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { type ColormapName, type RGB } from '../paint/colormap.ts';
import { formatValue } from '../paint/format.ts';
import { seriesColor } from '../paint/palette.ts';
import { checkSurfaceGrid, sampleAt, type SurfaceGrid } from '../paint/surface-grid.ts';
import { CameraFit } from './camera-fit.ts';
import { createColorLegend } from './color-legend.ts';
import { createOrbitInput } from './orbit-input.ts';
import { createOrientationGizmo } from './orientation-gizmo.ts';
import { sharedRenderer, webglUnavailableReason, type RenderClient, type ViewRegistration } from './shared-renderer.ts';
import { srgbToLinear } from './srgb.ts';
import { autoZScale, dataOf, surfaceLayout, surfaceMesh, trajectorySegments, worldOf, type SurfaceLayout, type ZScale } from './surface-geometry.ts';
import { readTheme, resolveColor, type ViewTheme } from './theme.ts';
import { createViewFrame } from './view-frame.ts';
import { keyAction } from './view-keys.ts';

export interface SurfaceTrajectory {
  name: string;
  /** Flat [x0, y0, x1, y1, ...]. */
  points: ArrayLike<number>;
  /** f at each point (default: read from the grid). */
  values?: ArrayLike<number>;
  /** CSS colour (default: the series palette). */
  color?: string;
}

export interface SurfaceData {
  grid: SurfaceGrid;
  trajectories?: readonly SurfaceTrajectory[];
  start?: readonly [number, number] | null;
  minimum?: readonly [number, number] | null;
  /** Name of f in the text alternative ("Rosenbrock function"). */
  name?: string;
}

export interface SurfaceViewOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  valueLabel?: string;
  colormap?: ColormapName;
  /** Height scale of f; default 'log' when f >= 0 spans more than two decades. */
  zScale?: ZScale | 'auto';
  height?: string;
  aspect?: number;
  onHover?: (point: { x: number; y: number; value: number } | null) => void;
  /** A click or Enter on the surface: the chapter may restart the optimizers there. */
  onPick?: (x: number, y: number) => void;
}

export interface SurfaceView {
  readonly node: HTMLElement;
  update(data: SurfaceData): void;
  resetView(): void;
  stats(): { vertices: number; trajectories: number; calls: number };
  dispose(): void;
}

const KEY_HELP =
  'Drag or use the arrow keys to rotate; + and − zoom (or Ctrl + scroll). Shift + arrows move the probe over the surface; Enter picks the start point there; Home resets the view.';

export function createSurfaceView(container: HTMLElement, data: SurfaceData, options: SurfaceViewOptions = {}): SurfaceView {
  const frame = createViewFrame(container, { title: options.title, className: 'viz3d--surface', height: options.height, keyHelp: KEY_HELP });
  const { stage } = frame;
  if (options.height === undefined) stage.style.aspectRatio = String(options.aspect ?? 4 / 3);
  const xLabel = options.xLabel ?? 'θ₁';
  const yLabel = options.yLabel ?? 'θ₂';
  const valueLabel = options.valueLabel ?? 'loss';
  const mapName = options.colormap ?? 'viridis';

  const scene = new Scene();
  const camera = new PerspectiveCamera(30, 4 / 3, 0.1, 1000);
  scene.add(new AmbientLight(0xffffff, 1.1));
  const sun = new DirectionalLight(0xffffff, 1.5);
  sun.position.set(-4, 10, 6);
  scene.add(sun);

  // Surface: pushed back a little in depth so lines drawn on it are not buried.
  const surfaceGeometry = new BufferGeometry();
  const surfaceMaterial = new MeshLambertMaterial({ vertexColors: true, side: DoubleSide, polygonOffset: true, polygonOffsetFactor: 1, polygonOffsetUnits: 1 });
  const surface = new Mesh(surfaceGeometry, surfaceMaterial);
  // Everything sits in a group lowered by half the surface's height, so the
  // box the camera frames is centred on the origin.
  const world = new Group();
  scene.add(world);
  world.add(surface);

  let lineGeometry = new LineSegmentsGeometry();
  const lineMaterial = new LineMaterial({ vertexColors: true, linewidth: 3 });
  const lines = new LineSegments2(lineGeometry, lineMaterial);
  lines.frustumCulled = false;
  world.add(lines);

  const sphere = new SphereGeometry(1, 16, 12);
  const markerMaterial = new MeshBasicMaterial();
  let markers = new InstancedMesh(sphere, markerMaterial, 1);
  markers.count = 0;
  world.add(markers);
  const probeMaterial = new MeshBasicMaterial();
  const probe = new Mesh(sphere, probeMaterial);
  probe.visible = false;
  world.add(probe);

  const orbit = createOrbitInput(camera, stage, () => registration?.invalidate());
  const fit = new CameraFit(camera, orbit.controls);
  const gizmo = createOrientationGizmo(frame.footer, [xLabel, yLabel, 'f']);
  const legend = createColorLegend(frame.footer, { map: mapName, domain: [0, 1], label: valueLabel });
  frame.footer.insertBefore(legend.node, frame.readout);
  const keys = document.createElement('ul');
  keys.className = 'viz3d__series';
  keys.setAttribute('aria-label', 'Trajectories');
  frame.footer.insertBefore(keys, frame.readout);

  let current = data;
  let layout: SurfaceLayout | null = null;
  let theme: ViewTheme = readTheme(stage);
  let themeFromPage = stage.isConnected;
  let probeAt: [number, number] | null = null;
  let disposed = false;

  const client: RenderClient = {
    element: stage,
    label: options.title ?? 'surface view',
    scene,
    camera,
    prepare(width, height) {
      if (!themeFromPage) {
        themeFromPage = true;
        client.themeChanged();
      }
      fit.apply(width / Math.max(1, height));
      orbit.controls.update();
      gizmo.update(camera);
    },
    contextLost(message) {
      frame.setStatus(message);
    },
    contextRestored() {
      frame.setStatus(null);
    },
    themeChanged() {
      theme = readTheme(stage);
      writeMarkers();
      probeMaterial.color.setRGB(theme.box[0], theme.box[1], theme.box[2], SRGBColorSpace);
      registration?.invalidate();
    },
  };
  const renderer = sharedRenderer();
  const registration: ViewRegistration | null = renderer ? renderer.register(client) : null;
  if (!renderer) frame.markUnavailable(webglUnavailableReason() ?? 'WebGL could not be started');
  const invalidate = () => registration?.invalidate();

  const colorOf = (t: SurfaceTrajectory, i: number) => t.color ?? seriesColor(i);
  const rgbOf = (css: string): RGB => resolveColor(stage, css, [0.5, 0.5, 0.5]);

  function chooseScale(g: SurfaceGrid): ZScale {
    return options.zScale && options.zScale !== 'auto' ? options.zScale : autoZScale(g.values);
  }

  function setData(d: SurfaceData): void {
    checkSurfaceGrid('surface view', d.grid);
    const gridChanged = !layout || d.grid !== current.grid;
    current = d;
    if (gridChanged) {
      const previous = layout;
      layout = surfaceLayout(d.grid, chooseScale(d.grid));
      const mesh = surfaceMesh(d.grid, layout, mapName);
      for (let i = 0; i < mesh.colors.length; i++) mesh.colors[i] = srgbToLinear(mesh.colors[i]!);
      surfaceGeometry.setAttribute('position', new BufferAttribute(mesh.positions, 3));
      surfaceGeometry.setAttribute('color', new BufferAttribute(mesh.colors, 3));
      surfaceGeometry.setIndex(new BufferAttribute(mesh.indices, 1));
      surfaceGeometry.computeVertexNormals();
      surfaceGeometry.computeBoundingSphere();
      world.position.y = -layout.height / 2;
      const size: [number, number, number] = [layout.width, layout.height, layout.depth];
      if (!previous) fit.reset(size, 'high');
      else fit.resize(size);
      legend.update({ map: mapName, domain: [layout.zMin, layout.zMax], label: layout.scale === 'log' ? `${valueLabel} (log scale)` : valueLabel });
    }
    writeLines();
    writeMarkers();
    writeSeriesKeys();
    describe();
    if (probeAt) showProbe(probeAt);
    invalidate();
  }

  function writeLines(): void {
    if (!layout) return;
    const lift = layout.height * 0.012;
    // A 500-pixel view draws the surface's width in about 500 pixels: drop path points within a fifth of a pixel of the line.
    const tolerance = layout.width * 0.0004;
    const positions: number[] = [];
    const colors: number[] = [];
    (current.trajectories ?? []).forEach((t, i) => {
      const segs = trajectorySegments(current.grid, layout!, t, lift, tolerance);
      const [r, g, b] = rgbOf(colorOf(t, i));
      for (let k = 0; k < segs.length; k++) positions.push(segs[k]!);
      for (let k = 0; k < segs.length / 3; k++) colors.push(srgbToLinear(r), srgbToLinear(g), srgbToLinear(b));
    });
    // New data, new geometry: LineSegmentsGeometry sizes its buffers once.
    lineGeometry.dispose();
    lineGeometry = new LineSegmentsGeometry();
    if (positions.length > 0) {
      lineGeometry.setPositions(positions);
      lineGeometry.setColors(colors);
    }
    lines.geometry = lineGeometry;
    lines.visible = positions.length > 0;
  }

  const matrix = new Matrix4();
  const spot = [0, 0, 0];

  function writeMarkers(): void {
    if (!layout) return;
    const g = current.grid;
    const list: { x: number; y: number; z: number; rgb: RGB; r: number }[] = [];
    const radius = layout.width * 0.014;
    const on = (x: number, y: number) => x >= g.x[0] && x <= g.x[1] && y >= g.y[0] && y <= g.y[1];
    (current.trajectories ?? []).forEach((t, i) => {
      const n = Math.floor(t.points.length / 2);
      if (n === 0) return;
      const x = t.points[2 * n - 2]!;
      const y = t.points[2 * n - 1]!;
      if (!on(x, y)) return;
      const z = t.values && Number.isFinite(t.values[n - 1]!) ? t.values[n - 1]! : sampleAt(g, x, y);
      list.push({ x, y, z, rgb: rgbOf(colorOf(t, i)), r: radius * 1.3 });
    });
    if (current.start && on(current.start[0], current.start[1])) {
      const [x, y] = current.start;
      list.push({ x, y, z: sampleAt(g, x, y), rgb: theme.foreground, r: radius * 1.5 });
    }
    if (current.minimum && on(current.minimum[0], current.minimum[1])) {
      const [x, y] = current.minimum;
      list.push({ x, y, z: sampleAt(g, x, y), rgb: [1, 1, 1], r: radius });
    }
    if (list.length > markers.instanceMatrix.count) {
      world.remove(markers);
      markers.dispose();
      markers = new InstancedMesh(sphere, markerMaterial, list.length);
      world.add(markers);
    }
    if (!markers.instanceColor) markers.instanceColor = new InstancedBufferAttribute(new Float32Array(markers.instanceMatrix.count * 3), 3);
    list.forEach((m, i) => {
      worldOf(layout!, g, m.x, m.y, m.z, spot);
      matrix.makeScale(m.r, m.r, m.r).setPosition(spot[0]!, spot[1]! + m.r * 0.5, spot[2]!);
      markers.setMatrixAt(i, matrix);
      markers.instanceColor!.setXYZ(i, srgbToLinear(m.rgb[0]), srgbToLinear(m.rgb[1]), srgbToLinear(m.rgb[2]));
    });
    markers.count = list.length;
    markers.instanceMatrix.needsUpdate = true;
    markers.instanceColor.needsUpdate = true;
    markers.computeBoundingSphere();
  }

  function writeSeriesKeys(): void {
    const items = (current.trajectories ?? []).map((t, i) => ({ name: t.name, color: colorOf(t, i) }));
    while (keys.children.length > items.length) keys.lastElementChild!.remove();
    items.forEach((item, i) => {
      let li = keys.children[i] as HTMLLIElement | undefined;
      if (!li) {
        li = document.createElement('li');
        const key = document.createElement('span');
        key.className = 'viz3d__key';
        key.setAttribute('aria-hidden', 'true');
        li.append(key, document.createElement('span'));
        keys.append(li);
      }
      (li.firstElementChild as HTMLElement).style.background = item.color;
      li.lastElementChild!.textContent = item.name;
    });
    keys.hidden = items.length === 0;
  }

  function describe(): void {
    const g = current.grid;
    const runs = (current.trajectories ?? []).map((t) => {
      const n = Math.floor(t.points.length / 2);
      if (n === 0) return `${t.name}: no points`;
      const last = t.values?.[n - 1] ?? sampleAt(g, t.points[2 * n - 2]!, t.points[2 * n - 1]!);
      return `${t.name} ends at (${formatValue(t.points[2 * n - 2]!)}, ${formatValue(t.points[2 * n - 1]!)}), ${valueLabel} ${formatValue(last)}, after ${n - 1} steps`;
    });
    const start = current.start ? `, starting at (${formatValue(current.start[0])}, ${formatValue(current.start[1])})` : '';
    stage.setAttribute(
      'aria-label',
      `Surface of the ${current.name ?? valueLabel} over ${xLabel} from ${formatValue(g.x[0])} to ${formatValue(g.x[1])} and ${yLabel} from ${formatValue(g.y[0])} to ${formatValue(g.y[1])}${start}. ${runs.join('; ')}.`,
    );
  }

  // ---- probe (hover / keyboard) ------------------------------------------

  function showProbe(at: [number, number] | null): void {
    probeAt = at;
    if (!at || !layout) {
      probe.visible = false;
      frame.setReadout(options.onPick ? 'Point at the surface to read it; click to start the optimizers there.' : `Point at the surface to read the ${valueLabel}.`);
      options.onHover?.(null);
      invalidate();
      return;
    }
    const v = sampleAt(current.grid, at[0], at[1]);
    worldOf(layout, current.grid, at[0], at[1], v, spot);
    const r = layout.width * 0.01;
    probe.position.set(spot[0]!, spot[1]! + r, spot[2]!);
    probe.scale.setScalar(r);
    probe.visible = true;
    frame.setReadout(`${xLabel} ${formatValue(at[0])}, ${yLabel} ${formatValue(at[1])}: ${valueLabel} ${formatValue(v)}`);
    options.onHover?.({ x: at[0], y: at[1], value: v });
    invalidate();
  }

  const raycaster = new Raycaster();
  const ndc = new Vector2();
  let pickFrame = 0;
  let pointerX = 0;
  let pointerY = 0;
  let downX = 0;
  let downY = 0;

  function pick(): [number, number] | null {
    if (!layout) return null;
    const r = stage.getBoundingClientRect();
    ndc.set(((pointerX - r.left - stage.clientLeft) / stage.clientWidth) * 2 - 1, -((pointerY - r.top - stage.clientTop) / stage.clientHeight) * 2 + 1);
    camera.updateMatrixWorld();
    raycaster.setFromCamera(ndc, camera);
    const hit = raycaster.intersectObject(surface, false)[0];
    return hit ? dataOf(layout, current.grid, hit.point.x, hit.point.z) : null;
  }

  function onPointerMove(e: PointerEvent): void {
    if (e.buttons !== 0) return;
    pointerX = e.clientX;
    pointerY = e.clientY;
    if (pickFrame === 0)
      pickFrame = requestAnimationFrame(() => {
        pickFrame = 0;
        showProbe(pick());
      });
  }

  function onPointerLeave(): void {
    if (pickFrame !== 0) cancelAnimationFrame(pickFrame);
    pickFrame = 0;
    if (document.activeElement !== stage) showProbe(null);
  }

  function onPointerDown(e: PointerEvent): void {
    downX = e.clientX;
    downY = e.clientY;
  }

  function onPointerUp(e: PointerEvent): void {
    if (Math.hypot(e.clientX - downX, e.clientY - downY) >= 5) return;
    pointerX = e.clientX;
    pointerY = e.clientY;
    const at = pick();
    if (at) options.onPick?.(at[0], at[1]);
  }

  function onKeyDown(e: KeyboardEvent): void {
    const action = keyAction(e);
    if (!action || !layout) return;
    const g = current.grid;
    switch (action.kind) {
      case 'rotate':
        orbit.rotate(action.left, action.up);
        break;
      case 'zoom':
        orbit.zoom(action.factor);
        break;
      case 'cursor': {
        if (typeof action.move === 'string') return;
        const axis = action.move.axis;
        if (axis !== 0 && axis !== 1) return;
        const from = probeAt ?? (current.start ? [current.start[0], current.start[1]] : [(g.x[0] + g.x[1]) / 2, (g.y[0] + g.y[1]) / 2]);
        const step = axis === 0 ? (g.x[1] - g.x[0]) / 40 : (g.y[1] - g.y[0]) / 40;
        const next: [number, number] = [from[0]!, from[1]!];
        next[axis] += step * action.move.delta;
        next[0] = Math.max(g.x[0], Math.min(g.x[1], next[0]));
        next[1] = Math.max(g.y[0], Math.min(g.y[1], next[1]));
        showProbe(next);
        break;
      }
      case 'select':
        if (probeAt) options.onPick?.(probeAt[0], probeAt[1]);
        else showProbe(current.start ? [current.start[0], current.start[1]] : [(g.x[0] + g.x[1]) / 2, (g.y[0] + g.y[1]) / 2]);
        break;
      case 'clear':
        showProbe(null);
        break;
      case 'reset':
        fit.reset([layout.width, layout.height, layout.depth], 'high');
        invalidate();
        break;
    }
    e.preventDefault();
  }

  stage.addEventListener('pointermove', onPointerMove);
  stage.addEventListener('pointerleave', onPointerLeave);
  stage.addEventListener('pointerdown', onPointerDown);
  stage.addEventListener('pointerup', onPointerUp);
  stage.addEventListener('keydown', onKeyDown);

  probeMaterial.color.setRGB(theme.box[0], theme.box[1], theme.box[2], SRGBColorSpace);
  setData(data);
  showProbe(null);

  return {
    node: frame.root,
    update(next) {
      if (!disposed) setData(next);
    },
    resetView() {
      if (layout) fit.reset([layout.width, layout.height, layout.depth], 'high');
      invalidate();
    },
    stats() {
      return {
        vertices: surfaceGeometry.getAttribute('position')?.count ?? 0,
        trajectories: current.trajectories?.length ?? 0,
        calls: registration?.calls ?? 0,
      };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      if (pickFrame !== 0) cancelAnimationFrame(pickFrame);
      stage.removeEventListener('pointermove', onPointerMove);
      stage.removeEventListener('pointerleave', onPointerLeave);
      stage.removeEventListener('pointerdown', onPointerDown);
      stage.removeEventListener('pointerup', onPointerUp);
      stage.removeEventListener('keydown', onKeyDown);
      registration?.unregister();
      orbit.dispose();
      surfaceGeometry.dispose();
      surfaceMaterial.dispose();
      lineGeometry.dispose();
      lineMaterial.dispose();
      markers.dispose();
      sphere.dispose();
      markerMaterial.dispose();
      probeMaterial.dispose();
      gizmo.dispose();
      legend.dispose();
      frame.dispose();
    },
  };
}
