/**
 * npm run --silent refs -- FILE [--province ID] [--date YYYY-MM-DD]
 * The command itself is src/lib/citations/refs-command.ts (tests run it in-process).
 */
import { join } from 'node:path';
import { runRefsCommand } from '../src/lib/citations/refs-command.ts';
import { callerCwd } from '../src/lib/command-line.ts';

// npm runs scripts from the project root; a relative path means the caller's folder (src/lib/command-line.ts).
const io = { out: (t: string) => process.stdout.write(`${t}\n`), err: (t: string) => process.stderr.write(`${t}\n`), cwd: callerCwd() };
process.exitCode = runRefsCommand(process.argv.slice(2), io, join(import.meta.dirname, '..'));
