import { describe, expect, it } from 'vitest';
import { SAND } from '../../../src/data/facies.ts';
import type { Sample } from '../../../src/data/sample.ts';
import { fillThickness, type ChannelModel } from '../../../src/data/structures/channels.ts';
import { columnsOf, depthOf, lateralContacts, samplesOf } from '../grid-helpers.ts';

function channelSamples(seed: number, dims: 1 | 2 | 3, size: number[]): readonly Sample[] {
  return samplesOf('channels', seed, dims, size, 0, 16);
}

function channelsOf(s: Sample): ChannelModel {
  if (s.model.kind !== 'channels') throw new Error('expected a channel model');
  return s.model;
}

/** True when cell (i, j, k) lies inside one of the channel bodies. */
function inChannel(s: Sample, i: number, j: number, k: number): boolean {
  const z = depthOf(k, s.geometry.nz);
  return channelsOf(s).channels.some((c) => z >= c.top && z < c.top + fillThickness(c, s.geometry.xs[i]!, s.geometry.ys[j]!));
}

describe('channel bodies (class 3)', () => {
  it('fills the channel bodies with sand and leaves flat-lying floodplain beds around them', () => {
    for (const s of channelSamples(41, 3, [16, 16, 16])) {
      const { nx, ny, nz } = columnsOf(s);
      let channelCells = 0;
      for (let k = 0; k < nz; k++) {
        let floodplain = -1;
        for (let i = 0; i < nx; i++) {
          for (let j = 0; j < ny; j++) {
            const f = s.clean[(i * ny + j) * nz + k]!;
            if (inChannel(s, i, j, k)) {
              channelCells++;
              expect(f).toBe(SAND);
            } else {
              if (floodplain < 0) floodplain = f;
              expect(f).toBe(floodplain);
            }
          }
        }
      }
      expect(channelCells).toBeGreaterThan(0);
    }
  });

  it('ends its sand bodies laterally: sand meets floodplain facies within a horizontal plane', () => {
    for (const s of channelSamples(42, 2, [48, 32])) {
      const contacts = lateralContacts(s.clean, s);
      const sandEdges = contacts.filter((c) => {
        const { ny, nz } = columnsOf(s);
        const a = s.clean[(c.i * ny + c.j) * nz + c.k];
        const b = s.clean[(c.i2 * ny + c.j2) * nz + c.k];
        return (a === SAND) !== (b === SAND);
      });
      expect(sandEdges.length).toBeGreaterThan(0);
    }
  });

  it('places the first channel on the well: the 1D column cuts channel sand', () => {
    for (const s of channelSamples(43, 1, [64])) {
      const first = channelsOf(s).channels[0]!;
      expect(fillThickness(first, 0.5, 0.5)).toBeGreaterThan(0);
      const k = Math.ceil(first.top * 64 - 0.5);
      expect(s.clean[k]).toBe(SAND);
    }
  });

  it('draws two to four channels within the documented sizes, trending within 40 degrees of y', () => {
    const counts = new Set<number>();
    for (const s of channelSamples(44, 1, [8])) {
      const list = channelsOf(s).channels;
      counts.add(list.length);
      for (const c of list) {
        expect(c.width).toBeGreaterThanOrEqual(0.15);
        expect(c.width).toBeLessThanOrEqual(0.3);
        expect(c.thickness).toBeGreaterThanOrEqual(0.1);
        expect(c.thickness).toBeLessThanOrEqual(0.2);
        expect(Math.abs(c.trend)).toBeLessThanOrEqual(40);
      }
    }
    expect(counts).toEqual(new Set([2, 3, 4]));
  });

  it('makes a lens: the fill is thickest on the centreline and thins to zero at the banks', () => {
    const c = channelsOf(channelSamples(45, 1, [8])[0]!).channels[1]!;
    // a point on the centreline at along-trend distance t from the centre, and one at the bank
    const t = 0.2;
    const k = (2 * Math.PI) / c.meanderWavelength;
    const across = c.offset + c.meanderAmplitude * Math.sin(k * t + c.meanderPhase);
    const at = (a: number, b: number) => fillThickness(c, 0.5 + a * c.ax + b * c.ay, 0.5 + a * c.ay - b * c.ax);
    expect(at(t, across)).toBeCloseTo(c.thickness, 10);
    const bend = Math.sqrt(1 + (c.meanderAmplitude * k * Math.cos(k * t + c.meanderPhase)) ** 2);
    expect(at(t, across + (0.999 * c.width * bend) / 2)).toBeLessThan(0.01 * c.thickness);
    expect(at(t, across + (1.001 * c.width * bend) / 2)).toBe(0);
  });
});
