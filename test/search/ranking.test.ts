import { describe, expect, it } from 'vitest';
import {
  RANK_FIELDS,
  correctQuery,
  oneEditApart,
  pairTokens,
  queryPairs,
  queryProblem,
  ownName,
  pairStrength,
  rankByPairs,
  rankingMeta,
  addToVocabulary,
  vocabularyFile,
} from '../../src/lib/search/ranking.ts';

describe('pair tokens', () => {
  it('joins adjacent folded syllables, skipping numbers and too-short pairs', () => {
    expect(pairTokens('Luật Thực hiện dân chủ ở cơ sở')).toEqual(['luatthuc', 'thuchien', 'hiendan', 'danchu', 'chuo', 'coso']);
    expect(pairTokens('Đảng ủy 2021')).toEqual(['danguy']);
    expect(queryPairs('dan chu co so')).toEqual(['danchu', 'chuco', 'coso']);
    expect(queryPairs('a b c d e f g h i')).toEqual([]);
  });

  it('gives each field its pairs as its own meta field (its words are indexed from the text already)', () => {
    const lines = rankingMeta({ name: ['Dân chủ ở cơ sở'], subject: ['Hà Tĩnh', 'Hà'] });
    expect(lines).toEqual([
      { key: RANK_FIELDS.name.meta, text: 'danchu chuo coso' },
      { key: RANK_FIELDS.subject.meta, text: 'hatinh' },
    ]);
    expect(rankingMeta({ subject: ['Hà'] })).toEqual([]);
  });

  it("names a document by its type and trích yếu, the type once", () => {
    expect(ownName('Chỉ thị', 'Về xây dựng và thực hiện Quy chế dân chủ ở cơ sở')).toBe('Chỉ thị Về xây dựng và thực hiện Quy chế dân chủ ở cơ sở');
    expect(ownName('Luật', 'Luật Thực hiện dân chủ ở cơ sở')).toBe('Luật Thực hiện dân chủ ở cơ sở');
    expect(pairTokens(ownName('Chỉ thị', 'Về dân vận'))).toContain('chithi');
  });
});

describe('rankByPairs', () => {
  const name = [RANK_FIELDS.name.meta];
  const subject = [RANK_FIELDS.subject.meta];
  const both = [RANK_FIELDS.name.meta, RANK_FIELDS.subject.meta];

  it('counts a pair in the own name more than in a topic, both more than either, a body match not at all', () => {
    expect(pairStrength({ id: 'a', matchedMetaFields: name })).toBeGreaterThan(pairStrength({ id: 'a', matchedMetaFields: subject }));
    expect(pairStrength({ id: 'a', matchedMetaFields: both })).toBeGreaterThan(pairStrength({ id: 'a', matchedMetaFields: name }));
    // A pair search reaching a body word by prefix ("hoan" → "hoàng") carries no meta field.
    expect(pairStrength({ id: 'a' })).toBe(0);
    expect(pairStrength({ id: 'a', matchedMetaFields: ['title'] })).toBe(0);
  });

  const results = [
    { id: 'plan', score: 9 },
    { id: 'law', score: 3 },
    { id: 'topic-only', score: 5 },
    { id: 'other', score: 8 },
  ];
  it('puts pages carrying the query pairs first, the name before the topic', () => {
    const danchu = [{ id: 'law', matchedMetaFields: both }, { id: 'topic-only', matchedMetaFields: subject }];
    const coso = [{ id: 'law', matchedMetaFields: both }, { id: 'topic-only', matchedMetaFields: subject }, { id: 'plan', matchedMetaFields: subject }];
    expect(rankByPairs(results, [danchu, [], coso]).map((r) => r.id)).toEqual(['law', 'topic-only', 'plan', 'other']);
  });

  it('orders equal matches by foundation weight, whatever Pagefind scored them', () => {
    // The law and the decrees that carry its name: the same pairs in the same fields.
    const ranked = [
      { id: 'decree', score: 9 },
      { id: 'plan', score: 8 },
      { id: 'law', score: 2 },
      { id: 'directive', score: 1 },
      { id: 'unrelated', score: 10 },
    ];
    const hits = ['decree', 'plan', 'law', 'directive'].map((id) => ({ id, matchedMetaFields: both }));
    const foundation = new Map([['law', 6], ['directive', 3.5], ['decree', 1]]);
    expect(rankByPairs(ranked, [hits, hits], foundation).map((r) => r.id)).toEqual(['law', 'directive', 'decree', 'plan', 'unrelated']);
    // Foundation weight only breaks ties: a page matching the pairs better stays ahead of it.
    const nameOnly = hits.map((h) => (h.id === 'plan' ? h : { ...h, matchedMetaFields: name }));
    expect(rankByPairs(ranked, [hits, nameOnly], foundation)[0]!.id).toBe('plan');
    // Without weights, Pagefind's order breaks the tie.
    expect(rankByPairs(ranked, [hits]).map((r) => r.id)).toEqual(['decree', 'plan', 'law', 'directive', 'unrelated']);
  });

  it('counts a rare pair more than a common one', () => {
    const ranked = [{ id: 'a', score: 1 }, { id: 'b', score: 1 }, { id: 'c', score: 1 }, { id: 'd', score: 1 }];
    const common = ['a', 'b', 'c'].map((id) => ({ id, matchedMetaFields: name }));
    const rare = [{ id: 'd', matchedMetaFields: name }];
    expect(rankByPairs(ranked, [common, rare])[0]!.id).toBe('d');
  });

  it('leaves the order alone when no pair is found', () => {
    expect(rankByPairs(results, [[], []]).map((r) => r.id)).toEqual(['plan', 'law', 'topic-only', 'other']);
  });
});

