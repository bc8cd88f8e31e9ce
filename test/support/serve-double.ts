/**
 * A child process running the real HTTP/WebSocket server in front of the lab double, for tests that must see
 * whether a client can kill the process. Prints `port <n>` once it listens.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLabServer } from '../../src/main/hosts/server/http-server';
import { createLabDouble } from './lab-double';

const rendererDir = mkdtempSync(join(tmpdir(), 'loss-lab-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Loss Lab</title>');
const token = process.env['LOSS_LAB_TOKEN'] ?? '';
const server = await startLabServer({ lab: createLabDouble(), rendererDir, token, port: 0 });
console.log(`port ${server.port}`);
