/**
 * 3D views, all drawn by ONE shared WebGL renderer per page.
 *
 *   createVoxelView(container, data, options)   a tensor as cubes, one draw call
 *   createSurfaceView(container, data, options) a loss surface with optimizer paths
 *   rendererStats()                             draw calls, memory, per-view figures
 *
 * Each view returns { node, update(data), dispose(), ... }; a chapter cell
 * registers `invalidation.then(view.dispose)`.
 */
export { createVoxelView, type CellInfo, type VoxelData, type VoxelView, type VoxelViewOptions } from './voxel-view.ts';
export { createSurfaceView, type SurfaceData, type SurfaceTrajectory, type SurfaceView, type SurfaceViewOptions } from './surface-view.ts';
export { rendererStats, sharedRenderer, webglUnavailableReason, disposeSharedRenderer, type RendererStats } from './shared-renderer.ts';
export type { CellIndex, CellRange, HighlightSpec } from './highlight.ts';
export type { Axis, SliceSpec } from './slicing.ts';
export type { MapLayout } from './voxel-layout.ts';
export type { ViewPreset } from './framing.ts';
