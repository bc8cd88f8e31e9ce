/** Runs a command line in this process (the CLI's `runCommandLine`), capturing stdout; progress on stderr is dropped. */
import { vi } from 'vitest';
import { exitCodeOfError, runCommandLine } from '../../src/main/hosts/cli/run-command-line';

export interface Outcome {
  code: number;
  stdout: string;
  /** The message the CLI would print on stderr, when the command failed. */
  error: string | null;
}

export async function runInProcess(args: string[], dataDir: string): Promise<Outcome> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void lines.push(parts.join(' ')));
  const progress = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await runCommandLine([...args, '--data-dir', dataDir], {});
    return { code, stdout: lines.join('\n'), error: null };
  } catch (error) {
    return { code: exitCodeOfError(error), stdout: lines.join('\n'), error: error instanceof Error ? error.message : String(error) };
  } finally {
    log.mockRestore();
    progress.mockRestore();
  }
}
