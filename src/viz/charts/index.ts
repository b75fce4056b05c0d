/** D3 charts: `(container, data, options) -> { node, update(data), dispose() }`. */
export { createHeatmap, type Heatmap, type HeatmapCell, type HeatmapData, type HeatmapOptions, type CellWindow } from './heatmap.ts';
export { createHistogram, type Histogram, type HistogramData, type HistogramOptions } from './histogram.ts';
export { createLineChart, type Band, type LineChart, type LineChartData, type LineChartOptions, type LineSeries } from './line-chart.ts';
export { createContourMap, type ContourData, type ContourMap, type ContourOptions, type TrajectorySeries } from './contour-map.ts';
export { createMatrixView, type MatrixCell, type MatrixData, type MatrixView, type MatrixViewOptions } from './matrix-view.ts';
export type { SurfaceGrid } from '../paint/surface-grid.ts';
