/** Writes a dataset split to the flat file the Python peer reads, so both sides train on the same bytes. */
import { writeFileSync } from 'node:fs';
import type { DatasetSplit } from '../../src/main/core/datasets/dataset';

/** Layout: uint32 LE count, `count` label bytes, `count` × 784 image bytes (0..255, row-major). */
export function writePeerData(path: string, split: DatasetSplit): void {
  const header = Buffer.alloc(4);
  header.writeUInt32LE(split.count, 0);
  writeFileSync(path, Buffer.concat([header, split.labels, split.images]));
}
