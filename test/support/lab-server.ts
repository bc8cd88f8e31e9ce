/** A real browser-mode server on a free port, serving a one-file renderer, with a lab double behind it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLabServer, type LabServer } from '../../src/main/hosts/server/http-server';
import { createLabDouble, type LabDouble } from './lab-double';

export const TOKEN = 'test-token-0123456789abcdef';

export interface LabServerFixture {
  lab: LabDouble;
  server: LabServer;
  /** Closes the server and removes the renderer folder. */
  close(): Promise<void>;
}

export async function openLabServer(): Promise<LabServerFixture> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'loss-lab-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Loss Lab</title>');
  const lab = createLabDouble();
  const server = await startLabServer({ lab, rendererDir, token: TOKEN, port: 0 });
  return {
    lab,
    server,
    async close() {
      await server.close();
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}
