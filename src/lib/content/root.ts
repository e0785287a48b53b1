/**
 * The folder that holds content/ (and the generated .generated/ beside it). The
 * environment variable DANVAN_CONTENT_ROOT points every build step at another content
 * tree (benchmarks build generated corpora this way); without it, the given default.
 */
import { resolve } from 'node:path';

export function contentRoot(fallback: string = process.cwd()): string {
  const fromEnv = process.env.DANVAN_CONTENT_ROOT;
  return fromEnv ? resolve(fromEnv) : fallback;
}
