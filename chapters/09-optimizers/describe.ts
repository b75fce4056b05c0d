/**
 * Words for what the views show: the figures' text alternatives, and the
 * sentences under the charts that state what the numbers say (an overshoot
 * measured, a rate that shrank, a ratio checked). Pure; plain text with
 * Unicode symbols, so a note that changes with every slider step costs a
 * text node, not a KaTeX tree.
 */
import type { TrainingJob } from '../../src/model/worker-protocol.ts';
import { formatValue } from '../../src/viz/paint/format.ts';
import { CNN_EPOCHS, SECTION_CELLS } from './cnn-job.ts';
import type { Approach } from './overshoot.ts';
import type { PrintedComparison } from './printed.ts';
import { pointAt, type Run } from './race.ts';
import type { Window } from './surfaces.ts';
import type { MapScene } from './map-data.ts';
import { formatPair } from './format.ts';
import type { LineChartData } from '../../src/viz/charts/index.ts';

const f = (v: number): string => formatValue(v);
const percent = (share: number): string => `${Math.round(100 * share)} %`;

function windowText(w: Window): string {
  return `θ₁ from ${f(w[0][0])} to ${f(w[0][1])}, θ₂ from ${f(w[1][0])} to ${f(w[1][1])}`;
}

export function describeRace(scene: MapScene, runs: readonly Run[], t: number): string {
  const parts = runs.map((run) => {
    const k = Math.min(t, run.steps);
    const where = `${run.runner.label} at ${formatPair(pointAt(run, t))}, loss ${f(run.values[k]!)}`;
    return run.diverged && t > run.steps ? `${where} (stopped at update ${run.steps})` : where;
  });
  const g = scene.grid;
  return `${scene.surface.name[0]!.toUpperCase()}${scene.surface.name.slice(1)}, ${windowText([g.x, g.y])}; start ${formatPair(scene.start)}. After update ${t}: ${parts.join('; ')}.`;
}

export function describeLossGap(runs: readonly Run[], fStar: number, t: number): string {
  const parts = runs.map((run) => `${run.runner.label} ${f(run.values[Math.min(t, run.steps)]! - fStar)}`);
  return `Loss above the minimum value for ${runs.length} optimizers over updates 0 to ${Math.max(...runs.map((r) => r.steps))}, log scale; at update ${t}: ${parts.join(', ')}.`;
}

export function overshootNote(momentum: Approach | null, sgd: Approach | null): string {
  if (!momentum) return 'Momentum starts at the minimum: there is nothing to overshoot. Pick another start.';
  const o = momentum.overshoot;
  const sgdText = sgd?.overshoot ? ` SGD passes it too, by ${f(sgd.overshoot.by)}.` : ' SGD never passes it.';
  if (!o) return `With these settings Momentum does not pass the minimum: it arrives from one side, like SGD. Raise γ or α to see it overshoot.${sgdText}`;
  return `Momentum passes the minimum at update ${o.from} and is ${f(o.by)} beyond it at update ${o.t}: ${percent(o.by / momentum.distance)} of the ${f(momentum.distance)} it came, before the velocity turns it back.${sgdText}`;
}

export function describeOvershoot(momentum: Approach | null): string {
  if (!momentum) return 'Signed distance to the minimum along the approach: none, the start is the minimum.';
  const min = Math.min(...momentum.s);
  return `Signed distance to the minimum (${formatPair(momentum.target)}) along the line from the start, per update: Momentum from ${f(momentum.distance)} down to ${f(min)}, negative values past the minimum.`;
}

function last(series: ArrayLike<number>): number {
  return series[series.length - 1]!;
}

/** From rateSeries' data: AdaGrad's theta_1 rate is series 0, RMSProp's series 2 (when they are there). */
export function rateNote(data: LineChartData): string {
  const adagrad = data.series.find((s) => s.name === 'AdaGrad, θ₁');
  const rmsprop = data.series.find((s) => s.name === 'RMSProp, θ₁');
  if (!adagrad || adagrad.y.length < 2) return 'Run more than one update to see the rates change.';
  const a0 = adagrad.y[0]!;
  const a1 = last(adagrad.y);
  const rms =
    rmsprop && rmsprop.y.length > 1
      ? ` RMSProp's, which forgets old gradients, went from ${f(rmsprop.y[0]!)} to ${f(last(rmsprop.y))}: it follows the size of the gradients of now, up or down.`
      : '';
  return `After ${adagrad.y.length} updates AdaGrad's rate on θ₁ has fallen from ${f(a0)} to ${f(a1)}, ${percent(a1 / a0)} of where it began, and it can only fall further: G never forgets.${rms}`;
}

