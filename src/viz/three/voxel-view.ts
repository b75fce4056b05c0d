/**
 * Voxel view of a tensor: every value a small cube coloured by a colour map,
 * in ONE draw call (one mesh of all the cubes, voxel-mesh.ts), on the page's shared WebGL renderer.
 *
 *   const view = createVoxelView(el, { tensor: H1, colormap: 'diverging' }, { title: 'H¹' });
 *   view.setBox({ from: [1, 1, 0], to: [3, 3, 0] });   // the filter's footprint
 *   view.setHighlight({ from: [1, 1, 0], to: [3, 3, 0] });
 *   invalidation.then(view.dispose);
 *
 * Shapes: [x], [x, y], [x, y, z], [x, y, z, d], [n, x, y, z, d] (sample `sample`),
 * or a filter bank [wx, wy, wz, wd, wc] with `filter: c`. Feature maps are laid
 * side by side (see voxel-layout.ts); `map` shows one alone.
 *
 * The view only displays: chapters compute tensors, receptive fields and
 * padding and pass them in. `update` rewrites buffers in place.
 */
import { PerspectiveCamera, Raycaster, Scene, Vector2, Vector3 } from 'three';
import type { Tensor } from '../../tensor/tensor.ts';
import { colormap as getColormap, rgbCss, type ColormapName, type RGB } from '../paint/colormap.ts';
import { paintValues } from '../paint/paint-values.ts';
import { finiteExtent, niceDomainOf } from '../paint/domain.ts';
import { BoxLines, type Box } from './box-lines.ts';
import { facesTowards } from './cell-geometry.ts';
import { CameraFit } from './camera-fit.ts';
import { createColorLegend } from './color-legend.ts';
import { moveCursor } from './cursor.ts';
import { presetFor, stageAspect, type ViewPreset } from './framing.ts';
import { highlightMask, type CellRange, type HighlightSpec } from './highlight.ts';
import { createOrbitInput } from './orbit-input.ts';
import { createOrientationGizmo } from './orientation-gizmo.ts';
import { sharedRenderer, webglUnavailableReason, type RenderClient, type ViewRegistration } from './shared-renderer.ts';
import { surfaceCells, visibleCells, type DrawnCells, type SliceSpec, type VisibleCells } from './slicing.ts';
import { srgbToLinear } from './srgb.ts';
import { readTheme, type ViewTheme } from './theme.ts';
import { createViewFrame } from './view-frame.ts';
import { keyAction } from './view-keys.ts';
import { cellCoords, cellIndex, gridValues, isPaddingCell, voxelGrid, type VoxelGrid } from './voxel-grid.ts';
import { cellCenter, cellRangeBox, layoutVoxels, type MapLayout, type VoxelLayout } from './voxel-layout.ts';
import { writeInstanceMatrix, VoxelMesh } from './voxel-mesh.ts';
import { describeCell, describeTensor } from './voxel-text.ts';

export interface VoxelData {
  /** The tensor to show (or give `values` and `shape`). */
  tensor?: Tensor;
  values?: ArrayLike<number>;
  shape?: readonly number[];
  /** Sample n of an [n, x, y, z, d] tensor (default 0). */
  sample?: number;
  /** Read a 5-axis tensor as a filter bank [wx, wy, wz, wd, wc] and show filter c. */
  filter?: number;
  /** Colour domain; default: a nice domain of the values (symmetric for 'diverging'). */
  domain?: readonly [number, number];
  colormap?: ColormapName;
  /** Widths of the zero-padding border along x, y, z: those cells are drawn small and grey. */
  padding?: readonly [number, number, number];
  /** Name in the aria label ("Input H⁰ 5×5×1, ..."); default "Tensor". */
  name?: string;
}

export interface CellInfo {
  x: number;
  y: number;
  z: number;
  d: number;
  value: number;
  padding: boolean;
}

export interface VoxelViewOptions {
  title?: string;
  /** Default colour map when the data names none (default 'viridis'). */
  colormap?: ColormapName;
  /** Legend caption (default 'value'). */
  legendLabel?: string;
  /** Empty space between cubes, as a fraction of a cell (default 0.16). */
  gap?: number;
  mapLayout?: MapLayout;
  mapGap?: number;
  /** Show only this feature map. */
  map?: number | null;
  slice?: SliceSpec | null;
  highlight?: HighlightSpec | null;
  box?: CellRange | readonly CellRange[] | null;
  /** First camera direction; 'auto' looks at 1D/2D grids from above, volumes obliquely. */
  view?: ViewPreset | 'auto';
  /** CSS height of the drawing area; default: an aspect ratio suiting the layout (wide rows get a wide area, volumes 4:3). */
  height?: string;
  /** Width / height of the drawing area, instead of the automatic one. */
  aspect?: number;
  onHover?: (cell: CellInfo | null) => void;
  onSelect?: (cell: CellInfo) => void;
}

