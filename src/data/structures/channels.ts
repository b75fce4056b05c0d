/**
 * Class 3, channel bodies: two to four sinuous sand-filled channels cut into
 * floodplain deposits (shale, siltstone, thin limestones and the odd
 * crevasse-splay sand), so sand is not by itself the mark of a channel: its
 * lens shape, ending laterally within a bed, is. A channel has a flat top at
 * stratigraphic depth `top` and a parabolic base, deepest on its axis; its
 * centreline meanders about a straight trend within 40 degrees of y, so the
 * x-z section cuts the channels across, showing their lens-shaped fills. The
 * first channel passes through the central column: the well was drilled on a
 * sand target. Sizes are in model units with vertical exaggeration: real
 * channels are 10 to 100 times wider than deep.
 */
import type { Rng } from '../../tensor/rng.ts';
import { TWO_PI, degrees, exactCos, exactSin, radians } from '../exact-math.ts';
import { LIMESTONE, SAND, SHALE, SILT } from '../facies.ts';
import { drawRegionalDip, regionalShift, type RegionalDip } from '../regional-dip.ts';
import { drawStack, faciesAt, type LayerStack } from '../stack.ts';
import { uniform } from '../uniform.ts';
import { regionalSlope } from './layered.ts';
import { cellDepth, type Structure } from './structure.ts';

export const CHANNEL_COUNT_RANGE = [2, 4] as const;
export const CHANNEL_WIDTH_RANGE = [0.15, 0.3] as const;
export const CHANNEL_THICKNESS_RANGE = [0.1, 0.2] as const;
export const MEANDER_AMPLITUDE_RANGE = [0, 0.15] as const;
export const MEANDER_WAVELENGTH_RANGE = [0.5, 1.2] as const;
export const CHANNEL_TOP_RANGE = [0.1, 0.75] as const;
/** Largest angle between a channel's trend and the y axis, degrees. */
export const TREND_SPREAD = 40;
/** Floodplain facies weights: mostly shale and siltstone, thin limestones, and a few crevasse-splay sands. */
const FLOODPLAIN = (() => {
  const w = [0, 0, 0, 0];
  w[SHALE] = 0.55;
  w[SAND] = 0.1;
  w[SILT] = 0.25;
  w[LIMESTONE] = 0.1;
  return w;
})();

export interface Channel {
  /** Trend of the channel belt, degrees from +y towards +x. */
  readonly trend: number;
  /** Across-trend offset of the belt axis from the grid centre, model units. */
  readonly offset: number;
  readonly width: number;
  /** Thickness on the channel axis, model units. */
  readonly thickness: number;
  /** Stratigraphic depth of the channel top (bank-full level). */
  readonly top: number;
  readonly meanderAmplitude: number;
  readonly meanderWavelength: number;
  readonly meanderPhase: number;
  /** Unit vectors along and across the trend. */
  readonly ax: number;
  readonly ay: number;
}

export interface ChannelModel {
  readonly kind: 'channels';
  readonly regional: RegionalDip;
  readonly stack: LayerStack;
  readonly channels: readonly Channel[];
}

function drawChannel(rng: Rng, first: boolean): Channel {
  const trend = radians(uniform(rng, -TREND_SPREAD, TREND_SPREAD));
  const width = uniform(rng, CHANNEL_WIDTH_RANGE[0], CHANNEL_WIDTH_RANGE[1]);
  const meanderAmplitude = uniform(rng, MEANDER_AMPLITUDE_RANGE[0], MEANDER_AMPLITUDE_RANGE[1]);
  const meanderPhase = uniform(rng, 0, TWO_PI);
  // the first channel's centreline is within a quarter width of the well at the grid centre
  const offset = first
    ? -meanderAmplitude * exactSin(meanderPhase) + uniform(rng, -width / 4, width / 4)
    : uniform(rng, -0.4, 0.4);
  return {
    trend: degrees(trend),
    offset,
    width,
    thickness: uniform(rng, CHANNEL_THICKNESS_RANGE[0], CHANNEL_THICKNESS_RANGE[1]),
    top: uniform(rng, CHANNEL_TOP_RANGE[0], CHANNEL_TOP_RANGE[1]),
    meanderAmplitude,
    meanderWavelength: uniform(rng, MEANDER_WAVELENGTH_RANGE[0], MEANDER_WAVELENGTH_RANGE[1]),
    meanderPhase,
    ax: exactSin(trend),
    ay: exactCos(trend),
  };
}

/**
 * Thickness of the channel fill below (x, y), 0 outside the channel:
 * thickness (1 - (2r / width)^2) with r the distance to the centreline
 * (the across-trend distance corrected for the local bend of the meander).
 */
export function fillThickness(c: Channel, x: number, y: number): number {
  const u = x - 0.5;
  const v = y - 0.5;
  const along = u * c.ax + v * c.ay;
  const across = u * c.ay - v * c.ax;
  const k = TWO_PI / c.meanderWavelength;
  const centre = c.offset + c.meanderAmplitude * exactSin(k * along + c.meanderPhase);
  const bend = c.meanderAmplitude * k * exactCos(k * along + c.meanderPhase);
  const r = Math.abs(across - centre) / Math.sqrt(1 + bend * bend);
  const e = (2 * r) / c.width;
  return e < 1 ? c.thickness * (1 - e * e) : 0;
}

export const channels: Structure<ChannelModel> = {
  kind: 'channels',
  draw(rng, options) {
    const regional = drawRegionalDip(rng, options.maxRegionalDip);
    const stack = drawStack(rng, FLOODPLAIN);
    const count = CHANNEL_COUNT_RANGE[0] + rng.int(CHANNEL_COUNT_RANGE[1] - CHANNEL_COUNT_RANGE[0] + 1);
    const list: Channel[] = [];
    for (let i = 0; i < count; i++) list.push(drawChannel(rng, i === 0));
    return { kind: 'channels', regional, stack, channels: list };
  },
  fillColumn(model, x, y, nz, out, start) {
    const shift = regionalShift(model.regional, x, y);
    const n = model.channels.length;
    const tops = new Float64Array(n);
    const bases = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = model.channels[i]!;
      tops[i] = c.top;
      bases[i] = c.top + fillThickness(c, x, y);
    }
    for (let k = 0; k < nz; k++) {
      const s = cellDepth(k, nz) - shift;
      let sand = false;
      for (let i = 0; i < n && !sand; i++) sand = s >= tops[i]! && s < bases[i]!;
      out[start + k] = sand ? SAND : faciesAt(model.stack, s);
    }
  },
  slope(model) {
    return regionalSlope(model.regional);
  },
};
