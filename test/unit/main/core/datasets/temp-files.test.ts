import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatasetRegistry } from '@core/datasets/registry';
import { openStore } from '@core/store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The pid of a process that has ended (a process killed mid-import leaves exactly that). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('dataset cache temp files left by a killed import', () => {
  it('are removed when the registry opens; those a live process may still write are kept', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-orphans-'));
    dirs.push(dataDir);
    const datasets = join(dataDir, 'datasets');
    mkdirSync(datasets);
    const host = hostname().replace(/[^A-Za-z0-9-]/g, '_');
    const dead = deadPid();
    const now = Date.now();
    const files = {
      // The format writeDatasetCache used before the host tag, then the current one; their writer is dead.
      deadOld: `fashion.bin.${dead}.${now}.tmp`,
      deadNew: `fashion.bin.${dead}@${host}.${now}.tmp`,
      // This process is alive and the file fresh: an import may be writing it.
      live: `kmnist.bin.${process.pid}@${host}.${now}.tmp`,
      // A live pid but untouched for two hours: the pid was reused, the file is an orphan.
      stale: `emnist.bin.${process.pid}@${host}.${now - 7_200_000}.tmp`,
      // Another host's live import on a shared folder: its pid means nothing here.
      otherHost: `qmnist.bin.${dead}@elsewhere.${now}.tmp`,
      unrelated: 'notes.tmp',
    };
    for (const name of Object.values(files)) writeFileSync(join(datasets, name), 'partial cache');
    const twoHoursAgo = new Date(now - 7_200_000);
    utimesSync(join(datasets, files.stale), twoHoursAgo, twoHoursAgo);

    const store = openStore(join(dataDir, 'loss-lab.db'));
    try {
      await openDatasetRegistry(dataDir, store);
    } finally {
      store.close();
    }
    const left = readdirSync(datasets);
    for (const name of [files.deadOld, files.deadNew, files.stale]) expect(left, name).not.toContain(name);
    for (const name of [files.live, files.otherHost, files.unrelated]) expect(left, name).toContain(name);
    expect(existsSync(join(datasets, 'mnist-embedded.bin'))).toBe(true);
  });
});
