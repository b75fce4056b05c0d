/**
 * The two losses of eq. 10 for a prediction the reader sets, every number
 * from the core: the class scores s through softmax (src/nn/softmax.ts,
 * eq. 8) and cross-entropy against a one-hot p (src/nn/loss.ts), each term
 * -p(k) log p-hat(k) with log p-hat(k) = s_k - LSE(s) from softmaxRow, and
 * the gradient dL/ds the loss returns; the P = 2 regression outputs against
 * the targets of one synthetic section (src/data), each squared error, the
 * mean and dL/dy-hat. No DOM.
 */
import { CLASS_NAMES, STRUCTURE_KINDS, TARGETS, createDataset, type StructureKind } from '../../src/data/index.ts';
import { loss } from '../../src/nn/loss.ts';
import { forward as softmax, softmaxRow } from '../../src/nn/softmax.ts';
import { ParamError } from '../../src/tensor/index.ts';

export const CLASSES: readonly StructureKind[] = STRUCTURE_KINDS;
export const CLASS_LABELS: readonly string[] = STRUCTURE_KINDS.map((k) => CLASS_NAMES[k]);

export interface ClassRow {
  readonly kind: StructureKind;
  readonly label: string;
  /** s_k, the class score (logit). */
  readonly score: number;
  /** p-hat(k) = softmax(s)_k, eq. 8. */
  readonly phat: number;
  /** p(k), the target: 1 for the true class, 0 otherwise. */
  readonly p: number;
  /** -p(k) log p-hat(k), this class's term of the sum in eq. 10. */
  readonly term: number;
  /** dCE/ds_k = p-hat(k) - p(k), where backpropagation starts. */
  readonly grad: number;
}

export interface Classification {
  readonly rows: readonly ClassRow[];
  readonly trueClass: StructureKind;
  /** CE = sum of the terms, as src/nn/loss.ts returns it. */
  readonly ce: number;
  /** The sum of the terms, added here: equal to ce to rounding. */
  readonly termSum: number;
}

/** Cross-entropy of the scores against a one-hot target on `trueClass`. */
export function classification(scores: readonly number[], trueClass: StructureKind): Classification {
  const k = CLASSES.length;
  if (scores.length !== k) throw new ParamError('loss lab', `${k} class scores are needed, got ${scores.length}`);
  const t = CLASSES.indexOf(trueClass);
  if (t < 0) throw new ParamError('loss lab', `unknown class ${JSON.stringify(trueClass)}`);
  const x = { shape: [1, k], data: Float64Array.from(scores) };
  const target = { shape: [1, k], data: Float64Array.from(CLASSES, (_, i) => (i === t ? 1 : 0)) };
  const { y } = softmax({ x });
  const { loss: ce, dx } = loss({ x, target }, { kind: 'cross_entropy' });
  // log p-hat(k) = s_k - LSE(s), with the LSE softmaxRow returns: finite even when p-hat(k) rounds to 0.
  const lse = softmaxRow(x.data, 0, k, new Float64Array(k));
  const rows = CLASSES.map((kind, i): ClassRow => {
    const p = target.data[i]!;
    return { kind, label: CLASS_LABELS[i]!, score: scores[i]!, phat: y.data[i]!, p, term: p === 0 ? 0 : -p * (scores[i]! - lse), grad: dx.data[i]! };
  });
  return { rows, trueClass, ce, termSum: rows.reduce((s, r) => s + r.term, 0) };
}

export interface OutputRow {
  readonly name: string;
  readonly unit: string;
  /** y-hat_k, the prediction the reader set. */
  readonly yhat: number;
  /** y_k, the target of the section. */
  readonly y: number;
  /** (y-hat_k - y_k)^2. */
  readonly squared: number;
  /** dMSE/dy-hat_k = 2 (y-hat_k - y_k) / P. */
  readonly grad: number;
}

export interface Regression {
  readonly rows: readonly OutputRow[];
  readonly mse: number;
  /** Index of the section the targets come from. */
  readonly section: number;
  readonly kind: StructureKind;
}

/** Sections the targets can come from: 2D x-z sections of the synthetic models, seed 8. */
export const SECTION_COUNT = 8;

/** The P = 2 targets (net-to-gross, dip in degrees) of the synthetic sections, computed once. */
let sections: { targets: Float64Array; labels: Int32Array } | null = null;

export function sectionTargets(index: number): { y: [number, number]; kind: StructureKind } {
  if (!Number.isInteger(index) || index < 1 || index > SECTION_COUNT) throw new ParamError('loss lab', `section must be 1 to ${SECTION_COUNT}, got ${index}`);
  if (!sections) {
    const ds = createDataset({ seed: 8, count: SECTION_COUNT, dims: 2, size: 16 });
    sections = { targets: Float64Array.from(ds.targets.data), labels: Int32Array.from(ds.labels) };
  }
  const i = index - 1;
  return { y: [sections.targets[2 * i]!, sections.targets[2 * i + 1]!], kind: CLASSES[sections.labels[i]!]! };
}

/** MSE of eq. 10 over the P = 2 outputs of one sample, with its gradient, from src/nn/loss.ts. */
export function regression(yhat: readonly [number, number], section: number): Regression {
  const { y, kind } = sectionTargets(section);
  const x = { shape: [1, 2], data: Float64Array.from(yhat) };
  const target = { shape: [1, 2], data: Float64Array.from(y) };
  const { loss: mse, dx } = loss({ x, target }, { kind: 'mse' });
  const rows = TARGETS.map((t, i): OutputRow => {
    const d = yhat[i]! - y[i]!;
    return { name: t.name, unit: t.unit, yhat: yhat[i]!, y: y[i]!, squared: d * d, grad: dx.data[i]! };
  });
  return { rows, mse, section, kind };
}