export function describeRates(adagrad: Run, rmsprop: Run): string {
  return `Effective learning rate per coordinate over updates 1 to ${Math.max(adagrad.steps, rmsprop.steps)}, log scale: AdaGrad (green) and RMSProp (purple), θ₁ solid, θ₂ dashed.`;
}

export function momentsNote(beta1: number, beta2: number, corrected: boolean): string {
  const demo = corrected ? '' : ' The grey run on the maps above steps with m and V as they are: it starts slowly, because both are too small, and in different proportions.';
  const fade = (beta: number) => (beta > 0 ? Math.ceil(Math.log(0.01) / Math.log(beta)) : 1);
  return `Both moments start at 0, so after the first update m₁ = ${f(1 - beta1)} g₁ and V₁ = ${f(1 - beta2)} g₁²: far too small. Dividing by 1 − βᵗ, the share they have caught up, gives m̂₁ = g₁ and V̂₁ = g₁² (the solid lines start on the grey one), and the correction fades as βᵗ goes to 0: to within 1 % after ${fade(beta1)} updates for m, only after ${fade(beta2)} for V.${demo}`;
}

export function describeMoments(updates: number, coordinate: string): string {
  return `Adam's moments for ${coordinate} over its first ${updates} updates: the gradient, the raw moment (dashed) and the bias-corrected one (solid).`;
}

export function printedNote(c: PrintedComparison): string {
  const n = c.ratioM[0]!.length;
  return `Fed the gradients of the same path, the printed moments are ${f(c.k1)} and ${f(c.k2)} times those of Adam run with α × ${f(c.scale)} and ε ÷ ${f(c.eps / c.equivalentEps)}, at every one of the ${n} updates: the largest relative difference from those factors is ${formatValue(c.worstRatioError)}, and the two paths never part by more than ${formatValue(c.worstPathGap)}. So eq. 15 as printed is Adam with its learning rate multiplied by ${f(c.scale)} and a smaller ε: shorter steps, no blow-up.${c.printed.diverged ? ` (Here it stopped: ${c.printed.diverged})` : ''}`;
}

export function describePrinted(c: PrintedComparison): string {
  return `Ratio of printed Adam's moments to those of the rescaled corrected Adam, per update, log scale: m about ${f(c.k1)}, V about ${f(c.k2)}, flat.`;
}

export function describePrintedMap(scene: MapScene, c: PrintedComparison): string {
  const at = (run: Run) => `${run.runner.label} ends at ${formatPair(pointAt(run, run.steps))}`;
  return `${scene.surface.name[0]!.toUpperCase()}${scene.surface.name.slice(1)} with three Adam runs from ${formatPair(scene.start)}: ${[c.corrected, c.printed, c.equivalent].map(at).join('; ')}.`;
}

export function epsNote(eps: number, inside: boolean, visited: [number, number] | null): string {
  const floor = inside ? Math.sqrt(eps) : eps;
  // Where eps starts to matter: s of about eps inside the root, eps^2 outside it.
  const bites = inside ? eps : eps * eps;
  const where = visited
    ? ` In this race s runs from ${f(10 ** visited[0])} to ${f(10 ** visited[1])} (shaded): ${
        visited[0] < Math.log10(bites) + 1 ? 'down to where ε changes the steps.' : 'well above where ε matters, so the switch changes the paths very little. Raise ε to see it bite.'
      }`
    : ' No adaptive optimizer is in the race.';
  return `With ε = ${f(eps)} ${inside ? 'inside' : 'outside'} the root, the denominator never falls below ${f(floor)}, so no rate exceeds α / ${f(floor)}.${where}`;
}

export function describeDenominator(eps: number): string {
  return `The adaptive denominator against s (G, E[g²] or V̂) from 1e−14 to 100, log scales, for ε = ${f(eps)}: inside the root, outside it, and without ε.`;
}

export function describeCnn(job: TrainingJob): string {
  return `A CNN on ${SECTION_CELLS} × ${SECTION_CELLS} geological sections trained by ${job.runs.length} optimizers from the same initial weights for ${CNN_EPOCHS} epochs: ${job.runs.map((r) => r.label ?? r.id).join(', ')}. The chart adds each run's mean training loss per epoch as it finishes.`;
}
