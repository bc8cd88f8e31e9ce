/**
 * `npm run lab -- <command>`: the core's API for scripts and headless machines. `lab --help` lists the
 * commands; every command's flags, help and examples come from its table in commands/.
 */
import { exitCodeOfError, runCommandLine } from './run-command-line';

runCommandLine(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`loss-lab: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(exitCodeOfError(error));
  },
);
