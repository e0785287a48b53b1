/**
 * updateGraph with a GraphMemory (what `npm run dev` keeps between saves): the second
 * update takes the cache from memory, not from the file, and gives the files a cold
 * update gives.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileCachePath, type LoadedFile } from '../../src/lib/content/corpus.ts';
import { graphMemory, updateGraph } from '../../src/lib/graph/update.ts';
import { generatedSnapshot, tempCorpus } from './helpers.ts';

const PROJECT = join(import.meta.dirname, '../..');
const tmp = tempCorpus();
afterAll(() => tmp.remove());

describe('updateGraph with memory', () => {
  it('reuses the parsed cache between updates and writes what a cold update writes', async () => {
    const memory = graphMemory();
    const first = await updateGraph({ root: tmp.root, projectRoot: PROJECT, threads: 1, memory });
    expect(first.written).toBe(true);
    expect(memory.entries.size).toBe(first.bodies);

    // Without its file, the cache is still there: in memory.
    rmSync(join(tmp.root, '.generated/cache'), { recursive: true, force: true });
    tmp.appendBody('van-ban', 'chi-thi-16-ct-ttg-2016', 'Chỉ thị còn được nhắc trong Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư.');
    const second = await updateGraph({ root: tmp.root, projectRoot: PROJECT, threads: 1, memory });
    expect([second.result!.extracted, second.result!.relinked, second.result!.cached]).toEqual([1, 0, first.bodies - 1]);
    const warm = generatedSnapshot(tmp.root);

    rmSync(join(tmp.root, '.generated'), { recursive: true, force: true });
    const cold = await updateGraph({ root: tmp.root, projectRoot: PROJECT, threads: 1 });
    expect(cold.result!.extracted).toBe(first.bodies);
    expect(generatedSnapshot(tmp.root)).toEqual(warm);
  });

  it('keeps what loading each file gave in memory: the next update neither reads the cache file nor parses unchanged files', async () => {
    const memory = graphMemory();
    expect((await updateGraph({ root: tmp.root, projectRoot: PROJECT, threads: 1, memory })).written).toBe(true);
    // A damaged cache file would be said and ignored if it were read.
    writeFileSync(fileCachePath(tmp.root), 'danvan-file-cache 2\tkhác\nhỏng\n');
    tmp.edit('van-ban', 'chi-thi-16-ct-ttg-2016', 'title: "', 'title: "Sửa: ');
    const said: string[] = [];
    const second = await updateGraph({ root: tmp.root, projectRoot: PROJECT, threads: 1, memory, deferGraphFiles: true, say: (m) => said.push(m) });
    expect(second.written).toBe(true);
    expect(said).toEqual([]);
    /** A file taken from the cache has its text behind a getter (corpus.ts, lazyFile). */
    const fromCache = (f: LoadedFile<unknown>) => typeof Object.getOwnPropertyDescriptor(f, 'raw')?.get === 'function';
    const read = [...second.corpus.documents, ...second.corpus.implementations, ...second.corpus.courses].filter((f) => !fromCache(f)).map((f) => f.id);
    expect(read).toEqual(['chi-thi-16-ct-ttg-2016']);
    expect(second.corpus.documents.find((d) => d.id === 'chi-thi-16-ct-ttg-2016')!.data.title.startsWith('Sửa: ')).toBe(true);
    // The deferred writes put a whole cache file back: a fresh process reads every file from it.
    await second.pendingWrites!();
    const plain = await updateGraph({ root: tmp.root, projectRoot: PROJECT, threads: 1 });
    expect(plain.corpus.documents.every(fromCache)).toBe(true);
    expect(plain.result!.cached).toBe(plain.bodies);
  });

  it('with deferGraphFiles, leaves graph.json and the cache file to pendingWrites, which write what a plain update writes', async () => {
    const memory = graphMemory();
    expect((await updateGraph({ root: tmp.root, projectRoot: PROJECT, threads: 1, memory })).written).toBe(true);
    const graphBefore = readFileSync(join(tmp.root, '.generated/graph.json'), 'utf8');
    // A new citation: the graph changes.
    tmp.appendBody('van-ban', 'quyet-dinh-23-qd-tw-2021', 'Quy định này được nhắc cùng Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ.');
    const deferred = await updateGraph({ root: tmp.root, projectRoot: PROJECT, threads: 1, memory, deferGraphFiles: true });
    expect(deferred.written).toBe(true);
    expect(readFileSync(join(tmp.root, '.generated/graph.json'), 'utf8')).toBe(graphBefore);
    await deferred.pendingWrites!();
    const afterWrites = generatedSnapshot(tmp.root);
    expect(afterWrites.graph).not.toBe(graphBefore);
    expect(afterWrites.graph).toBe(`${JSON.stringify(deferred.result!.graph)}\n`);
    // A plain update now finds everything in the cache file and writes the same files.
    const plain = await updateGraph({ root: tmp.root, projectRoot: PROJECT, threads: 1 });
    expect(plain.result!.cached).toBe(plain.bodies);
    expect(generatedSnapshot(tmp.root)).toEqual(afterWrites);
  });
});
