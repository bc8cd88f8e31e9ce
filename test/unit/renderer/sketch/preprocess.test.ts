import { describe, expect, it } from 'vitest';
import { centreOfMass, inkBounds, preprocessSketch, resampleArea } from '@renderer/sketch/preprocess';

/** A w×h image with the rectangle [x0, x1) × [y0, y1) inked at `value`. */
function rect(w: number, h: number, x0: number, y0: number, x1: number, y1: number, value = 1): Float32Array {
  const img = new Float32Array(w * h);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img[y * w + x] = value;
  return img;
}

function boundsOf28(pixels: number[]) {
  return inkBounds(pixels, 28, 28);
}

describe('preprocessSketch', () => {
  it('returns null for an empty drawing', () => {
    expect(preprocessSketch(new Float32Array(280 * 280), 280, 280)).toBeNull();
  });

  it('gives 784 values in 0..1', () => {
    const out = preprocessSketch(rect(280, 280, 10, 10, 200, 50), 280, 280);
    expect(out).toHaveLength(784);
    expect(out?.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('scales the longer side to 20 pixels, keeping the aspect ratio', () => {
    // A 40×160 bar (1:4) drawn in a corner becomes 5×20.
    const out = preprocessSketch(rect(280, 280, 0, 0, 40, 160), 280, 280);
    expect(boundsOf28(out ?? [])).toMatchObject({ width: 5, height: 20 });
  });

  it('puts the centre of mass at (14, 14) wherever the digit was drawn', () => {
    for (const [x, y] of [
      [0, 0],
      [200, 120],
      [37, 211],
    ]) {
      const out = preprocessSketch(rect(280, 280, x, y, x + 60, y + 60), 280, 280) ?? [];
      const c = centreOfMass(out, 28, 28);
      expect(c.x).toBeCloseTo(14, 0);
      expect(c.y).toBeCloseTo(14, 0);
    }
  });

  it('centres by mass, not by the box: a heavy side shifts the box the other way', () => {
    // Full-height block on the left, half-height block on the right: the mass sits left of the box's centre.
    const img = rect(100, 100, 0, 0, 60, 100);
    for (let y = 0; y < 50; y++) for (let x = 60; x < 100; x++) img[y * 100 + x] = 1;
    const out = preprocessSketch(img, 100, 100) ?? [];
    const box = boundsOf28(out);
    expect((box?.x ?? 0) + (box?.width ?? 0) / 2).toBeGreaterThan(15);
    // Whole-pixel shifts leave the centre of mass at most half a pixel off.
    expect(Math.abs(centreOfMass(out, 28, 28).x - 14)).toBeLessThanOrEqual(0.5);
  });

  it('never cuts ink off: a lopsided digit stops at the image edge', () => {
    const img = rect(100, 100, 0, 0, 20, 100);
    for (let y = 95; y < 100; y++) for (let x = 20; x < 100; x++) img[y * 100 + x] = 1;
    const out = preprocessSketch(img, 100, 100) ?? [];
    expect(boundsOf28(out)).toMatchObject({ x: 8, width: 20 });
  });

  it('anti-aliases: a thin stroke averages to grey rather than vanishing', () => {
    // Two 1-pixel columns 280 apart: each of the 20 target columns averages 14 source ones, so 1/14.
    const img = rect(280, 280, 0, 0, 1, 280);
    for (let y = 0; y < 280; y++) img[y * 280 + 279] = 1;
    const out = preprocessSketch(img, 280, 280) ?? [];
    const inked = out.filter((v) => v > 0);
    expect(inked).toHaveLength(40);
    for (const v of inked) expect(v).toBeCloseTo(1 / 14, 5);
  });
});

describe('resampleArea', () => {
  it('averages blocks when shrinking and preserves the mean', () => {
    const src = [1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1];
    const out = Array.from(resampleArea(src, 4, 4, 2, 2));
    expect(out).toEqual([0.75, 0, 1, 1]);
  });

  it('handles fractional coverage (3 → 2)', () => {
    expect(Array.from(resampleArea([1, 0, 1], 3, 1, 2, 1))).toEqual([2 / 3, 2 / 3]);
  });
});
