import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck, type CheckResult } from '../../src/lib/check/index.ts';
import { buildGraph, type BuildResult } from '../../src/lib/graph/build.ts';
import { generateCorpusFiles, planCorpus } from '../../src/lib/generate/corpus.ts';
import { createRandom } from '../../src/lib/generate/random.ts';

const projectRoot = join(import.meta.dirname, '../..');
const real = {
  issuers: readFileSync(join(projectRoot, 'content/registries/issuers.yaml'), 'utf8'),
  provinces: readFileSync(join(projectRoot, 'content/registries/provinces.yaml'), 'utf8'),
  topics: readFileSync(join(projectRoot, 'content/registries/topics.yaml'), 'utf8'),
};
const COUNT = 150;
const SEED = 7;

function digest(count: number, seed: number): string {
  const h = createHash('sha256');
  for (const f of generateCorpusFiles(count, seed, real)) h.update(f.path).update('\0').update(f.text);
  return h.digest('hex');
}

describe('random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRandom(5);
    const b = createRandom(5);
    const c = createRandom(6);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generated corpus', () => {
  let root: string;
  let check: CheckResult;
  let graph: BuildResult;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'danvan-generate-'));
    for (const f of generateCorpusFiles(COUNT, SEED, real)) {
      mkdirSync(dirname(join(root, f.path)), { recursive: true });
      writeFileSync(join(root, f.path), f.text);
    }
    check = runCheck(root);
    graph = buildGraph(check.corpus);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is byte-identical for the same count and seed, and changes with the seed', () => {
    expect(digest(40, 3)).toBe(digest(40, 3));
    expect(digest(40, 3)).not.toBe(digest(40, 4));
  });

  it('passes the content check with no error (warnings allowed)', () => {
    const errors = check.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).toEqual([]);
    expect(check.corpus.documents).toHaveLength(COUNT);
    expect(check.corpus.implementations.length).toBeGreaterThan(0);
  });

  it('mixes Party, State and local documents of several types', () => {
    const docs = check.corpus.documents.map((d) => d.data);
    expect(new Set(docs.map((d) => d.type)).size).toBeGreaterThanOrEqual(8);
    expect(docs.some((d) => /^\d+[a-zđ]?-/u.test(d.number!))).toBe(true); // Party: 25-NQ/TW
    expect(docs.some((d) => /^\d+\/[^/\d]/u.test(d.number!))).toBe(true); // State: 33/CT-TTg
    const local = docs.filter((d) => d.province).length;
    expect(local / docs.length).toBeGreaterThan(0.5);
    expect(local / docs.length).toBeLessThan(0.95);
  });

  it('writes 5–15 references per document on average, some unresolved, read correctly by the engine', () => {
    const s = graph.graph.stats;
    const perDoc = s.references / s.documents;
    expect(perDoc).toBeGreaterThanOrEqual(5);
    expect(perDoc).toBeLessThanOrEqual(15);
    expect(s.unresolved / s.references).toBeGreaterThan(0.1);
    expect(s.resolved / s.references).toBeGreaterThan(0.6);
    // Every edge the engine found is one the plan put there: no citation resolves to a
    // document it was not written for.
    const plan = planCorpus(COUNT, SEED);
    const planned = new Set(
      plan.docs.flatMap((d) => [...d.cites, ...d.implements, ...d.basedOn, ...d.replaces].map((t) => `${d.id}>${plan.docs[t]!.id}`)),
    );
    const found = graph.graph.edges.map((e) => `${e.from}>${e.to}`);
    expect(found.filter((k) => !planned.has(k))).toEqual([]);
    expect(new Set(found).size / planned.size).toBeGreaterThan(0.9);
  });

  it('uses short forms after an alias and keeps explicit relations', () => {
    const bodies = check.corpus.documents.map((d) => d.body).join('\n');
    expect(bodies).toMatch(/\(sau đây gọi tắt là [^)]+ số \d+\)/u);
    const explicit = graph.graph.edges.filter((e) => e.origin === 'explicit');
    expect(explicit.some((e) => e.type === 'implements')).toBe(true);
  });
});
