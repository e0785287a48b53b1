/**
 * What `npm run dev` (scripts/dev.ts) last found in the content: written after every
 * update to .generated/dev-status.json and shown at the top of every page while the dev
 * server runs (src/components/DevStatus.astro), so an editor sees a check error, with its
 * file:line, in the browser as well as in the terminal. `npm run build` never reads it.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { writeFileAtomic } from '../files/atomic.ts';
import { GENERATED_DIR } from '../graph/types.ts';

export const DEV_STATUS_FILE = `${GENERATED_DIR}/dev-status.json`;

export interface DevStatus {
  /** Increases with every update, so a page can tell a new status from an old one. */
  update: number;
  /** The content file whose change started this update; null for the first one. */
  changed: string | null;
  /** Whether the graph (and the pages) now show the content as it is on disk. */
  current: boolean;
  /** Errors found (check and graph), each with file:line. */
  errors: Diagnostic[];
  warnings: number;
  seconds: number;
}

export function writeDevStatus(root: string, status: DevStatus): void {
  const path = join(root, DEV_STATUS_FILE);
  mkdirSync(dirname(path), { recursive: true });
  // Rewritten by every update: no fsync (see AtomicOptions).
  writeFileAtomic(path, `${JSON.stringify(status)}\n`, undefined, { durable: false });
}

/** The last status, or null when the dev server has not written one. */
export function readDevStatus(root: string): DevStatus | null {
  const path = join(root, DEV_STATUS_FILE);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DevStatus;
  } catch {
    return null;
  }
}

/** One line per error, as the terminal and the page show it. */
export function devErrorLines(status: DevStatus): string[] {
  return status.errors.map(formatDiagnostic);
}
