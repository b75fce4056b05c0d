/**
 * A geological model of any structure type, and the dispatch from its kind to
 * the structure's functions. Models are plain records (JSON-safe numbers and
 * arrays), so a worker can send them to the page for display.
 */
import type { Rng } from '../tensor/rng.ts';
import type { StructureKind } from './classes.ts';
import { channels, type ChannelModel } from './structures/channels.ts';
import { faulted, type FaultedModel } from './structures/faulted.ts';
import { folded, type FoldedModel } from './structures/folded.ts';
import { horizontal, type HorizontalModel } from './structures/horizontal.ts';
import type { DrawOptions, Structure } from './structures/structure.ts';

export type GeologicalModel = HorizontalModel | FoldedModel | FaultedModel | ChannelModel;

type ModelOf<K extends StructureKind> = Extract<GeologicalModel, { kind: K }>;

const STRUCTURES: { readonly [K in StructureKind]: Structure<ModelOf<K>> } = {
  horizontal,
  folded,
  faulted,
  channels,
};

function structureOf(model: GeologicalModel): Structure<GeologicalModel> {
  // the record's kind selects its own structure, so the widening is sound
  return STRUCTURES[model.kind] as unknown as Structure<GeologicalModel>;
}

export function drawModel(kind: StructureKind, rng: Rng, options: DrawOptions): GeologicalModel {
  return STRUCTURES[kind].draw(rng, options);
}

export function fillColumn(model: GeologicalModel, x: number, y: number, nz: number, out: Uint8Array, start: number): void {
  structureOf(model).fillColumn(model, x, y, nz, out, start);
}

/** tan of the true bedding dip at (x, y). */
export function bedSlope(model: GeologicalModel, x: number, y: number): number {
  return structureOf(model).slope(model, x, y);
}
