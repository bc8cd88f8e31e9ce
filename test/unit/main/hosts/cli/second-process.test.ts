import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@core/store';
import { lab, removeTempDirs, SLOW_TEST_MS, startLab, tempDir } from '@support/cli';

afterAll(removeTempDirs);

const train = (dataDir: string, seed: number, epochs = 2) =>
  startLab(['train', '--preset', 'example-3', '--dataset', 'mnist-embedded', '--epochs', String(epochs), '--seed', String(seed), '--json'], dataDir);
const isEpoch = (n: number) => (line: Record<string, unknown>) => line['type'] === 'epoch' && line['epoch'] === n;

describe('a second process on the same data directory', () => {
  it(
    'reading the history while a CLI run trains does not take the run away from it',
    async () => {
      const dataDir = tempDir();
      const training = train(dataDir, 1, 3);
      await training.waitFor(isEpoch(1));

      // A store opened in this process (as the app or `serve` would) while epoch 2 trains: it must not take the run.
      const beside = openStore(join(dataDir, 'loss-lab.db'));
      try {
        expect(beside.recovered).toEqual([]);
        expect(beside.listRuns().map((r) => r.status)).toEqual(['running']);
      } finally {
        beside.close();
      }
      // And `runs list` in a third process (which may start after the run ended on a fast machine).
      const listed = lab(['runs', 'list', '--json'], dataDir);
      expect(listed.status, listed.stderr).toBe(0);
      expect((JSON.parse(listed.stdout) as { status: string }[]).map((r) => r.status)).not.toContain('interrupted');

      const end = await training.exited;
      expect(end.stderr).not.toMatch(/could not record/);
      expect(end.code).toBe(0);
      expect(end.lines.at(-1)).toMatchObject({ type: 'evaluation', status: 'completed', testSize: 2000 });
      const store = openStore(join(dataDir, 'loss-lab.db'));
      try {
        const [run] = store.listRuns();
        expect(run).toMatchObject({ status: 'completed', epochsDone: 3 });
        expect(store.getRun(run.id)?.evaluation?.testAccuracy).toBeGreaterThan(0.8);
      } finally {
        store.close();
      }
    },
    SLOW_TEST_MS,
  );

  it(
    'two trainings at once both record their evaluations',
    async () => {
      const dataDir = tempDir();
      lab(['datasets', 'list'], dataDir); // builds the digits cache once, so the two do not race to build it
      // The first trains long enough that the second starts (10–20 s for a CLI on a busy machine) while it does.
      const first = train(dataDir, 1, 10);
      await first.waitFor(isEpoch(1));
      const second = train(dataDir, 2);
      const ends = await Promise.all([first.exited, second.exited]);
      for (const end of ends) {
        expect(end.code, end.stderr).toBe(0);
        expect(end.lines.at(-1)).toMatchObject({ type: 'evaluation', status: 'completed' });
      }
      const store = openStore(join(dataDir, 'loss-lab.db'));
      try {
        expect(store.listRuns().map((r) => [r.status, r.epochsDone])).toEqual([
          ['completed', 2],
          ['completed', 10],
        ]);
      } finally {
        store.close();
      }
    },
    SLOW_TEST_MS,
  );
});
