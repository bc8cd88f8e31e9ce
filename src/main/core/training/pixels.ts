/** Pixel scaling shared by the prepared tensors, the training batches and the tests. */

/** Pixels 0..255 as float32 0..1, one pass, no per-sample work. */
export function scalePixels(images: Uint8Array): Float32Array {
  const out = new Float32Array(images.length);
  for (let i = 0; i < images.length; i++) out[i] = images[i] / 255;
  return out;
}