describe('queries not worth searching', () => {
  it('refuses markup and single letters, accepts numbers and words', () => {
    expect(queryProblem('<script>', 'script')).toBe('markup');
    expect(queryProblem('x', 'x')).toBe('too-short');
    expect(queryProblem('a b', 'a b')).toBe('too-short');
    expect(queryProblem('?!…', '')).toBe('no-words');
    expect(queryProblem('', '')).toBeNull();
    expect(queryProblem('5', '5')).toBeNull();
    expect(queryProblem('dân vận', 'dan van')).toBeNull();
  });
});

describe('one-letter typos', () => {
  it('knows one edit from two', () => {
    expect(oneEditApart('quyn', 'quyen')).toBe(true);
    expect(oneEditApart('chinh', 'chnih')).toBe(true);
    expect(oneEditApart('chinh', 'chinhh')).toBe(true);
    expect(oneEditApart('chinh', 'chanh')).toBe(true);
    expect(oneEditApart('chinh', 'chanhh')).toBe(false);
    expect(oneEditApart('quyen', 'quyen')).toBe(false);
  });

  it('corrects unknown words of 4+ letters to known words of 5+ letters, the most frequent first', () => {
    const words = new Map<string, number>();
    addToVocabulary(words, 'Dân vận chính quyền; quyết định; Quỳnh');
    addToVocabulary(words, 'chính quyền');
    const vocabulary = vocabularyFile(words);
    expect(vocabulary.words['quyen']).toBe(2);
    expect(correctQuery('dan van chinh quyn', vocabulary)).toBe('dan van chinh quyen');
    // Known words, short words and numbers are left alone.
    expect(correctQuery('dan van chinh quyen', vocabulary)).toBeNull();
    expect(correctQuery('dam van', vocabulary)).toBeNull();
    expect(correctQuery('12345', vocabulary)).toBeNull();
  });
});

describe('common pairs', () => {
  it('lists the pairs carried by more than a quarter of the pages, and the browser skips them', async () => {
    const { commonPairs, countPairs, queryPairs } = await import('../../src/lib/search/ranking.ts');
    const counts = new Map<string, number>();
    for (let i = 0; i < 8; i++) countPairs(counts, i < 3 ? 'danvan chinhquyen danvan 33/CT-TTg ct33' : 'danvan');
    // danvan: 8 of 8 pages; chinhquyen: 3 of 8 (above a quarter); counted once per page.
    expect(counts.get('danvan')).toBe(8);
    expect(commonPairs(counts, 8)).toEqual(['chinhquyen', 'danvan']);
    expect(commonPairs(counts, 20)).toEqual(['danvan']);
    expect(queryPairs('dan van kheo', new Set(['danvan']))).toEqual(['vankheo']);
  });
});

describe('ranking meta of a document page', () => {
  it('carries the name pairs with the type, the subject pairs apart, and survives into the indexed document', async () => {
    const { indexFields } = await import('../../src/lib/search/fields.ts');
    const { searchDocument } = await import('../../src/lib/search/search-document.ts');
    const { RANK_META_ELEMENT } = await import('../../src/lib/search/ranking.ts');
    const node = {
      type: 'chi-thi', number: '30-CT/TW', issued: '1998-02-18', year: 1998, issuer: 'bo-chinh-tri', coIssuers: [],
      title: 'Về xây dựng và thực hiện Quy chế dân chủ ở cơ sở', aliases: [], province: 'ha-tinh', level: 'trung-uong',
      topics: ['dan-chu-co-so'], effectiveStatus: { status: 'unknown' },
    } as unknown as Parameters<typeof indexFields>[0];
    const names = { issuer: () => 'Bộ Chính trị', province: () => 'Hà Tĩnh', topic: () => 'Dân chủ ở cơ sở' };
    const { ranking } = indexFields(node, names);
    const name = ranking.find((l) => l.key === RANK_FIELDS.name.meta)!.text.split(' ');
    const subject = ranking.find((l) => l.key === RANK_FIELDS.subject.meta)!.text.split(' ');
    expect(name).toEqual(expect.arrayContaining(['chithi', 'danchu', 'coso']));
    expect(subject).toEqual(['danchu', 'chuo', 'coso', 'hatinh']);
    // The page as rendered (SearchIndexFields.astro) → the indexed document → what the indexer reads back.
    const page = `<html><body><article data-pagefind-body><h1>Chỉ thị 30</h1><div hidden data-pagefind-ignore>${ranking
      .map((l) => `<span data-pagefind-meta="${l.key}">${l.text}</span>`)
      .join('')}</div><p>Nội dung.</p></article></body></html>`;
    const read = [...searchDocument(page)!.matchAll(RANK_META_ELEMENT)].map((m) => [m[1], m[2]]);
    expect(read).toEqual(ranking.map((l) => [l.key, l.text]));
  });
});
