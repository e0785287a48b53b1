/**
 * npm run check [-- --fix] [-- --root DIR] [-- --json]
 * The command itself is src/lib/check/command.ts (tests run it in-process).
 */
import { join } from 'node:path';
import { runCheckCommand } from '../src/lib/check/command.ts';
import { consoleIO } from '../src/lib/command-io.ts';
import { cliToday } from './lib/today.ts';

process.exitCode = runCheckCommand(process.argv.slice(2), consoleIO(cliToday()), join(import.meta.dirname, '..'));
