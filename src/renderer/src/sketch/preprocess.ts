/**
 * MNIST-style preprocessing of a drawing, as LeCun et al. describe it: crop the ink, scale it to fit a 20×20
 * box keeping the aspect ratio (area averaging, which anti-aliases), then place it in a 28×28 image so its
 * centre of mass sits at the centre (14, 14). Pure: no canvas, no DOM.
 */

export const SIDE = 28;
export const BOX = 20;
/** Ink below this (0..1) counts as background when finding the bounding box. */
const INK_THRESHOLD = 0.01;

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Smallest rectangle holding every inked pixel of a width×height image, or null when nothing is drawn. */
export function inkBounds(ink: ArrayLike<number>, width: number, height: number): Bounds | null {
  let minX = width,
    minY = height,
    maxX = -1,
    maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > INK_THRESHOLD) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/**
 * Weights of each source cell for each destination cell when `from` cells are averaged into `to` cells:
 * destination i covers source [i·r, (i+1)·r) with r = from / to, each source cell weighted by its overlap.
 */
function areaWeights(from: number, to: number): { index: number; weight: number }[][] {
  const r = from / to;
  const weights: { index: number; weight: number }[][] = [];
  for (let i = 0; i < to; i++) {
    const start = i * r;
    const end = (i + 1) * r;
    const cells: { index: number; weight: number }[] = [];
    for (let j = Math.floor(start); j < Math.min(from, Math.ceil(end)); j++) {
      const overlap = Math.min(end, j + 1) - Math.max(start, j);
      if (overlap > 0) cells.push({ index: j, weight: overlap / r });
    }
    weights.push(cells);
  }
  return weights;
}

/** Area-average resampling of a w×h image to tw×th (separable: rows, then columns). */
export function resampleArea(src: ArrayLike<number>, w: number, h: number, tw: number, th: number): Float64Array {
  const wx = areaWeights(w, tw);
  const wy = areaWeights(h, th);
  const rows = new Float64Array(tw * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < tw; x++) {
      let sum = 0;
      for (const { index, weight } of wx[x]) sum += src[y * w + index] * weight;
      rows[y * tw + x] = sum;
    }
  }
  const out = new Float64Array(tw * th);
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      let sum = 0;
      for (const { index, weight } of wy[y]) sum += rows[index * tw + x] * weight;
      out[y * tw + x] = sum;
    }
  }
  return out;
}

/** Centre of mass of a w×h image in pixel units, pixel centres at +0.5. */
export function centreOfMass(img: ArrayLike<number>, w: number, h: number): { x: number; y: number } {
  let mass = 0,
    sx = 0,
    sy = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = img[y * w + x];
      mass += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return mass > 0 ? { x: sx / mass, y: sy / mass } : { x: w / 2, y: h / 2 };
}

/**
 * Turns a drawing (ink intensities 0..1, light on dark, row-major width×height) into the 784 inputs a model
 * expects: 28×28, row-major, 0..1. Returns null when nothing is drawn.
 */
export function preprocessSketch(ink: ArrayLike<number>, width: number, height: number): number[] | null {
  const bounds = inkBounds(ink, width, height);
  if (!bounds) return null;
  const crop = new Float64Array(bounds.width * bounds.height);
  for (let y = 0; y < bounds.height; y++) {
    for (let x = 0; x < bounds.width; x++) {
      crop[y * bounds.width + x] = ink[(bounds.y + y) * width + bounds.x + x];
    }
  }
  const scale = BOX / Math.max(bounds.width, bounds.height);
  const tw = Math.max(1, Math.min(BOX, Math.round(bounds.width * scale)));
  const th = Math.max(1, Math.min(BOX, Math.round(bounds.height * scale)));
  const digit = resampleArea(crop, bounds.width, bounds.height, tw, th);

  const mass = centreOfMass(digit, tw, th);
  const clamp = (v: number, max: number): number => Math.min(max, Math.max(0, v));
  const left = clamp(Math.round(SIDE / 2 - mass.x), SIDE - tw);
  const top = clamp(Math.round(SIDE / 2 - mass.y), SIDE - th);

  const out = new Array<number>(SIDE * SIDE).fill(0);
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      out[(top + y) * SIDE + left + x] = Math.min(1, Math.max(0, digit[y * tw + x]));
    }
  }
  return out;
}
