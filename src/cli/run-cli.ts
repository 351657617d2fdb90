import { ConfigError } from '../config.js';
import { ModelLoadError } from '../embed/embedder.js';
import { IndexError } from '../store/open-database.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** `--help` was given: the usage text is the whole output, and the command succeeded. */
export class HelpRequested extends Error {
  override name = 'HelpRequested';
}

/** Problems the user can fix from the message alone: shown as one line, without a stack trace. */
const EXPECTED_ERRORS = [ConfigError, IndexError, ModelLoadError, UsageError];

/** Runs a command-line entry point: expected failures print one clear line and exit 1, anything else exits 2. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => {
      process.exitCode ??= 0;
    },
    (error: unknown) => {
      if (error instanceof HelpRequested) {
        console.log(error.message);
        process.exitCode = 0;
      } else if (EXPECTED_ERRORS.some((kind) => error instanceof kind)) {
        console.error(`Error: ${(error as Error).message}`);
        process.exitCode = 1;
      } else {
        console.error(error);
        process.exitCode = 2;
      }
    },
  );
}
