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
  const rel = (p: string) => toPosix(relative(root, p));
  const collections = [CONTENT_DIRS.documents, CONTENT_DIRS.implementations, CONTENT_DIRS.courses];
  const mdx = collections.flatMap((d) => listFiles(join(root, d), '.mdx')).map(rel);
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
  const ignored = collections
    .flatMap((d) => listFiles(join(root, d), ''))
    .map(rel)
    .filter((f) => !f.endsWith('.mdx') && !/(^|\/)\.[^/]*$/.test(f));
  return { checked: [...mdx, ...registries], mdx, registries, ignored };
}
