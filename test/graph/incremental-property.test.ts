/**
 * The graph build after any sequence of edits gives the files a build from scratch gives:
 * graph.json and the body bundles byte for byte, frontmatter.json but for the files' times.
 * Random sequences over a small generated corpus (fast-check): bodies that start or stop
 * citing other documents, titles and dates changed, documents added (a copy under a new
 * number) and removed, through fresh processes' caches (files under .generated/cache) or
 * a dev server's memory. With the check (`npm run build`'s first step), its findings after
 * every edit are a full check's (`npm run check` on the same tree, no cache), whatever it
 * took from the caches. Then: damaged cache files are ignored, said so, and rebuilt.
 */
import fc from 'fast-check';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/check/index.ts';
import { checkReportLines } from '../../src/lib/check/report.ts';
import { loadCorpus } from '../../src/lib/content/corpus.ts';
import { generateCorpusFiles } from '../../src/lib/generate/corpus.ts';
import { planGraph } from '../../src/lib/graph/build.ts';
import { graphMemory, updateGraph, type GraphMemory } from '../../src/lib/graph/update.ts';
import { TEST_TODAY } from '../today.ts';
import { GOOD_CORPUS, generatedSnapshot } from './helpers.ts';

const PROJECT = join(import.meta.dirname, '../..');
const real = {
  issuers: readFileSync(join(PROJECT, 'content/registries/issuers.yaml'), 'utf8'),
  provinces: readFileSync(join(PROJECT, 'content/registries/provinces.yaml'), 'utf8'),
  topics: readFileSync(join(PROJECT, 'content/registries/topics.yaml'), 'utf8'),
};
const BASE = [...generateCorpusFiles(30, 11, real)];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'danvan-incr-'));
  dirs.push(root);
  for (const f of BASE) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.text);
  }
  return root;
}

const documentsOf = (root: string) => readdirSync(join(root, 'content/van-ban')).filter((n) => n.endsWith('.mdx')).sort();
const field = (text: string, name: string) => new RegExp(`^${name}: "?([^"\\n]*)"?$`, 'm').exec(text)?.[1] ?? null;

type Op =
  | { kind: 'cite'; doc: number; target: number }
  | { kind: 'cite-missing'; doc: number; n: number }
  | { kind: 'title'; doc: number }
  | { kind: 'issued'; doc: number; day: number; late: boolean }
  | { kind: 'add'; doc: number; n: number }
  | { kind: 'remove'; doc: number }
  | { kind: 'signer'; doc: number }
  | { kind: 'unquote'; doc: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('cite' as const), doc: fc.nat(), target: fc.nat() }),
  fc.record({ kind: fc.constant('cite-missing' as const), doc: fc.nat(), n: fc.integer({ min: 1, max: 99 }) }),
  fc.record({ kind: fc.constant('title' as const), doc: fc.nat() }),
  fc.record({ kind: fc.constant('issued' as const), doc: fc.nat(), day: fc.integer({ min: 1, max: 28 }), late: fc.boolean() }),
  fc.record({ kind: fc.constant('add' as const), doc: fc.nat(), n: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant('remove' as const), doc: fc.nat() }),
  // What the check alone sees: a warning gone (the signer found), an error of the source (an unquoted date).
  fc.record({ kind: fc.constant('signer' as const), doc: fc.nat() }),
  fc.record({ kind: fc.constant('unquote' as const), doc: fc.nat() }),
);

