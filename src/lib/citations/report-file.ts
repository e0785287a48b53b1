/**
 * benchmarks/refs.md holds two generated sections (evaluation, throughput), each
 * rewritten by its own script without touching the other.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../files/atomic.ts';

const TITLE = '# Citation engine: evaluation and benchmark\n';

/** Replaces the section starting with `heading` (up to the next "## "), or appends it. */
export function updateSection(file: string, heading: string, body: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : TITLE;
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = previous.indexOf(heading);
  let next: string;
  if (start < 0) next = previous.trimEnd() + '\n\n' + section;
  else {
    const after = previous.indexOf('\n## ', start + heading.length);
    next = previous.slice(0, start) + section + (after < 0 ? '' : previous.slice(after));
  }
  // Atomic: two scripts may write it in turn.
  writeFileAtomic(file, next);
}
