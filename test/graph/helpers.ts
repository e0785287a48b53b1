/** A writable copy of test/fixtures/good-corpus, for tests that add one situation at a time. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GOOD_CORPUS = join(import.meta.dirname, '../fixtures/good-corpus');

export interface TempCorpus {
  root: string;
  /** Appends Markdown to a document body. */
  appendBody(collection: 'van-ban' | 'thuc-tien' | 'chuyen-de', id: string, markdown: string): void;
  /** Replaces text in a content file (frontmatter or body). */
  edit(collection: 'van-ban' | 'thuc-tien' | 'chuyen-de', id: string, from: string, to: string): void;
  write(collection: 'van-ban' | 'thuc-tien' | 'chuyen-de', id: string, text: string): void;
  remove(): void;
}

export function tempCorpus(): TempCorpus {
  const root = mkdtempSync(join(tmpdir(), 'danvan-graph-'));
  cpSync(join(GOOD_CORPUS, 'content'), join(root, 'content'), { recursive: true });
  const path = (c: string, id: string) => join(root, 'content', c, `${id}.mdx`);
  return {
    root,
    appendBody: (c, id, md) => writeFileSync(path(c, id), `${readFileSync(path(c, id), 'utf8').replace(/\n*$/, '\n')}\n${md}\n`),
    edit: (c, id, from, to) => {
      const text = readFileSync(path(c, id), 'utf8');
      if (!text.includes(from)) throw new Error(`"${from}" not in ${id}`);
      writeFileSync(path(c, id), text.replace(from, to));
    },
    write: (c, id, text) => writeFileSync(path(c, id), text),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
