/**
 * npm run new -- "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về …"
 * npm run new -- --from-missing "35-CT/TW@2014"
 * The command itself is src/lib/editor/new-command.ts (tests run it in-process).
 */
import { join } from 'node:path';
import { consoleIO } from '../src/lib/command-io.ts';
import { runNewCommand } from '../src/lib/editor/new-command.ts';
import { cliToday } from './lib/today.ts';

process.exitCode = runNewCommand(process.argv.slice(2), consoleIO(cliToday()), join(import.meta.dirname, '..'));
