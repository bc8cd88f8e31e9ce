/** Spawning `npm run lab` (src/main/hosts/cli/main.ts) in tests: one-shot commands and long-running ones. */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = join(__dirname, '../..');
/** Timeout of a test that spawns CLI processes that train: each start alone takes 10–20 s on a busy 2-core machine. */
export const SLOW_TEST_MS = 400_000;
const CLI = ['--import', 'tsx', join(ROOT, 'src/main/hosts/cli/main.ts')];

/** Temp folders made by `tempDir`; `removeTempDirs` deletes them (call it in afterAll). */
const dirs: string[] = [];
export function tempDir(prefix = 'loss-lab-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs one command to its end. */
export function lab(args: string[], dataDir: string) {
  return spawnSync(process.execPath, [...CLI, ...args, '--data-dir', dataDir], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
}

export interface LiveCommand {
  child: ChildProcessWithoutNullStreams;
  /** Resolves at the first `--json` line of stdout matching `test` (parsed). */
  waitFor(test: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Resolves when the process exits, with its code, every stdout line parsed as JSON, and stderr. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: Record<string, unknown>[]; stderr: string }>;
}

/** Starts a command (give it `--json`) and follows its output line by line. */
export function startLab(args: string[], dataDir: string): LiveCommand {
  const child = spawn(process.execPath, [...CLI, ...args, '--data-dir', dataDir], { cwd: ROOT });
  const lines: Record<string, unknown>[] = [];
  const waiters: { test: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      line = { text };
    }
    lines.push(line);
    for (const waiter of waiters.filter((w) => w.test(line))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: Record<string, unknown>[]; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, lines, stderr })),
  );
  return {
    child,
    exited,
    waitFor: (test) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(test);
        if (seen) return resolve(seen);
        waiters.push({ test, resolve });
        void exited.then((end) => reject(new Error(`the command exited (${end.code ?? end.signal}) first: ${end.stderr}`)));
      }),
  };
}
