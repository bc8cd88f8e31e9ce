/** Pixel scaling shared by the prepared tensors, the training batches and the tests. */

/** Pixels 0..255 as float32 0..1, one pass, no per-sample work. */
export function scalePixels(images: Uint8Array): Float32Array {
  const out = new Float32Array(images.length);
  for (let i = 0; i < images.length; i++) out[i] = images[i] / 255;
  return out;
}

/** The float32 value of each byte, as `scalePixels` computes it: a batch converts its rows through this table. */
export const PIXEL_VALUES: Float32Array = scalePixels(Uint8Array.from({ length: 256 }, (_, v) => v));
