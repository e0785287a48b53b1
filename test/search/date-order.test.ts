import { describe, expect, it } from 'vitest';
import { buildDateOrder, dateOrderFile, dateRanks, pageKey, sortByDate } from '../../src/lib/search/date-order.ts';
import { splitHeading } from '../../src/lib/search/excerpt.ts';
import { TITLE_END } from '../../src/lib/search/constants.ts';

describe('date order', () => {
  const pages = [
    { id: 'vi_c3', date: '2021-05-01' },
    { id: 'vi_a1', date: '2019' },
    { id: 'vi_b2', date: '2021-05-01' },
    { id: 'vi_d4', date: '2019-03' },
    { id: 'vi_e5', date: '2015-12-31' },
  ];
  const order = buildDateOrder(pages);
  const ranks = dateRanks(order);

  it('groups pages by date, oldest first, with partial dates before the full dates they contain', () => {
    // 2015-12-31, 2019, 2019-03, 2021-05-01.
    expect(order).toEqual(['e5', 'a1', 'd4', 'b2 c3']);
    // Same pages in another order give the same file.
    expect(buildDateOrder([...pages].reverse())).toEqual(order);
    expect(dateOrderFile('vi_602a299dca')).toBe('ngay.vi_602a299dca.json');
    expect(pageKey('vi_1db7278')).toBe('1db7278');
  });

  it('sorts results newest or oldest first, keeps relevance order within a date, and puts unknown pages last', () => {
    const results = ['vi_c3', 'vi_zz', 'vi_a1', 'vi_b2', 'vi_e5'].map((id) => ({ id }));
    expect(sortByDate(results, ranks, true).map((r) => r.id)).toEqual(['vi_c3', 'vi_b2', 'vi_a1', 'vi_e5', 'vi_zz']);
    expect(sortByDate(results, ranks, false).map((r) => r.id)).toEqual(['vi_e5', 'vi_a1', 'vi_c3', 'vi_b2', 'vi_zz']);
    // The input is left as it was.
    expect(results.map((r) => r.id)).toEqual(['vi_c3', 'vi_zz', 'vi_a1', 'vi_b2', 'vi_e5']);
  });
});

describe('splitHeading', () => {
  it('reads the trích yếu back from the indexed text; the excerpt text is what follows the heading', () => {
    const content = `Chỉ thị số 33/CT-TTg Về tăng cường công tác dân vận ${TITLE_END}. Thủ tướng Chính phủ · 20/01/2021 ⁂ dang ⁂`;
    const { summary, text } = splitHeading(content, 'Chỉ thị số 33/CT-TTg');
    expect(summary).toBe('Về tăng cường công tác dân vận');
    expect(text).toBe('Thủ tướng Chính phủ · 20/01/2021 ⁂ dang ⁂');
  });
  it('shows no trích yếu for text without the mark', () => {
    expect(splitHeading('Một trang cũ.', 'Một trang')).toEqual({ summary: '', text: 'Một trang cũ.' });
  });
});
