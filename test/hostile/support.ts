/**
 * Helpers of the hostile-input tests: file-system calls that fail on cue (a full disk, a
 * read-only folder, a process killed between two calls), and snapshots of a folder to
 * prove that nothing was lost, changed or written where it should not be.
 */
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';

export function errno(code: string, call: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: injected failure, ${call}`) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

/** Thrown by an injected crash point: stands for the process being killed there. */
export class Killed extends Error {}

type Calls = Record<string, (...args: never[]) => unknown>;

/**
 * node:fs with the `n`-th call (counting every call made through this object, from 1)
 * replaced by `fail`; the calls before it run for real. `calls` lists what was called.
 */
export function failingFs<T extends Calls>(real: T, n: number, fail: (name: string) => never): T & { calls: string[] } {
  let count = 0;
  const calls: string[] = [];
  const out = { calls } as unknown as T & { calls: string[] };
  for (const name of Object.keys(real)) {
    (out as Calls)[name] = (...args: never[]) => {
      calls.push(name);
      if (++count === n) fail(name);
      return real[name]!(...args);
    };
  }
  return out;
}

/** The calls atomic writes and site swaps make, from node:fs. */
export const realFs = {
  openSync: fs.openSync,
  writeSync: fs.writeSync,
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  rmSync: fs.rmSync,
  existsSync: fs.existsSync,
  readdirSync: fs.readdirSync,
} as unknown as Calls;

/** Every file under dir (links not followed) with the hash of its bytes; links as "→ target". */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const key = relative(dir, p);
      if (e.isSymbolicLink()) out[key] = `→ ${fs.readlinkSync(p)}`;
      else if (e.isDirectory()) walk(p);
      else out[key] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
