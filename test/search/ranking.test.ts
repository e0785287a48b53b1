import { describe, expect, it } from 'vitest';
import {
  FIELD_WEIGHTS,
  correctQuery,
  oneEditApart,
  pairTokens,
  queryPairs,
  queryProblem,
  rankByPairs,
  rankingLines,
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

  it('gives each field its pairs at the field weight (its words are indexed from the text already)', () => {
    const lines = rankingLines({ name: ['Dân chủ ở cơ sở'], subject: ['Hà Tĩnh', 'Hà'] });
    expect(lines).toEqual([
      { weight: FIELD_WEIGHTS.name, text: 'danchu chuo coso' },
      { weight: FIELD_WEIGHTS.subject, text: 'hatinh' },
    ]);
  });
});

describe('rankByPairs', () => {
  const results = [
    { id: 'plan', score: 9 },
    { id: 'law', score: 3 },
    { id: 'topic-only', score: 5 },
    { id: 'other', score: 8 },
  ];
  it('puts pages carrying the query pairs first, the title (higher score) before the topic', () => {
    const danchu = [{ id: 'law', score: 10 }, { id: 'topic-only', score: 6 }];
    const coso = [{ id: 'law', score: 10 }, { id: 'topic-only', score: 6 }, { id: 'plan', score: 1 }];
    expect(rankByPairs(results, [danchu, [], coso]).map((r) => r.id)).toEqual(['law', 'topic-only', 'plan', 'other']);
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
