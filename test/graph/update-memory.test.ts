/**
 * updateGraph with a GraphMemory (what `npm run dev` keeps between saves): the second
 * update takes the cache from memory, not from the file, and gives the files a cold
 * update gives.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
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
});
