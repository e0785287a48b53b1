/** A writable copy of test/fixtures/good-corpus, for tests that add one situation at a time. */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BodyBundle } from '../../src/lib/graph/body-bundle.ts';
import { BODY_COLLECTIONS, bodyBundleFile } from '../../src/lib/graph/types.ts';

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

/**
 * What a graph build wrote under root/.generated: graph.json, every body by
 * "<collection>/<id>.html" (read from the bundles) and each bundle's bytes.
 */
export function generatedSnapshot(root: string): Record<string, string> {
  const files: Record<string, string> = { graph: readFileSync(join(root, '.generated/graph.json'), 'utf8') };
  for (const collection of BODY_COLLECTIONS) {
    const path = join(root, bodyBundleFile(collection));
    files[`bundle:${collection}`] = readFileSync(path, 'latin1');
    const bundle = new BodyBundle(path);
    for (const id of bundle.index().keys()) files[`${collection}/${id}.html`] = bundle.html(id)!;
    bundle.close();
  }
  return files;
}

/** Modification times of the body bundles. */
export function bundleTimes(root: string): Record<string, number> {
  return Object.fromEntries(BODY_COLLECTIONS.map((c) => [c, statSync(join(root, bodyBundleFile(c))).mtimeMs]));
}
