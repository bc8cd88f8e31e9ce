/** Queue tests: `lab worker` processes, and reading an owner's database while its study runs. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { findPreset } from '../../src/shared/presets';
import { afterEach } from 'vitest';
import { startTestRedis, type TestRedis } from './redis-server';
import { removeTempDirs, ROOT } from './cli';

export interface WorkerProcess {
  child: ChildProcessWithoutNullStreams;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once its output matches `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** SIGTERM (finish active runs), then SIGKILL after a few seconds; resolves when it exited. */
  end(): Promise<void>;
}

/** Starts `lab worker --queue url --concurrency 1 --backend wasm` and waits until it listens. */
export async function startWorker(url: string, dataDir: string): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/main/hosts/cli/main.ts'), 'worker', '--queue', url, '--concurrency', '1', '--backend', 'wasm', '--data-dir', dataDir],
    { cwd: ROOT },
  );
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    text += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const worker: WorkerProcess = {
    child,
    output: () => text,
    waitFor: (pattern, timeoutMs = 120_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = text.match(pattern);
          if (!match) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(match);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`the worker never printed ${pattern}: ${text}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    async end() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
  await worker.waitFor(/worker on redis:\/\/:\*\*\*@/);
  return worker;
}

/** Writes a study file: example-3 on the sample, `trainSize` images, `epochs` epochs, 3 learning rates × `seeds` seeds. */
export function writeStudyFile(dir: string, { trainSize, epochs, seeds }: { trainSize: number; epochs: number; seeds: number }): string {
  const path = join(dir, 'study.json');
  const base = { ...findPreset('example-3')!.config, trainSize, epochs };
  writeFileSync(
    path,
    JSON.stringify({ name: 'queue study', datasetId: 'mnist-embedded', base, factors: [{ field: 'learningRate', levels: [0.001, 0.003, 0.01] }], seeds }),
  );
  return path;
}

export interface RunRow {
  id: number;
  status: string;
  backend: string | null;
  epochs_done: number;
  worker_host: string | null;
  learning_rate: number;
  seed: number;
}

/** The owner's runs as the database holds them now (read-only, beside the running owner). */
export function runRows(dataDir: string): RunRow[] {
  if (!existsSync(join(dataDir, 'loss-lab.db'))) return [];
  const db = new Database(join(dataDir, 'loss-lab.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], RunRow>(
        "SELECT id, status, backend, epochs_done, worker_host, json_extract(config, '$.learningRate') AS learning_rate, json_extract(config, '$.seed') AS seed FROM runs ORDER BY id",
      )
      .all();
  } catch (error) {
    // The owner may have created the file but not yet migrated it: no runs yet.
    if (error instanceof Error && /no such (table|column)/.test(error.message)) return [];
    throw error;
  } finally {
    db.close();
  }
}

/** Every stored epoch of the owner's runs, by run id, in epoch order. */
export function epochRows(dataDir: string): Map<number, { epoch: number; train_loss: number; test_accuracy: number }[]> {
  const db = new Database(join(dataDir, 'loss-lab.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<[], { run_id: number; epoch: number; train_loss: number; test_accuracy: number }>(
        'SELECT run_id, epoch, train_loss, test_accuracy FROM epochs ORDER BY run_id, epoch',
      )
      .all();
    const byRun = new Map<number, { epoch: number; train_loss: number; test_accuracy: number }[]>();
    for (const { run_id, ...epoch } of rows) byRun.set(run_id, [...(byRun.get(run_id) ?? []), epoch]);
    return byRun;
  } finally {
    db.close();
  }
}

/** Polls `test` every 100 ms until it is true. */
export async function until(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A queue test file's Redis and worker processes, ended after each test (and its temp dirs removed, unless
 * `keepTempDirs`: the file removes them itself). Call once at the top of the file.
 */
export function queueTestBed({ keepTempDirs = false }: { keepTempDirs?: boolean } = {}): { workers: WorkerProcess[]; startRedis(): Promise<TestRedis> } {
  let redis: TestRedis | null = null;
  const workers: WorkerProcess[] = [];
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.end()));
    await redis?.stop();
    redis = null;
    if (!keepTempDirs) removeTempDirs();
  });
  return {
    workers,
    async startRedis() {
      redis = await startTestRedis();
      return redis;
    },
  };
}
