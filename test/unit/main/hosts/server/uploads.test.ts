/** Browser mode's dataset uploads: staged under the data dir, size-bounded, standard names only, token and Origin checked. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLabServer, type LabServer } from '@hosts/server/http-server';
import { MAX_PENDING_UPLOADS, MAX_UPLOAD_BYTES } from '@hosts/server/uploads';
import { createLabDouble } from '@support/lab-double';

const TOKEN = 'test-token-0123456789abcdef';
let server: LabServer;
let dataDir: string;
let rendererDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-uploads-'));
  rendererDir = mkdtempSync(join(tmpdir(), 'loss-lab-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  server = await startLabServer({ lab: createLabDouble(dataDir), rendererDir, token: TOKEN, port: 0 });
});
afterEach(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(rendererDir, { recursive: true, force: true });
});

function http(
  method: string,
  path: string,
  body?: Buffer,
  headers: Record<string, string | number> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: { cookie: `loss_lab_token=${TOKEN}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {} }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const startUpload = async (): Promise<string> => {
  const { status, json } = await http('POST', '/uploads');
  expect(status).toBe(201);
  return json['uploadId'] as string;
};

describe('uploads', () => {
  it('stages a file under the data dir by its standard name; a second copy of a role replaces the first', async () => {
    const id = await startUpload();
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await http('PUT', `/uploads/${id}/train-labels-idx1-ubyte`, Buffer.from('raw'))).toMatchObject({ status: 201, json: { bytes: 3 } });
    expect(await http('PUT', `/uploads/${id}/train-labels-idx1-ubyte.gz`, Buffer.from('gzip!'))).toMatchObject({ status: 201, json: { bytes: 5 } });
    expect(existsSync(join(dataDir, 'uploads', id, 'train-labels-idx1-ubyte'))).toBe(false);
    expect(readFileSync(join(dataDir, 'uploads', id, 'train-labels-idx1-ubyte.gz'), 'utf8')).toBe('gzip!');
  });

  it('refuses other names, unknown uploads, and a body declared larger than any IDX file', async () => {
    const id = await startUpload();
    expect((await http('PUT', `/uploads/${id}/notes.txt`, Buffer.from('x'))).status).toBe(400);
    expect((await http('PUT', `/uploads/${'0'.repeat(32)}/train-labels-idx1-ubyte`, Buffer.from('x'))).status).toBe(404);
    const tooBig = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'PUT',
          path: `/uploads/${id}/train-images-idx3-ubyte`,
          headers: { cookie: `loss_lab_token=${TOKEN}`, 'content-length': MAX_UPLOAD_BYTES + 1 },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(tooBig).toBe(413);
    expect(existsSync(join(dataDir, 'uploads', id, 'train-images-idx3-ubyte'))).toBe(false);
  });

  it('needs the token and, from a browser, this server’s Origin', async () => {
    expect((await http('POST', '/uploads', undefined, { cookie: '' })).status).toBe(403);
    expect((await http('POST', '/uploads', undefined, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await http('POST', '/uploads', undefined, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(201);
  });

  it(`keeps at most ${MAX_PENDING_UPLOADS} uploads waiting`, async () => {
    for (let i = 0; i < MAX_PENDING_UPLOADS; i++) await startUpload();
    expect((await http('POST', '/uploads')).status).toBe(429);
  });
});
