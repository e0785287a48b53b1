/**
 * The answers at the top of a document page are computed from the graph, once:
 * status with its date, replacement, counts with their section anchors, original text.
 */
import { describe, expect, it } from 'vitest';
import { documentAnswers, SECTION_ANCHORS, sourceRank } from '../../src/lib/site/answers.ts';
import { indexSite } from '../../src/lib/site/data.ts';
import { groupAnchor } from '../../src/lib/site/related.ts';
import { loadRegistries } from '../../src/lib/content/corpus.ts';
import { fixtureGraph, fixtureSite, root } from './helpers.ts';

describe('documentAnswers', () => {
  const data = fixtureSite();

  it('names the replacing document of a superseded one, with the date it stopped being in force', () => {
    const a = documentAnswers(data, 'quyet-dinh-290-qd-tw-2010');
    expect(a.status.value).toBe('superseded');
    expect(a.replacedBy?.id).toBe('quyet-dinh-23-qd-tw-2021');
    expect(a.inForceTo).toBe('2021-07-30');
    // A status computed from the graph has no "read on" date: the replacement is the fact.
    expect(a.status.asOf).toBeNull();
    expect(a.history.map((h) => h.text)).toEqual(['Ban hành', 'Bị thay thế bởi']);
  });

  it('gives a declared status with the date it was read, and counts linked to their sections', () => {
    const a = documentAnswers(data, 'chi-thi-33-ct-ttg-2021');
    expect(a.status.value).toBe('unknown');
    expect(a.status.asOf).toBe('2026-11-22');
    expect(a.replacedBy).toBeNull();
    expect(a.carriedOutBy).toEqual({
      count: 1,
      anchor: groupAnchor({ type: 'implements', direction: 'inverse' }),
      first: [expect.objectContaining({ id: 'ke-hoach-1-kh-ubnd-2022-vi-du' })],
    });
    expect(a.basedOn).toBeNull();
    expect(a.reports?.count).toBe(1);
    expect(a.sections.map((s) => s.anchor)).toEqual([
      SECTION_ANCHORS.summary,
      SECTION_ANCHORS.properties,
      SECTION_ANCHORS.history,
      SECTION_ANCHORS.relations,
      SECTION_ANCHORS.practice,
      SECTION_ANCHORS.citation,
    ]);
  });

  it('takes the first http(s) source as the original text and reads dated facts when the graph has them', () => {
    const graph = fixtureGraph();
    const node = graph.nodes.find((n) => n.id === 'chi-thi-33-ct-ttg-2021')!;
    node.sources = [
      { title: 'Bản chép lại', url: 'javascript:alert(1)' } as never,
      { title: 'Cổng thông tin', publisher: 'Chính phủ', url: 'https://chinhphu.vn/van-ban-33' },
    ];
    // The dated history is the graph build's (statusHistory); the answers present it.
    Object.assign(node, {
      effectiveFrom: '2021-11-26',
      statusSource: { title: 'Cơ sở dữ liệu văn bản', url: 'https://vbpl.vn/x' },
      history: [
        { date: '2021-11-26', kind: 'issued', by: null },
        { date: '2021-11-26', kind: 'effective', by: null },
      ],
    });
    const a = documentAnswers(indexSite(graph, loadRegistries(root)), node.id);
    expect(a.original).toEqual({ title: 'Cổng thông tin', url: 'https://chinhphu.vn/van-ban-33', publisher: 'Chính phủ' });
    expect(a.inForceFrom).toBe('2021-11-26');
    expect(a.status.source?.url).toBe('https://vbpl.vn/x');
    expect(a.history.map((h) => h.date)).toEqual(['2021-11-26', '2021-11-26', '2026-11-22']);
    // Practice section is listed only when there are reports.
    expect(documentAnswers(data, 'quyet-dinh-290-qd-tw-2010').sections.some((s) => s.anchor === SECTION_ANCHORS.practice)).toBe(false);
  });

  it('opens an official portal as the original text when the record lists one, whatever its place', () => {
    expect(sourceRank('https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=1')).toBe(0);
    expect(sourceRank('https://sdl.thuathienhue.gov.vn/?gd=4')).toBe(0);
    expect(sourceRank('https://tulieuvankien.dangcongsan.vn/x')).toBe(0);
    expect(sourceRank('https://thuvienphapluat.vn/van-ban/x')).toBe(1);
    expect(sourceRank('https://evil-gov.vn.example.com/')).toBe(1);
    const graph = fixtureGraph();
    const node = graph.nodes.find((n) => n.id === 'chi-thi-33-ct-ttg-2021')!;
    node.sources = [
      { title: 'Trang trường học', url: 'https://thpt-x.edu.vn/luat' },
      { title: 'Cơ sở dữ liệu quốc gia về văn bản pháp luật', publisher: 'Bộ Tư pháp', url: 'https://vbpl.vn/van-ban-33' },
    ];
    expect(documentAnswers(indexSite(graph, loadRegistries(root)), node.id).original?.url).toBe('https://vbpl.vn/van-ban-33');
  });
});
