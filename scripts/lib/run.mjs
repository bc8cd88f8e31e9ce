import { spawn } from 'node:child_process';

/** Stack frames and node-gyp's environment dump: nothing a person can act on. */
const NOISE = /^\s+at |gyp ERR! stack\s+at |gyp ERR! (System|command|cwd|node -v|node-gyp -v|not ok)/;

/**
 * Runs a command, echoing its output with a prefix, and resolves to its exit code and the last lines it
 * printed (for error messages). Never rejects: a command that cannot start gives code -1.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, label: string }} options
 * @returns {Promise<{ code: number, tail: string }>}
 */
export function run(command, args, options) {
  return new Promise((resolve) => {
    /** @type {string[]} */
    const lines = [];
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (/** @type {Buffer} */ chunk) => {
      for (const line of chunk.toString().split(/\r?\n/)) {
        if (!line.trim()) continue;
        process.stderr.write(`  [${options.label}] ${line}\n`);
        // Stack frames say nothing a person can act on; keep the messages for the summary.
        if (!NOISE.test(line)) lines.push(line.trim());
      }
      lines.splice(0, Math.max(0, lines.length - 6));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => resolve({ code: -1, tail: error.message }));
    child.on('close', (code) => resolve({ code: code ?? -1, tail: lines.join('\n') }));
  });
}

/** A step that failed, with what to do about it. */
export class SetupError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'SetupError';
  }
}