export interface VoxelView {
  readonly node: HTMLElement;
  update(data: VoxelData): void;
  setSlice(slice: SliceSpec | null): void;
  setHighlight(spec: HighlightSpec | null): void;
  setBox(box: CellRange | readonly CellRange[] | null): void;
  setMap(map: number | null): void;
  /** Put the read-out cursor on a cell ([x, y, z] or [x, y, z, d]), or hide it. */
  setCursor(index: readonly number[] | null): void;
  resetView(): void;
  /** cells in the grid, cells not hidden by slice or map, cubes actually drawn (the visible surface), draw calls last frame. */
  stats(): { cells: number; visibleCells: number; instances: number; calls: number };
  dispose(): void;
}

const DIM_TOWARDS_BACKGROUND = 0.72;
/** Above this many cubes a cell is a few pixels wide and the top face's rim would not show. */
const RIM_MAX_CUBES = 4096;

export function createVoxelView(container: HTMLElement, data: VoxelData, options: VoxelViewOptions = {}): VoxelView {
  const frame = createViewFrame(container, { title: options.title, className: 'viz3d--voxel', height: options.height });
  const { stage } = frame;
  const gap = Math.min(0.6, Math.max(0, options.gap ?? 0.16));

  const scene = new Scene();
  // A narrow field of view keeps a 2D map seen from above close to a flat figure.
  const camera = new PerspectiveCamera(24, 4 / 3, 0.1, 1000);
  const voxels = new VoxelMesh(1);
  const boxes = new BoxLines(2.5, 2);
  const cursorBox = new BoxLines(1.5, 3);
  scene.add(voxels.mesh, boxes.object, cursorBox.object);

  const orbit = createOrbitInput(camera, stage, () => registration?.invalidate());
  const fit = new CameraFit(camera, orbit.controls);
  const gizmo = createOrientationGizmo(frame.footer);
  const legend = createColorLegend(frame.footer, { map: 'viridis', domain: [0, 1], label: options.legendLabel ?? 'value' });
  frame.footer.insertBefore(legend.node, frame.readout);

  // State: what is shown, derived from data and options.
  let grid: VoxelGrid | null = null;
  let layout: VoxelLayout | null = null;
  let values: Float64Array = new Float64Array(0);
  let cellRGB: Float32Array = new Float32Array(0);
  let visible: VisibleCells | undefined;
  let drawn: DrawnCells | undefined;
  let mask: Uint8Array | undefined;
  let masked = false;
  let domain: readonly [number, number] = [0, 1];
  let mapName: ColormapName = options.colormap ?? 'viridis';
  let padding: readonly [number, number, number] | undefined;
  let name = 'Tensor';
  let slice = options.slice ?? null;
  let shownMap = options.map ?? null;
  if (shownMap !== null && !Number.isInteger(shownMap)) shownMap = null;
  let highlight = options.highlight ?? null;
  let box = options.box ?? null;
  let cursor = -1;
  let theme: ViewTheme = readTheme(stage);
  // Colours read while the view is not yet in the page are fallbacks: read again on first draw.
  let themeFromPage = stage.isConnected;
  let disposed = false;

  const client: RenderClient = {
    element: stage,
    label: options.title ?? 'voxel view',
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
      showFacingFaces();
      // The cubes are written out only for a view being drawn.
      voxels.flush();
    },
    contextLost(message) {
      frame.setStatus(message);
    },
    contextRestored() {
      frame.setStatus(null);
    },
    themeChanged() {
      theme = readTheme(stage);
      applyTheme();
      writeInstances(false);
    },
  };
  const renderer = sharedRenderer();
  const registration: ViewRegistration | null = renderer ? renderer.register(client) : null;
  if (!renderer) frame.markUnavailable(webglUnavailableReason() ?? 'WebGL could not be started');
  const invalidate = () => registration?.invalidate();

  function applyTheme(): void {
    boxes.setColor(theme.box);
    cursorBox.setColor(theme.foreground, 0.9);
  }
  applyTheme();

  // ---- building -----------------------------------------------------------

  function setData(d: VoxelData): void {
    const shape = d.tensor ? d.tensor.shape : d.shape;
    const source = d.tensor ? d.tensor.data : d.values;
    if (!shape || !source) throw new Error('voxel view: give a tensor, or values and a shape');
    const next = voxelGrid(shape, { sample: d.sample, filter: d.filter });
    const reshaped = !grid || next.nx !== grid.nx || next.ny !== grid.ny || next.nz !== grid.nz || next.nd !== grid.nd;
    const dimsChanged = !grid || next.dims !== grid.dims;
    grid = next;
    values = gridValues(grid, source, values.length === grid.cells ? values : undefined);
    mapName = d.colormap ?? options.colormap ?? mapName;
    padding = d.padding;
    name = d.name ?? 'Tensor';
    const kind = getColormap(mapName).kind;
    const extent = finiteExtent(values);
    domain = d.domain ?? niceDomainOf(extent, kind);
    if (cellRGB.length !== grid.cells * 3) cellRGB = new Float32Array(grid.cells * 3);
    paintValues(values, domain, mapName, cellRGB);
    legend.update({ map: mapName, domain, label: options.legendLabel ?? 'value' });
    stage.setAttribute('aria-label', describeTensor(grid, extent, name) + sliceText());
    gizmo.setAxes(Math.max(2, grid.spatial.length));
    if (reshaped) {
      if (shownMap !== null && shownMap >= grid.nd) shownMap = null;
      cursor = -1;
      rebuildLayout(dimsChanged);
    } else {
      // Padding may have changed, and with it which cells are enclosed.
      updateDrawn();
      writeInstances(true);
    }
    refreshReadout();
  }

  function rebuildLayout(reframe: boolean): void {
    if (!grid) return;
    const previous = layout;
    layout = layoutVoxels(grid, { mapLayout: options.mapLayout, mapGap: options.mapGap, map: shownMap });
    visible = visibleCells(grid, slice, shownMap, visible);
    updateDrawn();
    mask = highlight ? highlightMask(grid, highlight, mask).mask : undefined;
    masked = highlight !== null;
    voxels.reserve(grid.cells);
    const preset = viewPreset();
    if (options.height === undefined && renderer) stage.style.aspectRatio = String(options.aspect ?? stageAspect(layout.size, preset));
    if (reframe || !previous) {
      fit.reset(layout.size, preset);
    } else if (previous.size.some((s, i) => s !== layout!.size[i])) {
      fit.resize(layout.size);
    }
    writeInstances(true);
    writeBoxes();
  }

  const eye = new Vector3();
  /**
   * Draw only the cube faces some cell can turn to the camera (at most three of
   * six per cube), and the top face's rim only while cells are few enough to be
   * large on screen: the software renderers of many machines and of the tests
   * spend their time per triangle.
   */
  function showFacingFaces(): void {
    if (!layout || !drawn) return;
    voxels.mesh.updateWorldMatrix(true, false);
    voxels.mesh.worldToLocal(eye.copy(camera.position));
    const [sx, sy, sz] = layout.size;
    const [cx, cy, cz] = layout.centre;
    const faces = facesTowards([eye.x, eye.y, eye.z], [-cx, -cy, -cz], [sx - 1 - cx, sy - 1 - cy, sz - 1 - cz]);
    voxels.showFaces(faces, drawn.count <= RIM_MAX_CUBES);
  }

  const coords = [0, 0, 0, 0];
  const centre: [number, number, number] = [0, 0, 0];
  const isPadding = (x: number, y: number, z: number) => isPaddingCell(grid!, padding, x, y, z);

  /** Cells enclosed by others are never seen: only the surface becomes cubes. */
  function updateDrawn(): void {
    if (!grid || !visible) return;
    drawn = surfaceCells(grid, visible, padding ? isPadding : null, drawn);
  }

  /** Write the drawn cells' cube colours (and places and sizes when `matrices`). */
  function writeInstances(matrices: boolean): void {
    if (!grid || !layout || !drawn) return;
    const m = voxels.matrices;
    const c = voxels.colors;
    const bg = theme.background;
    const full = 1 - gap;
    const lifted = 1 - gap * 0.35;
    for (let s = 0; s < drawn.count; s++) {
      const cell = drawn.cells[s]!;
      cellCoords(grid, cell, coords);
      const pad = isPaddingCell(grid, padding, coords[0]!, coords[1]!, coords[2]!);
      const on = masked && mask![cell] === 1;
      let r: number, g: number, b: number;
      if (pad) {
        [r, g, b] = theme.padding;
      } else {
        r = cellRGB[cell * 3]!;
        g = cellRGB[cell * 3 + 1]!;
        b = cellRGB[cell * 3 + 2]!;
      }
      if (masked && !on) {
        // Context cells fade towards the background so the highlighted set stands out.
        r += (bg[0] - r) * DIM_TOWARDS_BACKGROUND;
        g += (bg[1] - g) * DIM_TOWARDS_BACKGROUND;
        b += (bg[2] - b) * DIM_TOWARDS_BACKGROUND;
      }
      c[s * 3] = srgbToLinear(r);
      c[s * 3 + 1] = srgbToLinear(g);
      c[s * 3 + 2] = srgbToLinear(b);
      if (matrices) {
        cellCenter(layout, coords[0]!, coords[1]!, coords[2]!, coords[3]!, centre);
        const scale = pad ? full * 0.45 : on ? lifted : full;
        writeInstanceMatrix(m, s, centre[0], centre[1], centre[2], scale);
      }
    }
    voxels.commit(drawn.count);
    invalidate();
  }

  function writeBoxes(): void {
    if (!grid || !layout) return;
    const list: Box[] = [];
    const ranges = box === null ? [] : isRangeList(box) ? box : [box];
    for (const range of ranges) {
      const maps = range.maps ?? (shownMap === null ? Array.from({ length: grid.nd }, (_, i) => i) : [shownMap]);
      for (const d of maps) if (shownMap === null || d === shownMap) list.push(cellRangeBox(layout, range.from, range.to, d));
    }
    boxes.setBoxes(list);
    writeCursorBox();
  }

  function writeCursorBox(): void {
    if (!grid || !layout || cursor < 0) {
      cursorBox.setBoxes([]);
    } else {
      const [x, y, z, d] = cellCoords(grid, cursor) as [number, number, number, number];
      cursorBox.setBoxes([cellRangeBox(layout, [x, y, z], [x, y, z], d, 0.1)]);
    }
    invalidate();
  }

  function viewPreset(): ViewPreset {
    return options.view && options.view !== 'auto' ? options.view : presetFor(grid!.dims);
  }

  function sliceText(): string {
    if (!slice) return '';
    const rel = slice.mode === 'only' ? '=' : slice.mode === 'from' ? '≥' : '≤';
    return `, showing cells with ${slice.axis} ${rel} ${slice.index}`;
  }

  // ---- read-out and cursor -----------------------------------------------

  function cellInfo(cell: number): CellInfo {
    const [x, y, z, d] = cellCoords(grid!, cell) as [number, number, number, number];
    return { x, y, z, d, value: values[cell]!, padding: isPaddingCell(grid!, padding, x, y, z) };
  }

  function refreshReadout(): void {
    if (!grid || cursor < 0) {
      frame.setReadout('Point at a cell, or focus the view and press N, to read its value.');
      return;
    }
    const info = cellInfo(cursor);
    const rgb: RGB = info.padding
      ? theme.padding
      : [cellRGB[cursor * 3]!, cellRGB[cursor * 3 + 1]!, cellRGB[cursor * 3 + 2]!];
    frame.setReadout(describeCell(grid, cellCoords(grid, cursor), info.value, info.padding), rgbCss(rgb));
  }

  function setCursorCell(cell: number): void {
    if (cell === cursor) return;
    cursor = cell;
    writeCursorBox();
    refreshReadout();
    options.onHover?.(cell >= 0 ? cellInfo(cell) : null);
  }

  // ---- pointer -------------------------------------------------------------

  const raycaster = new Raycaster();
  const ndc = new Vector2();
  let pickFrame = 0;
  let pointerX = 0;
  let pointerY = 0;
  let downX = 0;
  let downY = 0;
  let downTime = 0;

  function pick(): void {
    pickFrame = 0;
    if (!grid || !drawn || drawn.count === 0) return;
    const r = stage.getBoundingClientRect();
    ndc.set(((pointerX - r.left - stage.clientLeft) / stage.clientWidth) * 2 - 1, -((pointerY - r.top - stage.clientTop) / stage.clientHeight) * 2 + 1);
    camera.updateMatrixWorld();
    raycaster.setFromCamera(ndc, camera);
    const hits = raycaster.intersectObject(voxels.mesh, false);
    const slot = hits.length > 0 ? voxels.cubeOf(hits[0]!) : undefined;
    setCursorCell(slot === undefined ? -1 : drawn.cells[slot]!);
  }

  function onPointerMove(e: PointerEvent): void {
    if (e.buttons !== 0) return; // orbiting, not pointing
    pointerX = e.clientX;
    pointerY = e.clientY;
    if (pickFrame === 0) pickFrame = requestAnimationFrame(pick);
  }

  function onPointerLeave(): void {
    if (pickFrame !== 0) cancelAnimationFrame(pickFrame);
    pickFrame = 0;
    if (document.activeElement !== stage) setCursorCell(-1);
  }

  function onPointerDown(e: PointerEvent): void {
    downX = e.clientX;
    downY = e.clientY;
    downTime = performance.now();
  }

  function onPointerUp(e: PointerEvent): void {
    const click = Math.hypot(e.clientX - downX, e.clientY - downY) < 5 && performance.now() - downTime < 500;
    if (!click) return;
    pointerX = e.clientX;
    pointerY = e.clientY;
    pick();
    if (cursor >= 0) options.onSelect?.(cellInfo(cursor));
  }

  // ---- keyboard ------------------------------------------------------------

  function onKeyDown(e: KeyboardEvent): void {
    const action = keyAction(e);
    if (!action || !grid || !visible) return;
    e.preventDefault();
    switch (action.kind) {
      case 'rotate':
        orbit.rotate(action.left, action.up);
        break;
      case 'zoom':
        orbit.zoom(action.factor);
        break;
      case 'cursor':
        setCursorCell(moveCursor(grid, visible, cursor, action.move));
        break;
      case 'select':
        if (cursor < 0) setCursorCell(moveCursor(grid, visible, cursor, 'first'));
        else options.onSelect?.(cellInfo(cursor));
        break;
      case 'clear':
        setCursorCell(-1);
        break;
      case 'reset':
        fit.reset(layout!.size, viewPreset());
        invalidate();
        break;
    }
  }

  stage.addEventListener('pointermove', onPointerMove);
  stage.addEventListener('pointerleave', onPointerLeave);
  stage.addEventListener('pointerdown', onPointerDown);
  stage.addEventListener('pointerup', onPointerUp);
  stage.addEventListener('keydown', onKeyDown);

  setData(data);

  // ---- handle --------------------------------------------------------------

  return {
    node: frame.root,
    update(next) {
      if (!disposed) setData(next);
    },
    setSlice(next) {
      slice = next;
      if (!grid) return;
      visible = visibleCells(grid, slice, shownMap, visible);
      updateDrawn();
      if (cursor >= 0 && visible.slots[cursor]! < 0) setCursorCell(-1);
      stage.setAttribute('aria-label', describeTensor(grid, finiteExtent(values), name) + sliceText());
      writeInstances(true);
    },
    setHighlight(spec) {
      highlight = spec;
      if (!grid) return;
      mask = spec ? highlightMask(grid, spec, mask).mask : mask;
      masked = spec !== null;
      writeInstances(true);
    },
    setBox(next) {
      box = next;
      writeBoxes();
    },
    setMap(map) {
      shownMap = map;
      if (!grid) return;
      if (cursor >= 0 && map !== null && cellCoords(grid, cursor)[3] !== map) setCursorCell(-1);
      rebuildLayout(false);
    },
    setCursor(index) {
      if (!grid || !visible) return;
      if (index === null) return setCursorCell(-1);
      const [x = 0, y = 0, z = 0, d = 0] = index;
      const inside = x >= 0 && x < grid.nx && y >= 0 && y < grid.ny && z >= 0 && z < grid.nz && d >= 0 && d < grid.nd;
      const cell = inside ? cellIndex(grid, x, y, z, d) : -1;
      setCursorCell(cell >= 0 && visible.slots[cell]! >= 0 ? cell : -1);
    },
    resetView() {
      if (grid && layout) fit.reset(layout.size, viewPreset());
      invalidate();
    },
    stats() {
      return { cells: grid?.cells ?? 0, visibleCells: visible?.count ?? 0, instances: drawn?.count ?? 0, calls: registration?.calls ?? 0 };
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
      voxels.dispose();
      boxes.dispose();
      cursorBox.dispose();
      gizmo.dispose();
      legend.dispose();
      frame.dispose();
    },
  };
}

function isRangeList(box: CellRange | readonly CellRange[]): box is readonly CellRange[] {
  return Array.isArray(box);
}

export type { CellRange, HighlightSpec, SliceSpec };
