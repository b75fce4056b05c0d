/**
 * Synthetic geological models for training the tutorial's CNNs: four
 * structure types as classes, 1D / 2D / 3D grids of the same models, two
 * regression targets, encodings for the network, a reader's own grid.
 */
export { STRUCTURE_KINDS, CLASS_NAMES, type StructureKind } from './classes.ts';
export { FACIES, FACIES_COUNT, SHALE, SAND, SILT, LIMESTONE, faciesLegend, type FaciesName } from './facies.ts';
export { TENSOR_AXES, SIZE_LIMITS, sampleModel, nativeGeometry, spatialShape, type Dims, type Geometry } from './geometry.ts';
export { drawModel, bedSlope, type GeologicalModel } from './model.ts';
export type { HorizontalModel } from './structures/horizontal.ts';
export type { FoldedModel, Fold } from './structures/folded.ts';
export type { FaultedModel, Fault } from './structures/faulted.ts';
export type { ChannelModel, Channel } from './structures/channels.ts';
export type { LayerStack } from './stack.ts';
export type { RegionalDip } from './regional-dip.ts';
export { REGIONAL_DIP_DEFAULT, REGIONAL_DIP_LIMIT } from './regional-dip.ts';
export { FLIP_LIMIT, GAUSSIAN_LIMIT, type NoiseOptions } from './noise.ts';
export { generateSample, sliceSample, type Sample } from './sample.ts';
export { TARGETS, TARGET_COUNT, type TargetInfo } from './targets.ts';
export { createTargetScaler, normalizeTargets, denormalizeTargets, type ScalerKind, type TargetScaler } from './scaler.ts';
export { ENCODINGS, channelNames, channelCount, toTensor, encodeFacies, oneHotLabels, targetTensor, type Encoding, type ToTensorOptions } from './encoding.ts';
export { createDataset, classOrder, MAX_INPUT_VALUES, type Dataset, type DatasetOptions } from './dataset.ts';
export { splitDataset, splitIndices, subsetDataset, type SplitOptions } from './split.ts';
export { parseUserGrid, type GridFormat } from './parse-grid.ts';
export { MAX_GRID_CELLS, MAX_TEXT_LENGTH, type ParsedGrid } from './grid-limits.ts';
