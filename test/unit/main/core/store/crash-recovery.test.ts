import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { INTERRUPTED_MESSAGE, openStore } from '@core/store';
import { newRun, onDatabase, tempDbPath } from '@support/store';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../../../../..');
const CHILD = join(HERE, '../../../../support/children/crash-child.ts');

/** Runs the child until it reports `ready <runId>`, then SIGKILLs it; resolves with the run id. */
function runAndKill(dbPath: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let runId: number | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\d+)/.exec(out);
      if (match && runId === null) {
        runId = Number(match[1]);
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (runId !== null && signal === 'SIGKILL') resolvePromise(runId);
      else reject(new Error(`child exited (code ${code}, signal ${signal}) before it was ready: ${err}`));
    });
  });
}

describe('crash recovery', () => {
  let temp: ReturnType<typeof tempDbPath> | undefined;
  afterEach(() => temp?.dispose());

  it('marks a run killed mid-training interrupted, keeping its committed epochs and nothing else', async () => {
    temp = tempDbPath();
    const runId = await runAndKill(temp.dbPath);
    const store = openStore(temp.dbPath);
    try {
      expect(store.recovered).toEqual([runId]);
      const run = store.getRun(runId);
      expect(run).toMatchObject({ status: 'interrupted', epochsDone: 2, error: INTERRUPTED_MESSAGE, name: 'crashes mid-training' });
      expect(run?.epochs.map((e) => e.epoch)).toEqual([1, 2]);
      expect(run?.epochs[1].trainAccuracy).toBeCloseTo(0.82);
      expect(onDatabase(temp.dbPath, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
      expect(store.requeueRun(runId)).toMatchObject({ status: 'queued', epochsDone: 0 });
    } finally {
      store.close();
    }
    const reopened = openStore(temp.dbPath);
    expect(reopened.recovered).toEqual([]);
    reopened.close();
  });

  it('a store open beside the crashed process recovers its run too, without reopening', async () => {
    temp = tempDbPath();
    const store = openStore(temp.dbPath);
    try {
      const runId = await runAndKill(temp.dbPath);
      expect(store.getRun(runId)?.status).toBe('running');
      expect(store.recoverGone()).toEqual([runId]);
      expect(store.getRun(runId)).toMatchObject({ status: 'interrupted', epochsDone: 2, error: INTERRUPTED_MESSAGE });
      expect(store.recoverGone()).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('leaves alone a run whose owner is alive: another open store of this process', () => {
    temp = tempDbPath();
    const owner = openStore(temp.dbPath);
    const { id } = owner.createRun(newRun());
    owner.markRunning(id, 'cpu');
    const reader = openStore(temp.dbPath);
    try {
      expect(reader.recovered).toEqual([]);
      expect(reader.getRun(id)?.status).toBe('running');
      expect(() => reader.markRunning(id, 'cpu')).toThrow(/being trained by another Loss Lab process \(pid \d+ on host /);
      owner.close();
      expect(reader.recoverGone()).toEqual([id]);
    } finally {
      owner.close();
      reader.close();
    }
  });
});
