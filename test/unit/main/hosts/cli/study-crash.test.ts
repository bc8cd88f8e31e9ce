import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StudySummary } from '@shared/study-types';
import { createLab } from '@core/lab/create-lab';
import type { Lab } from '@core/lab/lab-types';
import { ROOT, removeTempDirs, SLOW_TEST_MS, tempDir } from '@support/cli';

afterAll(removeTempDirs);

/** Starts `lab study run seed-article` (5 runs of 3 epochs, one worker) and SIGKILLs it once 1–4 runs are done. */
function studyKilledAfterFirstRun(dataDir: string): Promise<void> {
  const args = ['study', 'run', 'seed-article', '--dataset', 'mnist-embedded', '--seeds', '1', '--epochs', '3', '--workers', '1', '--data-dir', dataDir];
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/hosts/cli/main.ts'), ...args], { cwd: ROOT });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Progress lines are throttled (`study 1: 2/5 runs done, …`): any count short of all will do.
      if (/\b[1-4]\/5 runs done/.test(stderr)) child.kill('SIGKILL');
    });
    child.once('close', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the study ended on its own: ${stderr}`))));
  });
}

async function call<T>(lab: Lab, channel: Parameters<Lab['handle']>[0], request?: unknown): Promise<T> {
  const result = await lab.handle(channel, request);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('a study killed mid-way (kill -9)', () => {
  it(
    'is not completed, and resuming it trains every planned run',
    async () => {
      const dataDir = tempDir('loss-lab-study-crash-');
      await studyKilledAfterFirstRun(dataDir);

      const lab = await createLab({ dataDir, host: 'cli', workers: 2, resumeQueued: false });
      try {
        const [before] = await call<StudySummary[]>(lab, 'studies:list');
        expect(before.status).not.toBe('completed');
        expect(before.runsCompleted).toBeGreaterThanOrEqual(1);
        expect(before.runsCompleted).toBeLessThan(5);

        const done = new Promise<StudySummary>((resolve) =>
          lab.subscribe((event, payload) => {
            const s = payload as StudySummary;
            if (event === 'studies:progress' && s.runsQueued === 0 && s.runsRunning === 0) resolve(s);
          }),
        );
        await call<StudySummary>(lab, 'studies:resume', { studyId: before.id });
        expect(await done).toMatchObject({ status: 'completed', runsTotal: 5, runsCompleted: 5, runsOther: 0 });
      } finally {
        await lab.close();
      }
    },
    SLOW_TEST_MS,
  );
});
