import { describe, expect, it } from 'vitest';
import {
  correctQuery,
  oneEditApart,
  pairTokens,
  queryPairs,
  queryProblem,
  ownName,
  pairStrength,
  rankByPairs,
} from '../../src/lib/search/ranking.ts';
import { FIELD_NAME, FIELD_SUBJECT } from '../../src/lib/search/index-format.ts';

describe('pair tokens', () => {
  it('joins adjacent folded syllables, skipping numbers and too-short pairs', () => {
    expect(pairTokens('Luật Thực hiện dân chủ ở cơ sở')).toEqual(['luatthuc', 'thuchien', 'hiendan', 'danchu', 'chuo', 'coso']);
    expect(pairTokens('Đảng ủy 2021')).toEqual(['danguy']);
    expect(queryPairs('dan chu co so')).toEqual(['danchu', 'chuco', 'coso']);
    expect(queryPairs('a b c d e f g h i')).toEqual([]);
  });

  it("names a document by its type and trích yếu, the type once", () => {
    expect(ownName('Chỉ thị', 'Về xây dựng và thực hiện Quy chế dân chủ ở cơ sở')).toBe('Chỉ thị Về xây dựng và thực hiện Quy chế dân chủ ở cơ sở');
    expect(ownName('Luật', 'Luật Thực hiện dân chủ ở cơ sở')).toBe('Luật Thực hiện dân chủ ở cơ sở');
    expect(pairTokens(ownName('Chỉ thị', 'Về dân vận'))).toContain('chithi');
  });
});

describe('rankByPairs', () => {
  const name = FIELD_NAME;
  const subject = FIELD_SUBJECT;
  const both = FIELD_NAME | FIELD_SUBJECT;

  it('counts a pair in the own name more than in a topic, both more than either', () => {
    expect(pairStrength({ id: 1, fields: name })).toBeGreaterThan(pairStrength({ id: 1, fields: subject }));
    expect(pairStrength({ id: 1, fields: both })).toBeGreaterThan(pairStrength({ id: 1, fields: name }));
    expect(pairStrength({ id: 1, fields: 0 })).toBe(0);
  });

  const results = [
    { id: 1, score: 9 },
    { id: 2, score: 3 },
    { id: 3, score: 5 },
    { id: 4, score: 8 },
  ];
  it('puts pages carrying the query pairs first, the name before the topic', () => {
    const danchu = [{ id: 2, fields: both }, { id: 3, fields: subject }];
    const coso = [{ id: 2, fields: both }, { id: 3, fields: subject }, { id: 1, fields: subject }];
    expect(rankByPairs(results, [danchu, [], coso]).map((r) => r.id)).toEqual([2, 3, 1, 4]);
  });

  it('orders equal matches by foundation weight, whatever their word scores', () => {
    // The law and the decrees that carry its name: the same pairs in the same fields.
    const ranked = [
      { id: 5, score: 9 },
      { id: 1, score: 8 },
      { id: 2, score: 2 },
      { id: 6, score: 1 },
      { id: 7, score: 10 },
    ];
    const hits = [5, 1, 2, 6].map((id) => ({ id, fields: both }));
    const foundation = new Map([[2, 6], [6, 3.5], [5, 1]]);
    expect(rankByPairs(ranked, [hits, hits], foundation).map((r) => r.id)).toEqual([2, 6, 5, 1, 7]);
    // Foundation weight only breaks ties: a page matching the pairs better stays ahead of it.
    const nameOnly = hits.map((h) => (h.id === 1 ? h : { ...h, fields: name }));
    expect(rankByPairs(ranked, [hits, nameOnly], foundation)[0]!.id).toBe(1);
    // Without weights, the given order breaks the tie.
    expect(rankByPairs(ranked, [hits]).map((r) => r.id)).toEqual([5, 1, 2, 6, 7]);
  });

  it('counts a rare pair more than a common one', () => {
    const ranked = [{ id: 11 }, { id: 12 }, { id: 13 }, { id: 14 }];
    const common = [11, 12, 13].map((id) => ({ id, fields: name }));
    const rare = [{ id: 14, fields: name }];
    expect(rankByPairs(ranked, [common, rare])[0]!.id).toBe(14);
  });

  it('leaves the order alone when no pair is found', () => {
    expect(rankByPairs(results, [[], []]).map((r) => r.id)).toEqual([1, 2, 3, 4]);
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
    const vocabulary = { words: { dan: 1, van: 1, chinh: 2, quyen: 2, quyet: 1, dinh: 1, quynh: 1 } };
    expect(correctQuery('dan van chinh quyn', vocabulary)).toBe('dan van chinh quyen');
    // Known words, short words and numbers are left alone.
    expect(correctQuery('dan van chinh quyen', vocabulary)).toBeNull();
    expect(correctQuery('dam van', vocabulary)).toBeNull();
    expect(correctQuery('12345', vocabulary)).toBeNull();
  });
});

describe('common pairs', () => {
  it('leaves out the pairs the browser was told are common', () => {
    expect(queryPairs('dan van kheo', new Set(['danvan']))).toEqual(['vankheo']);
  });
});
