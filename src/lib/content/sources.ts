/**
 * Size and modification time of every content file, so a reader of files generated
 * from the content (.generated/frontmatter.json) can tell whether they are still current.
 */
import { statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CONTENT_DIRS, listFiles } from './corpus.ts';

/** "content/van-ban/x.mdx" → [size, mtimeMs] for every .mdx file of the three collections. */
export function contentSources(root: string): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const dir of [CONTENT_DIRS.documents, CONTENT_DIRS.implementations, CONTENT_DIRS.courses]) {
    for (const path of listFiles(join(root, dir), '.mdx')) {
      const st = statSync(path);
      out[relative(root, path).split(sep).join('/')] = [st.size, st.mtimeMs];
    }
  }
  return out;
}
