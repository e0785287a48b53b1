/**
 * The command-line conventions of src/lib/command-line.ts (one parser, one rule for file
 * arguments, the validators) for a script that owns its process: these print and exit.
 * Commands that tests run in-process use runCommandLine from src/lib/command-line.ts instead.
 */
import type { ParseArgsOptionsConfig } from 'node:util';
import { CliError, isHelp, parseCommandLine, type CliSpec } from '../../src/lib/command-line.ts';

export { argPath, calendarDate, callerCwd, CliError, existingDir, knownProvince, parseCommandLine, wholeNumber, type CliSpec } from '../../src/lib/command-line.ts';

/**
 * parseCommandLine for a script: on --help prints the usage and exits 0; on an error
 * prints it with the usage and exits 2.
 */
export function commandLine<O extends ParseArgsOptionsConfig>(spec: CliSpec<O>, argv = process.argv.slice(2)) {
  try {
    const parsed = parseCommandLine(argv, spec);
    if (isHelp(parsed)) {
      console.log(spec.usage);
      process.exit(0);
    }
    return parsed;
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    usageError(e.message, spec.usage);
  }
}

/** What `read` returns; on a CliError (a bad option value), the message and the usage, exit code 2. */
export function orUsage<T>(usage: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof CliError) usageError(e.message, usage);
    throw e;
  }
}

/** Prints "Lỗi: message" and the usage; exit code 2 (a bad command line). */
export function usageError(message: string, usage: string): never {
  console.error(`Lỗi: ${message}`);
  console.error(usage);
  process.exit(2);
}

/** Prints "Lỗi: message"; exit code 1 (the command ran and refused or failed). */
export function fail(message: string, code = 1): never {
  console.error(`Lỗi: ${message}`);
  process.exit(code);
}
