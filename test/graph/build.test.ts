import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, loadRegistries } from '../../src/lib/content/corpus.ts';
import { buildGraph, type BodyOutput, type ExtractionCache } from '../../src/lib/graph/build.ts';
import type { Graph } from '../../src/lib/graph/types.ts';
import { buildCorpusIndex, findReferences, type CorpusIndex } from '../../src/lib/citations/index.ts';
import type { CitationContext } from '../../src/lib/citations/types.ts';
import { GOOD_CORPUS, tempCorpus, type TempCorpus } from './helpers.ts';

const QD23 = 'quyet-dinh-23-qd-tw-2021';
const QD290 = 'quyet-dinh-290-qd-tw-2010';
const CT16 = 'chi-thi-16-ct-ttg-2016';
const CT33 = 'chi-thi-33-ct-ttg-2021';
const CTR79 = 'chuong-trinh-79-ctr-bdvtw-bcsdcp-2016';
const KL114 = 'ket-luan-114-kl-tw-2015';
const QD1553 = 'quyet-dinh-1553-qd-ubnd-2016-tra-vinh';

const edge = (g: Graph, from: string, to: string) => g.edges.filter((e) => e.from === from && e.to === to);
const node = (g: Graph, id: string) => g.nodes.find((n) => n.id === id)!;
/** 1-based line of the first line containing `needle` in a content file. */
const lineOf = (root: string, id: string, needle: string) =>
  readFileSync(join(root, 'content/van-ban', `${id}.mdx`), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

/** The graph and bodies of an incremental build are those of a build without a cache. */
function expectSameAsFromScratch(result: ReturnType<typeof buildGraph>, root: string) {
  const scratch = buildGraph(loadCorpus(root), { engineVersion: 'v1' });
  expect(JSON.stringify(result.graph)).toBe(JSON.stringify(scratch.graph));
  expect(result.bodies.map((b) => b.html.replace('<!--cached-->', ''))).toEqual(scratch.bodies.map((b) => b.html));
}

let tmp: TempCorpus | null = null;
afterEach(() => {
  tmp?.remove();
  tmp = null;
});

describe('buildGraph on the good corpus', () => {
  const { graph, bodies } = buildGraph(loadCorpus(GOOD_CORPUS));

  it('has every document as a node, sorted, with citation line, key and level', () => {
    expect(graph.nodes.map((n) => n.id)).toEqual([...graph.nodes.map((n) => n.id)].sort());
    expect(graph.nodes).toHaveLength(7);
    const ct33 = node(graph, CT33);
    expect(ct33.key).toBe('33/CT-TTg@2021');
    expect(ct33.level).toBe('trung-uong');
    expect(ct33.citation).toMatch(/^Chỉ thị số 33\/CT-TTg ngày 26\/11\/2021 của Thủ tướng Chính phủ về /);
    expect(node(graph, QD1553).level).toBe('tinh');
  });

  it('keeps the explicit replaces edge 23-QĐ/TW → 290-QĐ/TW with its provenance; the summary adds no evidence', () => {
    const edges = edge(graph, QD23, QD290);
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({
      type: 'replaces',
      origin: 'explicit',
      provenance: { where: 'Điều 3 (điều khoản thi hành)', source: 'https://example.org/van-ban/quyet-dinh-23-qd-tw-2021', note: null },
      evidence: [],
    });
  });

  it('makes no edge from a summary body: its mentions are links for reading, listed apart', () => {
    // Every body of the good corpus is a summary (fullText: false).
    expect(graph.edges.every((e) => e.origin === 'explicit')).toBe(true);
    expect(node(graph, QD23).summaryMentions).toContain(QD290);
    expect(node(graph, QD23).summaryMentions).toContain(KL114);
  });

  it('computes 290-QĐ/TW as superseded by 23-QĐ/TW, with date and chain', () => {
    const s = node(graph, QD290).effectiveStatus;
    expect(s).toMatchObject({ status: 'superseded', by: QD23, since: '2021-07-30', chain: [QD290, QD23] });
    expect(s.reason).toBe('Bị thay thế bởi Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị từ ngày 30/7/2021');
    // A document nobody replaces keeps its declared status, with the date it was read.
    expect(node(graph, QD23).effectiveStatus.status).toBe('in-force');
    expect(node(graph, QD23).effectiveStatus.reason).toContain('theo nguồn (đọc ngày 01/11/2026)');
    expect(node(graph, QD290).history.map((h) => [h.kind, h.date, h.by])).toEqual([
      ['issued', '2010-02-25', null],
      ['replaced', '2021-07-30', QD23],
    ]);
  });

  it('indexes edges both ways', () => {
    const i = graph.edges.findIndex((e) => e.from === QD23 && e.to === QD290);
    expect(graph.outgoing[QD23]).toContain(i);
    expect(graph.incoming[QD290]).toContain(i);
    expect(Object.keys(graph.incoming)).toEqual(graph.nodes.map((n) => n.id));
  });

  it('renders every body, documents linked with the base placeholder', () => {
    expect(bodies.filter((b) => b.collection === 'documents')).toHaveLength(7);
    expect(bodies.some((b) => b.collection === 'implementations')).toBe(true);
    expect(bodies.some((b) => b.collection === 'courses')).toBe(true);
    const html = bodies.find((b) => b.id === QD290)!.html;
    expect(html).toContain(`<a class="cite" href="__BASE__van-ban/${QD23}/" data-doc="${QD23}">`);
    expect(graph.implementations[0]!.reportsOn.length).toBeGreaterThan(0);
  });
});

describe('buildGraph on edited copies', () => {
  it('infers implements from a sentence of a full text, with evidence sentence, heading, anchor and line', () => {
    tmp = tempCorpus();
    tmp.edit('van-ban', CTR79, 'fullText: false', 'fullText: true');
    tmp.appendBody('van-ban', CTR79, '## Căn cứ ký kết\n\nThực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư, hai cơ quan ký chương trình phối hợp này.');
    const { graph } = buildGraph(loadCorpus(tmp.root));
    const [e] = edge(graph, CTR79, KL114);
    expect(e).toMatchObject({ type: 'implements', origin: 'inferred' });
    expect(e!.evidence).toEqual([
      {
        sentence: 'Thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư, hai cơ quan ký chương trình phối hợp này.',
        heading: 'Căn cứ ký kết',
        anchor: 'can-cu-ky-ket',
        line: lineOf(tmp.root, CTR79, 'Thực hiện Kết luận'),
      },
    ]);
  });

  it('groups unresolved mentions by identity, across spellings and documents', () => {
    tmp = tempCorpus();
    tmp.appendBody('van-ban', CT16, 'Chỉ thị được dẫn cùng Chỉ thị số 35-CT/TW ngày 26/5/2014 của Bộ Chính trị.');
    tmp.appendBody('van-ban', CT33, 'Việc tiếp dân làm theo Chỉ thị số 35- CT/TW ngày 26/5/2014 của Bộ Chính trị.');
    const { graph, bodies } = buildGraph(loadCorpus(tmp.root));
    const group = graph.unresolved.filter((u) => u.key.startsWith('35-CT/TW'));
    expect(group).toHaveLength(1);
    expect(group[0]).toMatchObject({ key: '35-CT/TW@2014', year: 2014, type: 'chi-thi' });
    expect(group[0]!.citedBy.map((c) => c.id)).toEqual([CT16, CT33]);
    expect(graph.stats.unresolved).toBe(2);
    const html = bodies.find((b) => b.id === CT16)!.html;
    expect(html).toMatch(/<span class="cite cite-unresolved" title="Chưa có trong cơ sở dữ liệu: Chỉ thị số 35-CT\/TW ngày 26\/5\/2014">Chỉ thị số 35-CT\/TW ngày 26\/5\/2014<\/span>/);
  });

  it('lists an ambiguous mention with its candidates and never guesses an edge', () => {
    tmp = tempCorpus();
    tmp.write('van-ban', 'chi-thi-33-ct-ttg-2026', [
      '---', 'type: chi-thi', 'number: "33/CT-TTg"', 'issued: "2026-08-14"', 'issuer: thu-tuong-chinh-phu',
      'title: "Về an toàn thực phẩm"', 'status: unknown', 'statusAsOf: "2026-11-01"', 'fullText: false',
      'sources:', '  - title: "Ví dụ trong tài liệu thiết kế: hai chỉ thị cùng số 33/CT-TTg"', '---', '', 'Chỉ thị về an toàn thực phẩm.', '',
    ].join('\n'));
    tmp.appendBody('van-ban', CTR79, 'Về sau, chương trình được nhắc cùng Chỉ thị số 33/CT-TTg.');
    const { graph, bodies } = buildGraph(loadCorpus(tmp.root));
    const amb = graph.ambiguities.filter((a) => a.from === CTR79);
    expect(amb).toHaveLength(1);
    expect(amb[0]!.candidates).toEqual([CT33, 'chi-thi-33-ct-ttg-2026']);
    expect(amb[0]!.evidence.sentence).toContain('Chỉ thị số 33/CT-TTg');
    expect(edge(graph, CTR79, CT33)).toEqual([]);
    expect(edge(graph, CTR79, 'chi-thi-33-ct-ttg-2026')).toEqual([]);
    expect(bodies.find((b) => b.id === CTR79)!.html).toContain('class="cite cite-unresolved cite-ambiguous"');
  });

  it('makes no self-edge when a document names its own number', () => {
    tmp = tempCorpus();
    tmp.appendBody('van-ban', QD290, 'Quyết định số 290-QĐ/TW ngày 25/02/2010 được các tỉnh quán triệt rộng rãi.');
    const { graph, bodies } = buildGraph(loadCorpus(tmp.root));
    expect(graph.edges.filter((e) => e.from === e.to)).toEqual([]);
    expect(graph.unresolved).toEqual([]);
    expect(bodies.find((b) => b.id === QD290)!.html).not.toContain(`data-doc="${QD290}"`);
  });

  it('keeps the explicit edge when the text suggests another type, and warns', () => {
    tmp = tempCorpus();
    tmp.edit('van-ban', QD1553, 'fullText: false', 'fullText: true');
    tmp.appendBody('van-ban', QD1553, 'Kế hoạch này thay thế Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ trên địa bàn tỉnh.');
    const { graph } = buildGraph(loadCorpus(tmp.root));
    const edges = edge(graph, QD1553, CT16);
    expect(edges.map((e) => [e.type, e.origin])).toEqual([['implements', 'explicit']]);
    expect(edges[0]!.evidence.some((e) => e.sentence.startsWith('Kế hoạch này thay thế'))).toBe(true);
    const w = graph.diagnostics.find((d) => d.code === 'relation-text-differs');
    expect(w).toMatchObject({ severity: 'warning', file: `content/van-ban/${QD1553}.mdx`, line: lineOf(tmp.root, QD1553, 'Kế hoạch này thay thế') });
  });

  it('fails on a replacement cycle, with file and line', () => {
    tmp = tempCorpus();
    tmp.edit('van-ban', QD290, 'status: not-in-force', `relations:\n  replaces: [${QD23}]\nstatus: not-in-force`);
    const { graph } = buildGraph(loadCorpus(tmp.root));
    const errors = graph.diagnostics.filter((d) => d.severity === 'error');
    // The check's findings: one validator for relations.
    expect(errors.map((d) => d.code).sort()).toEqual(['relation-target-later', 'replaces-cycle', 'replaces-cycle']);
    const cycle = errors.find((d) => d.code === 'replaces-cycle')!;
    expect(cycle.file).toMatch(/^content\/van-ban\/quyet-dinh-(23|290)/);
    expect(cycle.line).toBeGreaterThan(1);
    expect(cycle.message).toContain('→');
  });

  it('drops a relation read from a full text to a later document, with a warning naming the sentence', () => {
    tmp = tempCorpus();
    tmp.edit('van-ban', KL114, 'fullText: false', 'fullText: true');
    tmp.appendBody('van-ban', KL114, 'Thực hiện Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị, các tỉnh rà soát quy chế.');
    // The engine already declines later documents for a dated text; one that resolves
    // regardless (a wrong reading) is what the graph build must catch.
    const careless = { buildCorpusIndex, findReferences: (text: string, index: CorpusIndex, ctx: CitationContext) => findReferences(text, index, { ...ctx, date: null }) };
    const { graph } = buildGraph(loadCorpus(tmp.root), { engine: careless });
    expect(edge(graph, KL114, QD23)).toEqual([]);
    const w = graph.diagnostics.filter((d) => d.code === 'relation-text-later');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', file: `content/van-ban/${KL114}.mdx`, line: lineOf(tmp.root, KL114, 'Thực hiện Quyết định số 23') });
    expect(w[0]!.message).toContain('Thực hiện Quyết định số 23-QĐ/TW');
    expect(w[0]!.message).toContain('2021-07-30');
  });

  it('reads bodies with the index the CLI uses, the named-documents registry included', () => {
    const corpus = loadCorpus(GOOD_CORPUS);
    const named = loadRegistries(join(import.meta.dirname, '..', '..')).namedDocuments ?? [];
    expect(named.length).toBeGreaterThan(0);
    corpus.registries.namedDocuments = named;
    const seen: unknown[] = [];
    const spy = {
      buildCorpusIndex: (...args: Parameters<typeof buildCorpusIndex>) => {
        seen.push(args[2]);
        return buildCorpusIndex(...args);
      },
      findReferences,
    };
    buildGraph(corpus, { engine: spy });
    expect(seen).toEqual([named]);
  });

  it('a summary naming a later document makes no edge', () => {
    tmp = tempCorpus();
    tmp.appendBody('van-ban', KL114, 'Về sau, Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ hướng vào cùng khu vực.');
    const { graph } = buildGraph(loadCorpus(tmp.root));
    expect(edge(graph, KL114, CT33)).toEqual([]);
    expect(node(graph, KL114).summaryMentions).toContain(CT33);
  });

  it('a declared key reaches the document once the corpus has it', () => {
    tmp = tempCorpus();
    tmp.edit('van-ban', KL114, 'fullText: false', 'relations:\n  basedOn: [{ id: "25-NQ/TW@2013", where: "Căn cứ (phần mở đầu)", source: "https://example.org/kl-114" }]\nfullText: false');
    tmp.write('van-ban', 'nghi-quyet-25-nq-tw-2013', [
      '---', 'type: nghi-quyet', 'number: "25-NQ/TW"', 'issued: "2013-06-03"', 'issuer: ban-chap-hanh-trung-uong',
      'title: "Về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới"', 'status: unknown', 'fullText: false',
      'sources:', '  - title: "Dữ liệu thử"', '---', '', 'Nghị quyết về công tác dân vận.', '',
    ].join('\n'));
    const { graph } = buildGraph(loadCorpus(tmp.root));
    expect(edge(graph, KL114, 'nghi-quyet-25-nq-tw-2013')).toEqual([
      expect.objectContaining({ type: 'basedOn', origin: 'explicit', provenance: { where: 'Căn cứ (phần mở đầu)', source: 'https://example.org/kl-114', note: null } }),
    ]);
    expect(graph.unresolved.find((u) => u.key === '25-NQ/TW@2013')).toBeUndefined();
  });

  it('lists a declared relation to a document not in the corpus among the missing, with its provenance', () => {
    tmp = tempCorpus();
    tmp.edit('van-ban', KL114, 'fullText: false', 'relations:\n  basedOn: [{ id: "25-NQ/TW@2013", where: "Căn cứ (phần mở đầu)", source: "https://example.org/kl-114" }]\nfullText: false');
    const { graph } = buildGraph(loadCorpus(tmp.root));
    const u = graph.unresolved.find((x) => x.key === '25-NQ/TW@2013')!;
    expect(u.citedBy).toEqual([
      expect.objectContaining({ id: KL114, via: 'relation', relation: 'basedOn', provenance: { where: 'Căn cứ (phần mở đầu)', source: 'https://example.org/kl-114', note: null } }),
    ]);
    expect(u.citedBy[0]!.evidence.line).toBe(lineOf(tmp.root, KL114, 'basedOn:'));
  });
});

describe('determinism and the extraction cache', () => {
  it('gives byte-identical output for the same input, whatever the file order', () => {
    const a = buildGraph(loadCorpus(GOOD_CORPUS));
    const corpus = loadCorpus(GOOD_CORPUS);
    corpus.documents.reverse();
    corpus.implementations.reverse();
    const b = buildGraph(corpus);
    expect(JSON.stringify(b.graph)).toBe(JSON.stringify(a.graph));
    expect(JSON.stringify(b.bodies)).toBe(JSON.stringify(a.bodies));
  });

  it.each([
    ['a full text', true],
    ['a summary', false],
  ])('adding a document extracts only its body, and re-links the bodies that cite it (%s)', (_what, fullText) => {
    const store = new Map<string, BodyOutput>();
    const cache: ExtractionCache = { get: (k) => store.get(k), set: (k, v) => void store.set(k, v) };
    tmp = tempCorpus();
    if (fullText) tmp.edit('van-ban', CT16, 'fullText: false', 'fullText: true');
    tmp.appendBody('van-ban', CT16, 'Tinh thần này có từ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.');
    const first = buildGraph(loadCorpus(tmp.root), { cache, engineVersion: 'v1' });
    const total = first.extracted;
    expect(first.graph.unresolved.map((u) => u.key)).toContain('05-CT/TW@2016');

    // A document nobody cites: one body extracted, nothing else touched.
    const kl = readFileSync(join(tmp.root, 'content/van-ban', `${KL114}.mdx`), 'utf8');
    tmp.write('van-ban', 'ket-luan-120-kl-tw-2015', kl.replace('number: "114-KL/TW"', 'number: "120-KL/TW"'));
    const uncited = buildGraph(loadCorpus(tmp.root), { cache, engineVersion: 'v1' });
    expect([uncited.extracted, uncited.relinked, uncited.cached]).toEqual([1, 0, total]);
    expectSameAsFromScratch(uncited, tmp.root);

    // A document a body cites: its body extracted, the citing body re-linked (not extracted).
    const ct05 = kl
      .replace('type: ket-luan', 'type: chi-thi')
      .replace('number: "114-KL/TW"', 'number: "05-CT/TW"')
      .replace('issued: "2015-07-14"', 'issued: "2016-05-15"')
      .replace('issuer: ban-bi-thu', 'issuer: bo-chinh-tri');
    tmp.write('van-ban', 'chi-thi-05-ct-tw-2016', ct05);
    const cited = buildGraph(loadCorpus(tmp.root), { cache, engineVersion: 'v1' });
    expect([cited.extracted, cited.relinked, cited.cached]).toEqual([1, 1, total]);
    // A full text's mention makes an edge; a summary's is a link for reading, listed apart (#15).
    expect(edge(cited.graph, CT16, 'chi-thi-05-ct-tw-2016')).toHaveLength(fullText ? 1 : 0);
    expect(node(cited.graph, CT16).summaryMentions.includes('chi-thi-05-ct-tw-2016')).toBe(!fullText);
    expect(cited.bodies.find((b) => b.id === CT16)!.html).toContain('data-doc="chi-thi-05-ct-tw-2016"');
    expectSameAsFromScratch(cited, tmp.root);
  });

  it('re-reads only the changed body; another identity changing re-links, never re-extracts', () => {
    const store = new Map<string, BodyOutput>();
    const cache: ExtractionCache = { get: (k) => store.get(k), set: (k, v) => void store.set(k, v) };
    tmp = tempCorpus();
    tmp.edit('van-ban', CT16, 'fullText: false', 'fullText: true');
    const first = buildGraph(loadCorpus(tmp.root), { cache, engineVersion: 'v1' });
    const total = first.extracted;
    expect(total).toBe(first.bodies.length);

    const again = buildGraph(loadCorpus(tmp.root), { cache, engineVersion: 'v1' });
    expect([again.extracted, again.cached]).toEqual([0, total]);
    expect(JSON.stringify(again.graph)).toBe(JSON.stringify(first.graph));

    expect(JSON.stringify(again.bodies)).toBe(JSON.stringify(first.bodies));

    // A cached body is not parsed or rendered again: its HTML comes from the cache as is.
    // Mark every cached output; after one edit, only the edited body loses the mark.
    for (const [k, v] of store) store.set(k, { ...v, html: `${v.html}<!--cached-->` });
    tmp.appendBody('van-ban', CT16, 'Chỉ thị còn được nhắc trong Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư.');
    const edited = buildGraph(loadCorpus(tmp.root), { cache, engineVersion: 'v1' });
    expect([edited.extracted, edited.cached]).toEqual([1, total - 1]);
    expect(edge(edited.graph, CT16, KL114)).toHaveLength(1);
    const fresh = edited.bodies.filter((b) => !b.html.endsWith('<!--cached-->'));
    expect(fresh.map((b) => b.id)).toEqual([CT16]);
    expect(fresh[0]!.html).toContain('data-doc="' + KL114 + '"');

    // Another document's identity changes: only its own body is extracted again (it is a
    // different citing document now); the bodies whose mentions resolve differently are
    // rendered again from their cached extraction; the rest stay as they were.
    tmp.edit('van-ban', KL114, 'number: "114-KL/TW"', 'number: "115-KL/TW"');
    const renumbered = buildGraph(loadCorpus(tmp.root), { cache, engineVersion: 'v1' });
    expect(renumbered.extracted).toBe(1);
    expect(renumbered.relinked).toBeGreaterThanOrEqual(1);
    expect(renumbered.cached).toBe(total - 1 - renumbered.relinked);
    expect(edge(renumbered.graph, CT16, KL114)).toHaveLength(0);
    expectSameAsFromScratch(renumbered, tmp.root);
    // The engine's code is part of every key.
    expect(buildGraph(loadCorpus(tmp.root), { cache, engineVersion: 'v2' }).extracted).toBe(total);
  });
});
