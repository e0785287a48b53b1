/**
 * What a command-line tool needs from its process, passed in so the same command runs
 * in-process (tests) and as a script: where to print, the working folder paths are shown
 * relative to, and the injected "today" (src/lib/today.ts).
 */
export interface CommandIO {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  today: string;
}

export function consoleIO(today: string): CommandIO {
  return { out: (t) => console.log(t), err: (t) => console.error(t), cwd: process.cwd(), today };
}
