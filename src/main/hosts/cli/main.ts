/**
 * `npm run lab -- <command>`: the core's API for scripts and headless machines. `lab --help` lists the
 * commands; every command's flags, help and examples come from its table in commands/.
 */
import { exitCodeOfError, runCommandLine } from './run-command-line';

// Should the command's work ever stop without settling (an awaited event that never comes), Node would exit 0
// once nothing is left to do: never report success for a result that was not seen.
process.once('beforeExit', () => {
  console.error('loss-lab: the command stopped before it had a result (this is a bug in Loss Lab; please report it)');
  process.exit(1);
});
runCommandLine(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`loss-lab: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(exitCodeOfError(error));
  },
);
