/**
 * Reader for the IDX format of MNIST and Fashion-MNIST: a big-endian header (magic 0x000008NN where 08 means
 * unsigned bytes and NN the number of dimensions, then one uint32 per dimension) followed by the bytes.
 * Images are `*-idx3-ubyte` (count × rows × cols), labels `*-idx1-ubyte` (count). Files may be gzipped.
 */
import { CLASS_COUNT, DatasetError, IMAGE_SIZE } from './dataset';

/**
 * Most images (or labels) one IDX file may hold: 400,000, i.e. 314 MB of 28×28 images decompressed. Fashion-MNIST
 * and MNIST hold 60,000 a file, EMNIST Digits 240,000; anything above is refused from the header, before reading.
 */
export const MAX_IDX_COUNT = 400_000;
const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;
/** Largest valid decompressed file: a full-size image file. */
export const MAX_IDX_BYTES = 16 + MAX_IDX_COUNT * IMAGE_SIZE;

/** Parses an IDX images file. Invariants on success: rows = cols = 28, 1 ≤ count ≤ MAX_IDX_COUNT. */
export function parseIdxImages(bytes: Uint8Array, file: string): { count: number; images: Uint8Array } {
  const header = readHeader(bytes, file, IMAGES_MAGIC);
  const [count, rows, cols] = header.dims;
  if (rows !== 28 || cols !== 28) throw new DatasetError(file, `images are ${rows}×${cols} pixels, Loss Lab needs 28×28`);
  const data = bodyOf(bytes, file, header.size, count, IMAGE_SIZE, 'images');
  return { count, images: data };
}

/** Parses an IDX labels file. Invariant on success: every label is 0..9. */
export function parseIdxLabels(bytes: Uint8Array, file: string): { count: number; labels: Uint8Array } {
  const header = readHeader(bytes, file, LABELS_MAGIC);
  const [count] = header.dims;
  const labels = bodyOf(bytes, file, header.size, count, 1, 'labels');
  const bad = labels.findIndex((label) => label >= CLASS_COUNT);
  if (bad >= 0) throw new DatasetError(file, `label ${labels[bad]} at index ${bad} is outside 0..9`);
  return { count, labels };
}

function readHeader(bytes: Uint8Array, file: string, magic: number): { dims: number[]; size: number } {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4) throw new DatasetError(file, `is too short to be an IDX file (${bytes.length} bytes)`);
  const found = data.getUint32(0);
  if (found !== magic) {
    const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;
    const what = magic === IMAGES_MAGIC ? 'IDX images' : 'IDX labels';
    const hint = found === IMAGES_MAGIC ? ' (this is an images file)' : found === LABELS_MAGIC ? ' (this is a labels file)' : '';
    throw new DatasetError(file, `bad magic number ${hex(found)}${hint}, expected ${hex(magic)} (${what})`);
  }
  const ndims = magic & 0xff;
  const size = 4 + 4 * ndims;
  if (bytes.length < size) throw new DatasetError(file, `is truncated: the header needs ${size} bytes, the file has ${bytes.length}`);
  const dims = Array.from({ length: ndims }, (_, i) => data.getUint32(4 + 4 * i));
  return { dims, size };
}

function bodyOf(bytes: Uint8Array, file: string, headerSize: number, count: number, itemSize: number, noun: string): Uint8Array {
  if (count === 0) throw new DatasetError(file, `holds no ${noun}`);
  if (count > MAX_IDX_COUNT) throw new DatasetError(file, `header claims ${count} ${noun}, more than the ${MAX_IDX_COUNT} allowed`);
  const expected = headerSize + count * itemSize;
  if (bytes.length < expected) {
    throw new DatasetError(file, `is truncated: its header claims ${count} ${noun} (${expected} bytes) but the file holds ${bytes.length} bytes`);
  }
  if (bytes.length > expected) {
    throw new DatasetError(file, `has ${bytes.length - expected} unexpected bytes after its ${count} ${noun}`);
  }
  // A plain Uint8Array view (not a Buffer), so imported and cached datasets look alike.
  return new Uint8Array(bytes.buffer, bytes.byteOffset + headerSize, expected - headerSize);
}
