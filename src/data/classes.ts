/**
 * The structure types, which are the class labels of the samples. The index
 * in STRUCTURE_KINDS is the class id of the full four-class problem; a data
 * set built on a subset numbers its classes 0..K-1 in the order given.
 */
export const STRUCTURE_KINDS = ['horizontal', 'folded', 'faulted', 'channels'] as const;
export type StructureKind = (typeof STRUCTURE_KINDS)[number];

/** Names for legends and confusion matrices. */
export const CLASS_NAMES: Readonly<Record<StructureKind, string>> = {
  horizontal: 'horizontal layering',
  folded: 'folded layers',
  faulted: 'faulted layers',
  channels: 'channel bodies',
};
