/**
 * Browser mode's dataset uploads: the page cannot name a path on the server, so it sends the four IDX files.
 *   POST /uploads                → 201 {"uploadId": "<32 hex>"}: an empty staging folder
 *   PUT  /uploads/<id>/<name>    → 201 {"bytes": n}: one file, streamed to disk; <name> must be a standard IDX
 *                                  file name (train-images-idx3-ubyte[.gz], …)
 * then the `datasets:import` channel with that uploadId imports the folder and deletes it.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { IDX_ROLES } from '../../core/datasets/idx-files';
import { MAX_IDX_BYTES } from '../../core/datasets/idx';
import { uploadsDir } from '../../core/lab/file-handlers';

/** Largest file one PUT may send: the largest IDX file the import accepts (a .gz is smaller still). */
export const MAX_UPLOAD_BYTES = MAX_IDX_BYTES;
/** Staging folders at once; an upload is deleted when imported, so more means abandoned or hostile uploads. */
export const MAX_PENDING_UPLOADS = 4;

type Reply = (status: number, body: object) => void;

class TooLarge extends Error {}

/** Counts bytes through the pipe and fails once there are more than `limit`. */
function byteLimit(limit: number): Transform & { received: () => number } {
  let received = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > limit ? new TooLarge() : null, chunk);
    },
  });
  return Object.assign(stream, { received: () => received });
}

async function receiveFile(req: IncomingMessage, folder: string, name: string, reply: Reply): Promise<void> {
  const role = IDX_ROLES.find((r) => r.pattern.test(name));
  if (!role) return reply(400, { error: `${name} is not a standard IDX file name (e.g. train-images-idx3-ubyte.gz)` });
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > MAX_UPLOAD_BYTES) return reply(413, { error: `${name} is larger than the ${MAX_UPLOAD_BYTES} bytes an IDX file may have` });
  // One file a role: a second upload of train-images replaces the first, whichever of raw or .gz it was.
  for (const existing of readdirSync(folder)) if (role.pattern.test(existing)) rmSync(join(folder, existing), { force: true });
  const path = join(folder, name);
  const limit = byteLimit(MAX_UPLOAD_BYTES);
  try {
    await pipeline(req, limit, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    rmSync(path, { force: true });
    if (error instanceof TooLarge) return reply(413, { error: `${name} is larger than the ${MAX_UPLOAD_BYTES} bytes an IDX file may have` });
    throw error;
  }
  reply(201, { bytes: limit.received() });
}

/** Handles `/uploads…` requests (already authenticated). Returns false for any other path. */
export async function handleUpload(req: IncomingMessage, dataDir: string, reply: Reply): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const root = uploadsDir(dataDir);
  if (pathname === '/uploads') {
    if (req.method !== 'POST') return (reply(405, { error: 'POST /uploads starts an upload' }), true);
    mkdirSync(root, { recursive: true });
    if (readdirSync(root).length >= MAX_PENDING_UPLOADS) {
      return (reply(429, { error: `${MAX_PENDING_UPLOADS} uploads are already waiting to be imported; import or restart first` }), true);
    }
    const uploadId = randomBytes(16).toString('hex');
    mkdirSync(join(root, uploadId));
    return (reply(201, { uploadId }), true);
  }
  const match = /^\/uploads\/([0-9a-f]{32})\/([A-Za-z0-9._-]{1,64})$/.exec(pathname);
  if (!match) return false;
  if (req.method !== 'PUT') return (reply(405, { error: 'PUT /uploads/<id>/<file name> sends one file' }), true);
  const folder = join(root, match[1]);
  if (!existsSync(folder)) return (reply(404, { error: 'no such upload: start one with POST /uploads' }), true);
  await receiveFile(req, folder, match[2], reply);
  return true;
}
