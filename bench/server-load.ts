/**
 * `npx tsx bench/server-load.ts`: how long browser mode makes a person wait for `lab:info` while other
 * clients send the biggest requests the server accepts. Builds a data folder with a study of MAX_STUDY_RUNS
 * runs (10 epochs each) and 5,000 more runs, starts the real HTTP/WebSocket server, and for `--seconds`
 * (default 15) runs 4 load clients (each looping `studies:get` on that study, every `runs:list` page, and a
 * refused over-size `studies:create`) beside one probe sending `lab:info` every 20 ms. Prints p50/p99/max.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createLab } from '../src/main/core/lab/create-lab';
import { openStore, type RunStore } from '../src/main/core/store';
import { createStudy } from '../src/main/core/studies/study-store';
import { startLabServer } from '../src/main/hosts/server/http-server';
import { MAX_STUDY_RUNS } from '../src/shared/contract';
import { findPreset } from '../src/shared/presets';
import type { EpochMetrics } from '../src/shared/run-types';
import { load1, quantile } from './lib/stats';

const TOKEN = 'bench-token-0123456789abcdef';
const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 15;
const base = findPreset('example-3')!.config;

function epoch(n: number, seed: number): EpochMetrics {
  const acc = 0.8 + 0.015 * n + 0.001 * (seed % 7);
  return {
    epoch: n,
    trainLoss: 1 / n,
    trainAccuracy: acc,
    valLoss: 1.1 / n,
    valAccuracy: acc - 0.01,
    testLoss: 1.2 / n,
    testAccuracy: acc - 0.02,
    seconds: 1,
    samplesPerSecond: 8000,
    layers: [],
  };
}

function finishWithEpochs(store: RunStore, id: number, seed: number): void {
  store.markRunning(id, 'wasm');
  for (let n = 1; n <= 10; n++) store.appendEpoch(id, epoch(n, seed));
  store.finishRun(id, { status: 'stopped', evaluation: null, model: null, error: null });
}

function populate(dataDir: string): number {
  const store = openStore(join(dataDir, 'loss-lab.db'));
  const configurations = Array.from({ length: MAX_STUDY_RUNS / 20 }, (_, i) => ({
    key: `lr-${i}`,
    label: `lr ${i}`,
    config: { ...base, learningRate: 0.001 * (i + 1) },
  }));
  const study = createStudy(store, { name: 'largest allowed', builtinId: null, datasetId: 'mnist-embedded', configurations, seeds: 20 });
  // One commit per write, as training makes them (the store keeps its SQL and transactions to itself).
  for (const run of store.listRuns({ studyId: study.id })) finishWithEpochs(store, run.id, run.seed);
  for (let i = 0; i < 5000; i++) {
    const run = store.createRun({ name: `run ${i}`, presetId: null, studyId: null, datasetId: 'mnist-embedded', config: { ...base, seed: i } });
    finishWithEpochs(store, run.id, i);
  }
  store.close();
  return study.id;
}

function client(port: number): Promise<{ call(channel: string, request?: unknown): Promise<{ ok: boolean }>; close(): void }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${TOKEN}`, { maxPayload: 64 * 1024 * 1024 });
  const pending = new Map<number, (result: { ok: boolean }) => void>();
  let next = 1;
  ws.on('message', (data) => {
    const { id, result } = JSON.parse(data.toString()) as { id: number; result: { ok: boolean } };
    pending.get(id)?.(result);
    pending.delete(id);
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        call: (channel, request) => new Promise((done) => (pending.set(next, done), ws.send(JSON.stringify({ id: next++, channel, request })))),
        close: () => ws.close(),
      }),
    );
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-server-load-'));
  const rendererDir = mkdtempSync(join(tmpdir(), 'loss-lab-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  const studyId = populate(dataDir);
  const lab = await createLab({ dataDir, host: 'browser', workers: 1, resumeQueued: false });
  const server = await startLabServer({ lab, rendererDir, token: TOKEN, port: 0 });
  const until = performance.now() + seconds * 1000;
  const heavy: Record<string, number[]> = { 'studies:get': [], 'runs:list page': [], 'studies:create (refused)': [] };
  const timed = async (name: string, fn: () => Promise<unknown>): Promise<void> => {
    const start = performance.now();
    await fn();
    heavy[name].push(performance.now() - start);
  };
  const load = async (): Promise<void> => {
    const c = await client(server.port);
    const huge = {
      name: 'huge',
      datasetId: 'mnist-embedded',
      base,
      factors: [{ field: 'batchSize', levels: [8, 16, 32, 64, 128, 256, 512, 1024] }],
      seeds: 20 * 4,
    };
    while (performance.now() < until) {
      await timed('studies:get', () => c.call('studies:get', { studyId }));
      for (let offset = 0; offset < 5500; offset += 1000) await timed('runs:list page', () => c.call('runs:list', { offset, limit: 1000 }));
      await timed('studies:create (refused)', () => c.call('studies:create', { ...huge, seeds: 20 }));
    }
    c.close();
  };
  const probe = async (): Promise<number[]> => {
    const c = await client(server.port);
    const latencies: number[] = [];
    while (performance.now() < until) {
      const start = performance.now();
      await c.call('lab:info');
      latencies.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 20));
    }
    c.close();
    return latencies;
  };
  const [latencies] = await Promise.all([probe(), load(), load(), load(), load()]);
  const f = (v: number): string => `${v.toFixed(1)} ms`;
  console.log(`lab:info under load (${seconds} s, 4 load clients, study of ${MAX_STUDY_RUNS} runs + 5,000 runs, load ${load1()}):`);
  console.log(`  ${latencies.length} calls: p50 ${f(quantile(latencies, 0.5))}, p99 ${f(quantile(latencies, 0.99))}, max ${f(Math.max(...latencies))}`);
  for (const [name, values] of Object.entries(heavy))
    console.log(`  ${name}: ${values.length} calls, median ${f(quantile(values, 0.5))}, max ${f(Math.max(...values))}`);
  await server.close();
  await lab.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(rendererDir, { recursive: true, force: true });
}

void main();
