/**
 * What a command-line tool needs from its process, passed in so the same command runs
 * in-process (tests) and as a script: where to print, the folder file arguments are
 * relative to (and paths are shown relative to), and the injected "today" (src/lib/today.ts).
 */
import { callerCwd } from './command-line.ts';

export interface CommandIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The caller's folder: file arguments are resolved against it (src/lib/command-line.ts). */
  cwd: string;
  today: string;
}

export function consoleIO(today: string): CommandIO {
  return { out: (t) => console.log(t), err: (t) => console.error(t), cwd: callerCwd(), today };
}