/** Applies one edit to the tree, as an editor would save it. */
function apply(root: string, o: Op): void {
  const docs = documentsOf(root);
  const path = (name: string) => join(root, 'content/van-ban', name);
  const name = docs[o.doc % docs.length]!;
  const text = readFileSync(path(name), 'utf8');
  if (o.kind === 'cite') {
    const target = readFileSync(path(docs[o.target % docs.length]!), 'utf8');
    const number = field(target, 'number');
    const issued = field(target, 'issued');
    if (!number || !issued) return;
    const [y, m, d] = issued.split('-');
    writeFileSync(path(name), `${text.replace(/\n*$/, '\n')}\nCác cơ quan tiếp tục thực hiện văn bản số ${number} ngày ${d ?? '01'}/${m ?? '01'}/${y} trong năm tới.\n`);
  } else if (o.kind === 'cite-missing') {
    writeFileSync(path(name), `${text.replace(/\n*$/, '\n')}\nCăn cứ Chỉ thị số ${o.n}/CT-TTg ngày 01/02/2010 của Thủ tướng Chính phủ, các sở báo cáo hằng quý.\n`);
  } else if (o.kind === 'title') {
    writeFileSync(path(name), text.replace(/^title: "/m, 'title: "Sửa tên: '));
  } else if (o.kind === 'issued') {
    // Late in its year: documents of the same year that cite it now cite a later document.
    writeFileSync(path(name), text.replace(/^issued: "(\d{4})-(\d{2})-\d{2}"/m, `issued: "$1-${o.late ? '12' : '$2'}-${String(o.day).padStart(2, '0')}"`));
  } else if (o.kind === 'signer') {
    if (!/^signer:/m.test(text)) writeFileSync(path(name), text.replace(/^(title: .*)$/m, '$1\nsigner: "Nguyễn Văn An"'));
  } else if (o.kind === 'unquote') {
    writeFileSync(path(name), text.replace(/^issued: "([^"\n]*)"$/m, 'issued: $1'));
  } else if (o.kind === 'add') {
    writeFileSync(path(name.replace(/\.mdx$/, `-them${o.n}.mdx`)), text.replace(/^number: "(\d+)/m, `number: "9${o.n}$1`));
  } else if (docs.length > 3) {
    rmSync(path(name));
  }
}

/** What the build wrote, frontmatter.json without the files' sizes and times. */
function outputs(root: string): Record<string, string> {
  const fm = JSON.parse(readFileSync(join(root, '.generated/frontmatter.json'), 'utf8')) as { sources: Record<string, unknown> };
  const sources = Object.keys(fm.sources);
  fm.sources = {};
  return { ...generatedSnapshot(root), frontmatter: JSON.stringify(fm), sources: sources.join('\n') };
}

async function build(root: string, memory?: GraphMemory, say: (m: string) => void = () => {}, check = false) {
  const r = await updateGraph({ root, projectRoot: PROJECT, threads: 1, keepGoing: true, today: TEST_TODAY, memory, say, check });
  // With the check, a content error (an unquoted date) stops the update before anything is written.
  if (!check || !r.checkErrors) expect(r.written, r.failure ?? '').toBe(true);
  return r;
}

/** The check's findings and report after an update with `check` equal a full check of the same tree. */
function expectFullCheck(root: string, r: Awaited<ReturnType<typeof build>>): void {
  const full = runCheck(root, { today: TEST_TODAY });
  expect(r.checkDiagnostics).toEqual(full.diagnostics);
  expect(r.checkReport).toEqual(checkReportLines(full));
}

async function fromScratch(root: string, today = TEST_TODAY): Promise<Record<string, string>> {
  const fresh = mkdtempSync(join(tmpdir(), 'danvan-scratch-'));
  dirs.push(fresh);
  cpSync(join(root, 'content'), join(fresh, 'content'), { recursive: true });
  const r = await updateGraph({ root: fresh, projectRoot: PROJECT, threads: 1, keepGoing: true, today, say: () => {} });
  expect(r.written, r.failure ?? '').toBe(true);
  return outputs(fresh);
}

describe('graph build after any sequence of edits', () => {
  it('writes what a build from scratch writes (random edit sequences, files or memory between builds)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean(), async (ops, inMemory, check) => {
        const root = tree();
        const memory = inMemory ? graphMemory() : undefined;
        const first = await build(root, memory, undefined, check);
        if (check) expectFullCheck(root, first);
        for (const o of ops) {
          apply(root, o);
          const r = await build(root, memory, undefined, check);
          if (check) expectFullCheck(root, r);
          if (!r.written) continue;
          // Nothing is extracted but what changed.
          expect(r.result!.extracted).toBeLessThanOrEqual(1);
          expect(outputs(root)).toEqual(await fromScratch(root));
        }
      }),
      { numRuns: 10, seed: 20261207, endOnFailure: true },
    );
  }, 240_000);

  it('checks after edits as a full check does, the source findings of unchanged files taken from the cache', async () => {
    for (const inMemory of [false, true]) {
      const root = tree();
      const memory = inMemory ? graphMemory() : undefined;
      expectFullCheck(root, await build(root, memory, undefined, true));
      const name = documentsOf(root)[2]!;
      const file = join(root, 'content/van-ban', name);
      const before = readFileSync(file, 'utf8');
      // An error only the source rules find: the update stops, and says so as a full check would.
      apply(root, { kind: 'unquote', doc: 2 });
      const broken = await build(root, memory, undefined, true);
      expectFullCheck(root, broken);
      expect(broken.checkDiagnostics.some((d) => d.code === 'date-unquoted' && d.file === `content/van-ban/${name}`)).toBe(true);
      expect(broken.written).toBe(false);
      // Mended, then a warning gone: the findings follow the file's bytes.
      writeFileSync(file, before);
      expectFullCheck(root, await build(root, memory, undefined, true));
      apply(root, { kind: 'signer', doc: 2 });
      const signed = await build(root, memory, undefined, true);
      expectFullCheck(root, signed);
      expect(signed.checkDiagnostics.some((d) => d.code === 'signer-missing' && d.file === `content/van-ban/${name}`)).toBe(false);
      expect(outputs(root)).toEqual(await fromScratch(root));
    }
  }, 60_000);

  it("a reused part's node is serialised again when what it is made of changes elsewhere: an issuer's name, another document's relations, today", async () => {
    for (const inMemory of [false, true]) {
      const root = tree();
      const memory = inMemory ? graphMemory() : undefined;
      const at = async (today: string) => {
        const r = await updateGraph({ root, projectRoot: PROJECT, threads: 1, keepGoing: true, today, memory, say: () => {} });
        expect(r.written, r.failure ?? '').toBe(true);
        return r;
      };
      const nodeOf = (id: string) => (JSON.parse(readFileSync(join(root, '.generated/graph.json'), 'utf8')) as { nodes: { id: string; citation: string; effectiveStatus: { status: string }; history: unknown[] }[] }).nodes.find((n) => n.id === id)!;
      const path = (id: string) => join(root, 'content/van-ban', `${id}.mdx`);
      const old = 'huong-dan-12-hd-bdvtu-2006-cao-bang';
      const later = 'huong-dan-07-hd-bdvtu-2024-thanh-hoa';
      await at(TEST_TODAY);
      const before = nodeOf(old);

      // The issuer registry: the node's citation line names the issuer; its body and file are as they were.
      const issuers = join(root, 'content/registries/issuers.yaml');
      writeFileSync(issuers, readFileSync(issuers, 'utf8').replace('name: "Ban Dân vận Tỉnh ủy Cao Bằng"', 'name: "Ban Dân vận Tỉnh ủy tỉnh Cao Bằng"'));
      let r = await at(TEST_TODAY);
      expect(r.result!.extracted).toBe(0);
      expect(nodeOf(old).citation).not.toBe(before.citation);
      expect(nodeOf(old).citation).toContain('Ban Dân vận Tỉnh ủy tỉnh Cao Bằng');
      expect(outputs(root)).toEqual(await fromScratch(root));

      // Another document now declares that it replaces this one: only that document's file changed.
      writeFileSync(path(later), readFileSync(path(later), 'utf8').replace(/^relations: \{\}$/m, `relations:\n  replaces: [${old}]`));
      r = await at(TEST_TODAY);
      expect(r.result!.extracted).toBe(0);
      expect(nodeOf(old).effectiveStatus.status).toBe('superseded');
      expect(outputs(root)).toEqual(await fromScratch(root));

      // Today: a document that ceases on a given day, built before and after it with no file changed in between.
      writeFileSync(path(later), readFileSync(path(later), 'utf8').replace(/^(issued: .*)$/m, '$1\neffectiveTo: "2027-03-01"'));
      await at(TEST_TODAY);
      expect(nodeOf(later).effectiveStatus.status).not.toBe('not-in-force');
      r = await at('2027-06-01');
      expect(r.result!.extracted).toBe(0);
      expect(nodeOf(later).effectiveStatus.status).toBe('not-in-force');
      expect(outputs(root)).toEqual(await fromScratch(root, '2027-06-01'));
    }
  }, 120_000);

  it("a part's digest covers the issue dates of the documents it names (an edge to a later document is dropped)", () => {
    const corpus = loadCorpus(GOOD_CORPUS);
    const plan = planGraph(corpus, { engineVersion: 'v', today: TEST_TODAY });
    const i = plan.jobs.findIndex((j) => j.id === 'quyet-dinh-23-qd-tw-2021');
    const part = plan.part(i, plan.render(plan.jobs[i]!), 'x');
    expect(part.deps.length).toBeGreaterThan(0);
    const dep = part.deps[0]!;
    const moved = { ...corpus, documents: corpus.documents.map((f) => (f.id === dep ? { ...f, data: { ...f.data, issued: '2030-01-01' } } : f)) };
    const again = planGraph(moved, { engineVersion: 'v', today: TEST_TODAY });
    expect(again.partHash(i, 'x', part.deps)).not.toBe(part.hash);
    expect(plan.partHash(i, 'x', part.deps)).toBe(part.hash);
  });

  it('ignores damaged cache files, says so, and rebuilds them', async () => {
    const root = tree();
    await build(root);
    const expected = outputs(root);
    const cache = join(root, '.generated/cache');
    await build(root, undefined, undefined, true);
    for (const name of ['files.txt', 'graph-parts.txt', 'bodies/bodies-0.txt', 'bodies/corpus.json', 'check-source.txt']) {
      writeFileSync(join(cache, name), 'rác\t{không phải dữ liệu\n');
    }
    const said: string[] = [];
    apply(root, { kind: 'cite-missing', doc: 3, n: 7 });
    expectFullCheck(root, await build(root, undefined, (m) => said.push(m), true));
    expect(said.join('\n')).toMatch(/files\.txt/);
    expect(said.join('\n')).toMatch(/graph-parts\.txt/);
    expect(said.join('\n')).toMatch(/bodies-0\.txt/);
    expect(said.join('\n')).toMatch(/check-source\.txt/);
    expect(outputs(root)).toEqual(await fromScratch(root));
    // Rebuilt: the next build reads them without a word, and reuses every part.
    said.length = 0;
    const again = await build(root, undefined, (m) => said.push(m), true);
    expectFullCheck(root, again);
    expect(said).toEqual([]);
    expect(again.result!.extracted).toBe(0);
    void expected;
  }, 60_000);
});
