import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/content/corpus.ts';
import { buildGraph } from '../../src/lib/graph/build.ts';
import { lineageOf } from '../../src/lib/graph/lineage.ts';
import { collectNeighbourhood } from '../../src/lib/graph/neighbourhood.ts';
import { GOOD_CORPUS, tempCorpus } from './helpers.ts';

const QD23 = 'quyet-dinh-23-qd-tw-2021';
const QD290 = 'quyet-dinh-290-qd-tw-2010';
const CT16 = 'chi-thi-16-ct-ttg-2016';
const CTR79 = 'chuong-trinh-79-ctr-bdvtw-bcsdcp-2016';
const KL114 = 'ket-luan-114-kl-tw-2015';
const QD1553 = 'quyet-dinh-1553-qd-ubnd-2016-tra-vinh';

const { graph } = buildGraph(loadCorpus(GOOD_CORPUS));

describe('lineageOf', () => {
  it('follows replacement forwards to the document in force', () => {
    const l = lineageOf(graph, QD290);
    expect(l.earlier).toEqual([]);
    expect(l.later).toEqual([{ id: QD23, from: QD23, to: QD290, relation: 'replaces', origin: 'explicit', depth: 1 }]);
    expect(l.timeline).toEqual([QD290, QD23]);
    expect(l.current).toBe(QD23);
    expect(lineageOf(graph, QD23)).toMatchObject({ earlier: [{ id: QD290, relation: 'replaces' }], later: [], current: QD23 });
  });

  it('includes implementing documents and walks several steps, oldest first', () => {
    const tmp = tempCorpus();
    try {
      // 79 implements 114 (read from its full text); 1553 implements 16 (frontmatter).
      tmp.edit('van-ban', CTR79, 'fullText: false', 'fullText: true');
      tmp.edit('van-ban', CT16, 'fullText: false', 'fullText: true');
      tmp.appendBody('van-ban', CTR79, 'Thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư, hai cơ quan ký chương trình phối hợp này.');
      tmp.appendBody('van-ban', CT16, 'Thực hiện Chương trình phối hợp số 79-CTr/BDVTW-BCSĐCP ngày 11/10/2016, các bộ rà soát nhiệm vụ.');
      const g = buildGraph(loadCorpus(tmp.root)).graph;
      // 16 (May 2016) cannot implement 79 (Oct 2016): that reading is dropped, time runs forward.
      expect(lineageOf(g, CT16).earlier).toEqual([]);
      const l = lineageOf(g, KL114);
      expect(l.later.map((s) => [s.id, s.relation, s.origin, s.depth])).toEqual([[CTR79, 'implements', 'inferred', 1]]);
      expect(lineageOf(g, KL114, { includeInferred: false }).later).toEqual([]);
      expect(lineageOf(g, CT16).later.map((s) => s.id)).toEqual([QD1553]);
    } finally {
      tmp.remove();
    }
  });

  it('rejects an unknown id', () => {
    expect(() => lineageOf(graph, 'khong-co')).toThrow(/khong-co/);
  });
});

describe('collectNeighbourhood', () => {
  // 23-QĐ/TW read as a full text: its mentions of 290 and 114 are citations.
  const tmp = tempCorpus();
  tmp.edit('van-ban', QD23, 'fullText: false', 'fullText: true');
  const full = buildGraph(loadCorpus(tmp.root)).graph;
  tmp.remove();

  it('returns the centre first, direct neighbours at hop 1, and only edges among shown documents', () => {
    const n = collectNeighbourhood(full, QD23, { hops: 1 });
    const hop = new Map(n.nodes.map((x) => [x.id, x.hop]));
    expect(n.nodes[0]!.id).toBe(QD23);
    expect(hop.get(QD23)).toBe(0);
    expect(hop.get(QD290)).toBe(1);
    expect(hop.get(KL114)).toBe(1);
    expect(hop.has(CT16)).toBe(false);
    for (const e of n.edges) {
      expect(hop.has(e.from)).toBe(true);
      expect(hop.has(e.to)).toBe(true);
    }
    expect(n.omitted).toBe(0);
  });

  it('keeps the strongest relations first when the size limit cuts', () => {
    const n = collectNeighbourhood(full, QD23, { hops: 2, maxNodes: 2 });
    expect(n.nodes.map((x) => x.id)).toEqual([QD23, QD290]);
    expect(n.omitted).toBeGreaterThan(0);
  });
});
