/**
 * The one reader of graph.json (src/lib/graph/read.ts) on real graphs: generated corpora
 * built by the graph build, read in one JSON.parse and by runs (forced on these small files
 * with run sizes from one byte up, the path that 100,000 documents take), give the same
 * graph as the build held in memory; the file cut short or damaged anywhere gives the
 * reader's sentence on either path, never a throw.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpusFiles } from '../../src/lib/generate/corpus.ts';
import { readGraphFile } from '../../src/lib/graph/read.ts';
import { GRAPH_FILE, type Graph } from '../../src/lib/graph/types.ts';
import { updateGraph } from '../../src/lib/graph/update.ts';
import { TEST_TODAY } from '../today.ts';

const PROJECT = join(import.meta.dirname, '../..');
const real = {
  issuers: readFileSync(join(PROJECT, 'content/registries/issuers.yaml'), 'utf8'),
  provinces: readFileSync(join(PROJECT, 'content/registries/provinces.yaml'), 'utf8'),
  topics: readFileSync(join(PROJECT, 'content/registries/topics.yaml'), 'utf8'),
};
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A generated corpus of `count` documents, its graph built; the graph as the build held it. */
async function builtCorpus(count: number, seed: number): Promise<{ root: string; graph: Graph }> {
  const root = mkdtempSync(join(tmpdir(), 'danvan-read-'));
  dirs.push(root);
  for (const f of generateCorpusFiles(count, seed, real)) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.text);
  }
  const r = await updateGraph({ root, projectRoot: PROJECT, threads: 1, keepGoing: true, today: TEST_TODAY });
  expect(r.written, r.failure ?? '').toBe(true);
  // Through JSON, as the file holds it (undefined members dropped).
  return { root, graph: JSON.parse(JSON.stringify(r.result!.graph)) as Graph };
}

const byRuns = (chunkBytes: number) => ({ wholeParseMaxBytes: 0, chunkBytes });
const INVALID = 'không phải JSON hợp lệ';

describe('readGraphFile', () => {
  it('reads generated graphs whole and by runs of any size to the graph the build made', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 3, max: 40 }), fc.integer({ min: 1, max: 1000 }), fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 2, maxLength: 4 }), async (count, seed, chunks) => {
        const { root, graph } = await builtCorpus(count, seed);
        const path = join(root, GRAPH_FILE);
        expect(graph.nodes.length).toBe(count);
        expect(readGraphFile(path)).toStrictEqual(graph);
        for (const chunk of [1, ...chunks]) expect(readGraphFile(path, byRuns(chunk))).toStrictEqual(graph);
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  it('a graph cut short or damaged anywhere: the same sentence (or the same graph) on both paths, never a throw', async () => {
    const { root } = await builtCorpus(25, 7);
    const path = join(root, GRAPH_FILE);
    const bytes = readFileSync(path);
    const damaged = join(root, '.generated/damaged.json');
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.constantFrom('cut', 'byte', 'remove'), fc.constantFrom(...[...'[]{},:"\\ x0'].map((c) => c.charCodeAt(0))), fc.integer({ min: 1, max: 512 }), (at, how, byte, chunk) => {
        const copy = Buffer.from(bytes);
        if (how === 'byte') copy[at] = byte;
        writeFileSync(damaged, how === 'cut' ? copy.subarray(0, at) : how === 'remove' ? Buffer.concat([copy.subarray(0, at), copy.subarray(at + 1)]) : copy);
        const whole = readGraphFile(damaged);
        const runs = readGraphFile(damaged, byRuns(chunk));
        expect(runs).toStrictEqual(whole);
        // Cut anywhere before the final line break: never JSON.
        if (how === 'cut' && at < bytes.length - 1) expect(whole).toBe(INVALID);
        if (typeof whole === 'string') expect(whole).toMatch(/^(không phải JSON hợp lệ|thiếu danh sách)/);
      }),
      { numRuns: 300 },
    );
    expect(readGraphFile(join(root, '.generated/none.json'))).toMatch(/^không đọc được ".*none\.json": không tìm thấy \(ENOENT\)$/);
  }, 60_000);

});
