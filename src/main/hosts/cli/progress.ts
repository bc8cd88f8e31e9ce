/**
 * Progress goes to stderr, so stdout carries only results (a pipe or a file gets clean output). On a
 * terminal one line is rewritten in place; otherwise whole lines, at most one every `everyMs`.
 */
export interface Progress {
  update(text: string): void;
  /** Ends the in-place line, so the next output starts on its own line. */
  done(): void;
}

export function createProgress(enabled: boolean, everyMs = 5000, stream: NodeJS.WriteStream = process.stderr): Progress {
  let last = -Infinity;
  let open = false;
  return {
    update(text) {
      if (!enabled) return;
      if (stream.isTTY) {
        stream.write(`\r\x1b[K${text.slice(0, (stream.columns || 100) - 1)}`);
        open = true;
        return;
      }
      const now = performance.now();
      if (now - last < everyMs) return;
      last = now;
      stream.write(`${text}\n`);
    },
    done() {
      if (open) stream.write('\r\x1b[K');
      open = false;
    },
  };
}

/** A line on stderr for a person (skipped under --json). */
export const note = (json: boolean, text: string): void => {
  if (!json) process.stderr.write(`${text}\n`);
};

/** One JSON value on one line of stdout. */
export const printJson = (value: unknown): void => console.log(JSON.stringify(value));
