import { describe, expect, it } from 'vitest';
import { findDirectHits, hitPath } from '../../src/lib/search/direct-hits.ts';
import { buildNumberShards, shardOf, type NumberEntry } from '../../src/lib/search/number-index.ts';
import { parseNumberQuery } from '../../src/lib/search/query.ts';
import type { GraphNode, UnresolvedReference } from '../../src/lib/graph/types.ts';

/** A synthetic number index with the ambiguities the real corpus will have. */
const entries: NumberEntry[] = [
  { id: 'chi-thi-33-ct-ttg-2021', n: '33/CT-TTg', t: 'chi-thi', y: 2021, o: 'Thủ tướng Chính phủ', h: 'Về công tác dân vận' },
  { id: 'chi-thi-33-ct-ttg-2026', n: '33/CT-TTg', t: 'chi-thi', y: 2026, o: 'Thủ tướng Chính phủ', h: 'Về an toàn thực phẩm' },
  { id: 'chi-thi-33-ct-tw-2019', n: '33-CT/TW', t: 'chi-thi', y: 2019, o: 'Ban Bí thư Trung ương Đảng' },
  { id: 'nghi-quyet-33-nq-tw-2014', n: '33-NQ/TW', t: 'nghi-quyet', y: 2014, o: 'Ban Chấp hành Trung ương Đảng' },
  { id: 'chi-thi-10-ct-tu-2016-tra-vinh', n: '10-CT/TU', t: 'chi-thi', y: 2016, p: 'Trà Vinh' },
  { id: 'chi-thi-10-ct-tu-2017-ha-tinh', n: '10-CT/TU', t: 'chi-thi', y: 2017, p: 'Hà Tĩnh' },
  { id: 'quy-dinh-11-qdi-tw-2019', n: '11-QĐi/TW', t: 'quy-dinh', y: 2019 },
  { id: 'quyet-dinh-11-qd-tw-2011', n: '11-QĐ/TW', t: 'quyet-dinh', y: 2011 },
  { id: '35-CT/TW@2014', n: '35-CT/TW', t: 'chi-thi', y: 2014, o: 'Bộ Chính trị', u: 1 },
  { id: 'nghi-quyet-30c-nq-cp-2011', n: '30c/NQ-CP', t: 'nghi-quyet', y: 2011 },
];

const ids = (query: string) => findDirectHits(parseNumberQuery(query)!, entries).map((h) => h.entry.id);

