/** Which files a content tree holds, as the check sees them. */
import { existsSync, lstatSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { CONTENT_DIRS, listFiles } from '../content/corpus.ts';

export interface ContentFiles {
  /** Files the check reads (MDX of the three collections, registry YAML), relative to root. */
  checked: string[];
  /** MDX files of the collections. */
  mdx: string[];
  /** Registry YAML files. */
  registries: string[];
  /** Other files in the collection folders, which the site ignores. */
  ignored: string[];
}

const toPosix = (p: string) => p.split(sep).join('/');

/**
 * The project root for a --root argument: a folder holding content/, or the content/
 * folder itself (then its parent), so editors can point at either.
 */
export function resolveRoot(dir: string): string {
  const abs = resolve(dir);
  if (existsSync(join(abs, 'content'))) return abs;
  if (basename(abs) === 'content' || existsSync(join(abs, 'van-ban')) || existsSync(join(abs, 'registries'))) return dirname(abs);
  return abs;
}


export function contentFiles(root: string): ContentFiles {
  // Listed paths start with the root: cutting it off is what relative() does, 10,000 times cheaper.
  const prefix = `${join(root, '.')}${sep}`;
  const rel = (p: string) => toPosix(p.startsWith(prefix) ? p.slice(prefix.length) : relative(root, p));
  const collections = [CONTENT_DIRS.documents, CONTENT_DIRS.implementations, CONTENT_DIRS.courses];
  // One listing of every file; the MDX files are those of it that end in .mdx.
  const all = collections.flatMap((d) => listFiles(join(root, d), '')).map(rel);
  const mdx = all.filter((f) => f.endsWith('.mdx'));
  const registries = ['issuers', 'provinces', 'topics']
    .map((n) => `${CONTENT_DIRS.registries}/${n}.yaml`)
    // Only regular files: a link is reported by loadCorpus and never read (corpus.ts, listFiles).
    .filter((f) => {
      try {
        return lstatSync(join(root, f)).isFile();
      } catch {
        return false;
      }
    });
  const ignored = all.filter((f) => !f.endsWith('.mdx') && !/(^|\/)\.[^/]*$/.test(f));
  return { checked: [...mdx, ...registries], mdx, registries, ignored };
}
