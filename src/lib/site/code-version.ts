/**
 * The version of the code that draws the pages: one digest of every file a page's HTML can
 * depend on apart from the content (the project's src/ and public/, Astro's configuration,
 * the locked dependency versions) and of the Node version running it. A document page kept
 * from an earlier build (src/lib/site/page-reuse.ts) must have been drawn by this same code;
 * any change to a component, a style (its bundle's hashed name is in every page) or a
 * dependency makes every page new.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const FOLDERS = ['src', 'public'];
const FILES = ['astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

export function codeVersion(root: string): string {
  const hash = createHash('sha256').update(`node ${process.version}\0`);
  const files = [
    ...FOLDERS.flatMap((folder) =>
      readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name)),
    ),
    ...FILES.map((f) => join(root, f)),
  ]
    .map((f) => relative(root, f).split('\\').join('/'))
    .sort();
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(root, f))).update('\0');
  return hash.digest('hex');
}
