/**
 * The load cache the graph build reads content through (src/lib/content/file-cache.ts):
 * an unchanged file is taken from the cache without being read, a changed one is read
 * again — also when an editor keeps its size and puts its modification time back — and a
 * damaged cache is said and rebuilt.
 */
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileCachePath, loadCorpus, type LoadedFile } from '../../src/lib/content/corpus.ts';
import { runCheck } from '../../src/lib/check/index.ts';
import { TEST_TODAY } from '../today.ts';
import { tempCorpus } from './helpers.ts';

const tmp = tempCorpus();
afterAll(() => tmp.remove());
const cacheFile = fileCachePath(tmp.root);
const load = (say: (m: string) => void = () => {}) => loadCorpus(tmp.root, { cacheFile, say });
/** A file taken from the cache has its text behind a getter, read only when asked for. */
const fromCache = (f: LoadedFile<unknown>) => typeof Object.getOwnPropertyDescriptor(f, 'raw')?.get === 'function';
const doc = (corpus: ReturnType<typeof load>, id: string) => corpus.documents.find((d) => d.id === id)!;

describe('the load cache', () => {
  it('gives the same corpus as a load without it, and reuses unchanged files without reading them', () => {
    const plain = loadCorpus(tmp.root);
    const first = load();
    const second = load();
    for (const c of [first, second]) {
      expect(c.documents.map((d) => [d.id, d.file, d.data, d.bodyLine])).toEqual(plain.documents.map((d) => [d.id, d.file, d.data, d.bodyLine]));
      expect(c.diagnostics).toEqual(plain.diagnostics);
    }
    expect(first.documents.some(fromCache)).toBe(false);
    expect(second.documents.every(fromCache)).toBe(true);
    // Asked for, the text is the file's.
    const d = second.documents[0]!;
    expect(d.raw).toBe(readFileSync(join(tmp.root, d.file), 'utf8'));
    expect(d.body).toBe(plain.documents[0]!.body);
  });

  it('reads a changed file again, even one of the same size with its modification time put back', () => {
    load();
    const path = join(tmp.root, 'content/van-ban/chi-thi-16-ct-ttg-2016.mdx');
    const text = readFileSync(path, 'utf8');
    const { atime, mtime } = statSync(path);
    const title = /^title: "(.)/m.exec(text)!;
    const swapped = text.replace(/^title: "./m, `title: "${title[1] === 'X' ? 'Y' : 'X'}`);
    expect(Buffer.byteLength(swapped)).toBe(Buffer.byteLength(text));
    writeFileSync(path, swapped);
    utimesSync(path, atime, mtime);
    const after = load();
    expect(fromCache(doc(after, 'chi-thi-16-ct-ttg-2016'))).toBe(false);
    expect((doc(after, 'chi-thi-16-ct-ttg-2016').data as { title: string }).title).toBe(/^title: "([^"]*)"/m.exec(swapped)![1]);
    expect(fromCache(doc(after, 'quyet-dinh-23-qd-tw-2021'))).toBe(true);
  });

  it('says when the cache file is damaged, loads every file, and rebuilds it', () => {
    load();
    writeFileSync(cacheFile, 'không phải bộ đệm\n');
    const said: string[] = [];
    const c = load((m) => said.push(m));
    expect(said.join('\n')).toMatch(/files\.txt/);
    expect(c.documents.some(fromCache)).toBe(false);
    const again: string[] = [];
    expect(load((m) => again.push(m)).documents.every(fromCache)).toBe(true);
    expect(again).toEqual([]);
  });

  it('says whether a file begins with a byte-order mark, read or from the cache, and the check reports it either way', () => {
    const path = join(tmp.root, 'content/van-ban/quyet-dinh-23-qd-tw-2021.mdx');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, `\uFEFF${text}`);
    try {
      const read = load();
      const cached = load();
      expect(fromCache(doc(cached, 'quyet-dinh-23-qd-tw-2021'))).toBe(true);
      for (const c of [read, cached]) {
        const withBom = doc(c, 'quyet-dinh-23-qd-tw-2021');
        expect(withBom.raw.startsWith('\uFEFF')).toBe(false);
        expect(withBom.bom).toBe(true);
        expect(doc(c, 'chi-thi-16-ct-ttg-2016').bom).toBe(false);
        const boms = runCheck(tmp.root, { corpus: c, today: TEST_TODAY }).diagnostics.filter((d) => d.code === 'text-bom');
        expect(boms.map((d) => [d.file, d.line])).toEqual([['content/van-ban/quyet-dinh-23-qd-tw-2021.mdx', 1]]);
      }
    } finally {
      writeFileSync(path, text);
    }
  });
});
