/**
 * How the core reports what it can neither return nor throw: a failure in background work (recording a run
 * that already ended, a progress listener, the store's heartbeat). A host chooses where the lines go; the
 * default writes each to stderr with a `[loss-lab]` prefix, as the CLI and browser mode always printed them.
 */
export interface Logger {
  /** One line of text, without a trailing newline. */
  warn(line: string): void;
}

export const stderrLogger: Logger = {
  warn(line) {
    process.stderr.write(`[loss-lab] ${line}\n`);
  },
};

/** An error's message, or the thrown value as text. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
