/**
 * npm run import -- FILE.txt [--province ID] [--out DIR] [--force] [--root DIR]
 * The command itself is src/lib/editor/import-command.ts (tests run it in-process).
 */
import { join } from 'node:path';
import { consoleIO } from '../src/lib/command-io.ts';
import { runImportCommand } from '../src/lib/editor/import-command.ts';
import { cliToday } from './lib/today.ts';

process.exitCode = runImportCommand(process.argv.slice(2), consoleIO(cliToday()), join(import.meta.dirname, '..'));
