/**
 * Reads one IDX file (raw or gzip) from disk, streamed and bounded: only regular files are opened (after
 * symlinks are resolved), the header is checked before the body is read, the body goes into one buffer of
 * exactly the size the header promises, and reading stops as soon as the file holds more than that.
 */
import { constants } from 'node:fs';
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DatasetError } from './dataset';
import { MAX_IDX_BYTES, MAX_IDX_COUNT } from './idx';

const READ_ADVICE = 'choose the folder holding the four IDX files, or the four files themselves';
/** Trailing bytes counted (not kept) before giving up, so a report can say how many there were. */
const MAX_TRAILING_BYTES = 16 * 1024 * 1024;

function kindOf(s: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isDirectory(): boolean }): string {
  if (s.isFIFO()) return 'a FIFO';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return s.isDirectory() ? 'a folder' : 'not a file';
}

/** Opens `path` for reading only if it is (or links to) a regular file; never blocks on a FIFO. */
async function openRegular(path: string): Promise<FileHandle> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError(path, code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(error)})`, READ_ADVICE);
  }
  if (!info.isFile()) {
    const target = await realpath(path).catch(() => path);
    throw new DatasetError(path, `is not a regular file (${kindOf(info)}${target !== path ? `, ${target}` : ''})`, READ_ADVICE);
  }
  // O_NONBLOCK: if the path was swapped for a FIFO since the check, open returns instead of waiting for a writer.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw new DatasetError(path, 'is not a regular file (it changed while being opened)', READ_ADVICE);
  }
  return handle;
}

/** Collects an IDX file's bytes: the header, then one buffer of exactly the size the header declares. */
class IdxCollector {
  private header = Buffer.alloc(0);
  private whole: Uint8Array | null = null;
  private filled = 0;
  private trailing = 0;
  /** Set when the header is unusable: the parser then reports it from the bytes kept so far. */
  private stopped = false;

  constructor(private readonly path: string) {}

  /** Returns false once nothing more needs reading. Throws DatasetError when the file exceeds its bounds. */
  push(chunk: Buffer): boolean {
    if (this.stopped) return false;
    if (this.whole === null) {
      this.header = Buffer.concat([this.header, chunk]);
      const size = this.headerSize();
      if (size === null) return !this.stopped;
      const bodySize = this.bodySize(size);
      if (bodySize === null) return false;
      this.whole = new Uint8Array(size + bodySize);
      chunk = this.header;
    }
    const taken = Math.min(this.whole.length - this.filled, chunk.length);
    this.whole.set(chunk.subarray(0, taken), this.filled);
    this.filled += taken;
    this.trailing += chunk.length - taken;
    if (this.trailing > MAX_TRAILING_BYTES) throw this.trailingError(`more than ${MAX_TRAILING_BYTES}`);
    return true;
  }

  /** The bytes read (short when the file is truncated, which the parser reports). Throws on trailing bytes. */
  finish(): Uint8Array {
    if (this.whole === null) return this.header;
    if (this.trailing > 0) throw this.trailingError(String(this.trailing));
    return this.whole.subarray(0, this.filled);
  }

  private trailingError(amount: string): DatasetError {
    const noun = this.header[3] === 1 ? 'labels' : 'images';
    return new DatasetError(this.path, `has ${amount} unexpected bytes after its ${this.header.readUInt32BE(4)} ${noun}`);
  }

  /** Header length once enough bytes are in, else null; stops (for the parser to explain) on a foreign magic. */
  private headerSize(): number | null {
    if (this.header.length < 4) return null;
    const ndims = this.header[3];
    if (this.header[0] !== 0 || this.header[1] !== 0 || this.header[2] !== 0x08 || (ndims !== 1 && ndims !== 3)) {
      this.stopped = true;
      return null;
    }
    const size = 4 + 4 * ndims;
    return this.header.length >= size ? size : null;
  }

  /** Bytes the header promises after itself; null (stop, let the parser explain) for images that are not 28×28. */
  private bodySize(headerSize: number): number | null {
    const dims = Array.from({ length: this.header[3] }, (_, i) => this.header.readUInt32BE(4 + 4 * i));
    const noun = dims.length === 1 ? 'labels' : 'images';
    if (dims[0] > MAX_IDX_COUNT) {
      throw new DatasetError(this.path, `header claims ${dims[0]} ${noun}, more than the ${MAX_IDX_COUNT} allowed`);
    }
    if (dims.length === 3 && (dims[1] !== 28 || dims[2] !== 28)) return null;
    const size = dims.reduce((a, b) => a * b, 1);
    if (headerSize + size > MAX_IDX_BYTES) throw new DatasetError(this.path, `header claims more than ${MAX_IDX_BYTES} bytes`);
    return size;
  }
}

async function drain(stream: Readable, collector: IdxCollector): Promise<void> {
  for await (const chunk of stream) {
    if (!collector.push(chunk as Buffer)) break;
  }
}

/**
 * Reads `path`, gunzipping it when it starts with the gzip signature (whatever its extension). Throws
 * DatasetError for anything that is not a regular file, and as soon as its contents exceed the IDX bounds.
 */
export async function readIdxBytes(path: string): Promise<Uint8Array> {
  const handle = await openRegular(path);
  const collector = new IdxCollector(path);
  try {
    const signature = Buffer.alloc(2);
    const { bytesRead } = await handle.read(signature, 0, 2, 0);
    const gzipped = bytesRead === 2 && signature[0] === 0x1f && signature[1] === 0x8b;
    const file = handle.createReadStream({ start: 0, autoClose: false, highWaterMark: 1 << 20 });
    if (!gzipped) {
      await drain(file, collector);
      return collector.finish();
    }
    const gunzip = createGunzip();
    file.pipe(gunzip);
    try {
      await drain(gunzip, collector);
    } catch (error) {
      if (error instanceof DatasetError) throw error;
      throw new DatasetError(path, 'is not a valid gzip file (damaged or incomplete download)');
    } finally {
      file.unpipe(gunzip);
      gunzip.destroy();
      file.destroy();
    }
    return collector.finish();
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError(path, `cannot be read (${code ?? String(error)})`, READ_ADVICE);
  } finally {
    await handle.close();
  }
}
