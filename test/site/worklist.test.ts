import { describe, expect, it } from 'vitest';
import { editorsWorklist, missingCommand } from '../../src/lib/site/worklist.ts';
import { indexSite } from '../../src/lib/site/data.ts';
import { loadRegistries } from '../../src/lib/content/corpus.ts';
import { fixtureGraph, fixtureSite, root } from './helpers.ts';

describe("editors' worklist", () => {
  it('gives the command that scaffolds a missing document, with its province', () => {
    expect(missingCommand({ key: '35-CT/TW@2014', province: null })).toBe('npm run new -- --from-missing "35-CT/TW@2014"');
    expect(missingCommand({ key: '12-KH/TU@2016', province: 'tra-vinh' })).toBe('npm run new -- --from-missing "12-KH/TU@2016" --province tra-vinh');
  });

  it('lists unknown statuses, documents without a source link and relations without provenance', () => {
    const sections = Object.fromEntries(editorsWorklist(fixtureSite()).map((s) => [s.anchor, s]));
    expect(sections['chua-ro-hieu-luc']!.items.map((i) => i.id).sort()).toEqual(['chi-thi-33-ct-ttg-2021', 'nghi-quyet-25-nq-tw-2013', 'quyet-dinh-23-qd-tw-2021']);
    // Most cited first: 33/CT-TTg is cited by the plan.
    expect(sections['chua-ro-hieu-luc']!.items[0]!.file).toMatch(/chi-thi-33-ct-ttg-2021/);
    expect(sections['chua-co-duong-dan']!.total).toBe(5);
    expect(sections['quan-he-chua-co-nguon']!.items.map((i) => i.id)).toEqual(['quyet-dinh-23-qd-tw-2021']);
  });

  it('drops what has been fixed: a source link, a relation with where and source', () => {
    const graph = fixtureGraph();
    graph.nodes.find((n) => n.id === 'quyet-dinh-23-qd-tw-2021')!.sources.push({ title: 'Cổng', url: 'https://example.org/23' });
    Object.assign(graph.edges.find((e) => e.origin === 'explicit')!, { where: 'Điều 3', source: 'https://example.org/23' });
    const sections = Object.fromEntries(editorsWorklist(indexSite(graph, loadRegistries(root))).map((s) => [s.anchor, s]));
    expect(sections['chua-co-duong-dan']!.items.map((i) => i.id)).not.toContain('quyet-dinh-23-qd-tw-2021');
    expect(sections['quan-he-chua-co-nguon']!.total).toBe(0);
  });
});