describe('findDirectHits', () => {
  it('shows both 33/CT-TTg, newer first, each with its year and issuer', () => {
    const hits = findDirectHits(parseNumberQuery('33/CT-TTg')!, entries);
    expect(hits.map((h) => h.entry.id)).toEqual(['chi-thi-33-ct-ttg-2026', 'chi-thi-33-ct-ttg-2021']);
    expect(hits[0]!.detail).toBe('2026 · Thủ tướng Chính phủ');
    expect(hits[1]!.detail).toBe('2021 · Thủ tướng Chính phủ');
  });

  it('lets a year pick one of an ambiguous pair', () => {
    expect(ids('33/CT-TTg năm 2021')).toEqual(['chi-thi-33-ct-ttg-2021']);
    expect(ids('chỉ thị 33 2021')).toEqual(['chi-thi-33-ct-ttg-2021']);
  });

  it('tells 10-CT/TU of two provinces apart by province', () => {
    const hits = findDirectHits(parseNumberQuery('10-CT/TU')!, entries);
    expect(hits.map((h) => h.detail)).toEqual(['2017 · Hà Tĩnh', '2016 · Trà Vinh']);
  });

  it('keeps to the type the query names', () => {
    expect(ids('nghị quyết 33')).toEqual(['nghi-quyet-33-nq-tw-2014']);
    expect(ids('chi thi 33')).toHaveLength(3);
    expect(ids('quy định 11')).toEqual(['quy-dinh-11-qdi-tw-2019']);
    expect(ids('quyết định 11')).toEqual(['quyet-dinh-11-qd-tw-2011']);
  });

  it('reads QĐ as possibly a Quy định (often written so), exact spelling first; QĐi only as a Quy định', () => {
    expect(ids('11-QĐ/TW')).toEqual(['quyet-dinh-11-qd-tw-2011', 'quy-dinh-11-qdi-tw-2019']);
    expect(ids('11-QĐi/TW')).toEqual(['quy-dinh-11-qdi-tw-2019']);
  });

  it('finds a cited document that is not in the corpus and points it to /chua-co/', () => {
    const [hit] = findDirectHits(parseNumberQuery('ct 35')!, entries);
    expect(hit!.missing).toBe(true);
    expect(hit!.path).toBe('chua-co/#35-ct-tw-2014');
  });

  it('matches letter suffixes and leading zeros', () => {
    expect(ids('30c/NQ-CP')).toEqual(['nghi-quyet-30c-nq-cp-2011']);
    expect(ids('30/NQ-CP')).toEqual([]);
    expect(ids('chỉ thị 033')).toHaveLength(3);
  });

  it('ranks corpus documents above unresolved ones with the same fit', () => {
    const withMissing: NumberEntry[] = [...entries, { id: '33/CT-TTg@2016', n: '33/CT-TTg', t: 'chi-thi', y: 2030, u: 1 }];
    const hits = findDirectHits(parseNumberQuery('33/CT-TTg')!, withMissing);
    expect(hits[hits.length - 1]!.missing).toBe(true);
  });
});

describe('buildNumberShards', () => {
  const node = (id: string, number: string | null, extra: Partial<GraphNode> = {}) =>
    ({ id, number, type: 'chi-thi', year: 2021, issuer: 'thu-tuong-chinh-phu', province: null, title: 'T'.repeat(300), ...extra }) as GraphNode;
  const unresolved = (key: string, number: string | null) =>
    ({ key, number, type: 'chi-thi', year: 2014, province: null, issuer: 'Bộ Chính trị', citedBy: [] }) as UnresolvedReference;
  const names = { issuer: (id: string) => (id === 'thu-tuong-chinh-phu' ? 'Thủ tướng Chính phủ' : undefined), province: () => undefined };

  it('puts each numbered document and numbered unresolved reference in the shard of its serial', () => {
    const shards = buildNumberShards(
      { nodes: [node('a', '33/CT-TTg'), node('b', '133/CT-TTg'), node('c', null)], unresolved: [unresolved('35-CT/TW@2014', '35-CT/TW'), unresolved('Luật Khiếu nại', null)] },
      names,
    );
    expect(shardOf('33')).toBe(shardOf('133'));
    expect(shards.get(shardOf('33'))!.map((e) => e.id)).toEqual(['a', 'b']);
    expect(shards.get(shardOf('35'))!.map((e) => e.id)).toEqual(['35-CT/TW@2014']);
    expect([...shards.values()].flat()).toHaveLength(3);
    const a = shards.get(shardOf('33'))![0]!;
    expect(a.o).toBe('Thủ tướng Chính phủ');
    expect(a.h!.length).toBeLessThanOrEqual(141);
  });

  it('links a cited-but-missing number to the /chua-co/ page that lists it', () => {
    const shards = buildNumberShards(
      { nodes: [], unresolved: [unresolved('35-CT/TW@2014', '35-CT/TW')] },
      { ...names, missingPage: (key: string) => (key === '35-CT/TW@2014' ? 3 : undefined) },
    );
    const entry = shards.get(shardOf('35'))![0]!;
    expect(entry.u).toBe(3);
    expect(hitPath(entry)).toBe('chua-co/trang/3/#35-ct-tw-2014');
    expect(hitPath({ ...entry, u: 1 })).toBe('chua-co/#35-ct-tw-2014');
  });
});
