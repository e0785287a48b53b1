import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureGraph, root } from './helpers.ts';
import type { Graph } from '../../src/lib/graph/types.ts';
import { loadRegistries } from '../../src/lib/content/corpus.ts';
import { indexSite } from '../../src/lib/site/data.ts';
import { documentPageDigest, inputsJson } from '../../src/lib/site/page-inputs.ts';
import { KeptPageError, PAGE_INPUTS_META, linkKeptDocuments, recordedDigest } from '../../src/lib/site/page-reuse.ts';
import { siteUrls } from '../../src/lib/site/urls.ts';

const PLAN = 'ke-hoach-1-kh-ubnd-2022-vi-du';
const registries = loadRegistries(root);
const digestOf = (graph: Graph, id = PLAN, code = 'code-1') => documentPageDigest(indexSite(graph, registries), id, siteUrls('/'), null, code);
const retitled = (id: string): Graph => {
  const g = fixtureGraph();
  g.nodes.find((n) => n.id === id)!.title += ' (sửa)';
  return g;
};

describe('documentPageDigest', () => {
  it('is the same for the same data and code, and changes with the code', () => {
    expect(digestOf(fixtureGraph())).toBe(digestOf(fixtureGraph()));
    expect(digestOf(fixtureGraph(), PLAN, 'code-2')).not.toBe(digestOf(fixtureGraph()));
  });

  it('changes when the document, or one its page shows, changes (its diagram draws two steps out)', () => {
    const before = digestOf(fixtureGraph());
    expect(digestOf(retitled(PLAN))).not.toBe(before);
    expect(digestOf(retitled('chi-thi-33-ct-ttg-2021'))).not.toBe(before);
    expect(digestOf(retitled('nghi-quyet-25-nq-tw-2013'))).not.toBe(before);
  });

  it('changes when a relation of the document changes, not when a document it does not show is added', () => {
    const before = digestOf(fixtureGraph(), 'chi-thi-33-ct-ttg-2021');
    const cut = fixtureGraph();
    cut.edges.find((e) => e.from === PLAN)!.evidence = [{ sentence: 'Câu khác.', heading: null, anchor: null, line: 3 }];
    expect(digestOf(cut, 'chi-thi-33-ct-ttg-2021')).not.toBe(before);
    const added = fixtureGraph();
    added.nodes.push({ ...added.nodes.find((n) => n.id === PLAN)!, id: 'ke-hoach-2-kh-ubnd-2022-vi-du', title: 'Kế hoạch khác' });
    expect(digestOf(added, 'chi-thi-33-ct-ttg-2021')).toBe(before);
  });
});

describe('inputsJson', () => {
  it('writes Maps and Sets by their entries and refuses what JSON cannot say', () => {
    expect(inputsJson({ a: new Map([['x', 1]]) })).not.toBe(inputsJson({ a: new Map([['x', 2]]) }));
    expect(inputsJson(new Set(['a']))).not.toBe(inputsJson(new Set(['b'])));
    expect(() => inputsJson({ f: () => 1 })).toThrow(/không ghi được/);
  });
});

describe('kept pages', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const d = mkdtempSync(join(tmpdir(), 'danvan-kept-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const write = (path: string, text: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  };

  it('reads the digest a page records near its top, and nothing from a page without one', () => {
    const d = scratch();
    const digest = 'a'.repeat(64);
    write(join(d, 'a.html'), `<!DOCTYPE html><html lang="vi"> <head><meta charset="utf-8"><meta name="${PAGE_INPUTS_META}" content="${digest}">`);
    write(join(d, 'b.html'), '<!DOCTYPE html><html><head><meta charset="utf-8">');
    write(join(d, 'c.html'), `${' '.repeat(2000)}<meta name="${PAGE_INPUTS_META}" content="${digest}">`);
    expect(recordedDigest(join(d, 'a.html'))).toBe(digest);
    expect(recordedDigest(join(d, 'b.html'))).toBeNull();
    expect(recordedDigest(join(d, 'c.html'))).toBeNull();
    expect(recordedDigest(join(d, 'missing.html'))).toBeNull();
  });

  it("links a kept document's page and overflow pages, not its feed (the data step writes that), and never overwrites", () => {
    const old = scratch();
    const site = scratch();
    write(join(old, 'van-ban/a/index.html'), 'page');
    write(join(old, 'van-ban/a/lien-quan/2/index.html'), 'overflow');
    write(join(old, 'van-ban/a/theo-doi.xml'), 'feed');
    expect(linkKeptDocuments(old, site, ['a'])).toBe(2);
    expect(readFileSync(join(site, 'van-ban/a/index.html'), 'utf8')).toBe('page');
    expect(statSync(join(site, 'van-ban/a/lien-quan/2/index.html')).ino).toBe(statSync(join(old, 'van-ban/a/lien-quan/2/index.html')).ino);
    expect(existsSync(join(site, 'van-ban/a/theo-doi.xml'))).toBe(false);
    expect(() => linkKeptDocuments(old, site, ['a'])).toThrow(KeptPageError);
    expect(() => linkKeptDocuments(old, site, ['gone'])).toThrow(/không còn/);
  });
});
