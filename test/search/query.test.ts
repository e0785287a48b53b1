import { describe, expect, it } from 'vitest';
import { normalizeQuery, parseNumberQuery, MAX_QUERY_LENGTH } from '../../src/lib/search/query.ts';

describe('normalizeQuery', () => {
  it('gives one folded form for every way of typing the same words', () => {
    const forms = ['Tỉnh uỷ Hoà Bình', 'Tỉnh ủy Hòa Bình', 'tinh uy hoa binh', 'TỈNH ỦY HÒA BÌNH', 'Tỉnh uỷ Hoà Bình'.normalize('NFD')];
    const folded = new Set(forms.map((f) => normalizeQuery(f).folded));
    expect([...folded]).toEqual(['tinh uy hoa binh']);
  });

  it('folds đ to d', () => {
    expect(normalizeQuery('Đảng ủy').folded).toBe('dang uy');
    expect(normalizeQuery('Đảng ủy').hasDiacritics).toBe(true);
    expect(normalizeQuery('dang uy').hasDiacritics).toBe(false);
  });

  it('makes tone placement canonical in the exact form, so old and new spellings search alike', () => {
    expect(normalizeQuery('Tỉnh uỷ').exact).toBe(normalizeQuery('Tỉnh ủy').exact);
    expect(normalizeQuery('hoá'.normalize('NFD')).exact).toBe('hóa');
  });

  it('reduces hostile input to plain words or nothing', () => {
    expect(normalizeQuery('<script>alert(1)</script>').exact).not.toMatch(/[<>()]/);
    expect(normalizeQuery('!!! ??? ... ///').exact).toBe('');
    expect(normalizeQuery('a'.repeat(5000)).exact.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });
});

describe('parseNumberQuery', () => {
  const cases: Array<[string, { serial: string; types?: string[]; symbol?: string | null; year?: number | null }]> = [
    ['33/CT-TTg', { serial: '33', types: ['chi-thi'], symbol: 'ctttg' }],
    ['33/ct-ttg', { serial: '33', types: ['chi-thi'], symbol: 'ctttg' }],
    ['33 CT-TTg', { serial: '33', types: ['chi-thi'], symbol: 'ctttg' }],
    ['CT-TTg 33', { serial: '33', types: ['chi-thi'], symbol: 'ctttg' }],
    ['33 / CT - TTg', { serial: '33', symbol: 'ctttg' }],
    ['chỉ thị 33', { serial: '33', types: ['chi-thi'], symbol: null }],
    ['chi thi so 33', { serial: '33', types: ['chi-thi'], symbol: null }],
    ['ct33', { serial: '33', types: ['chi-thi'], symbol: null }],
    ['114-KL/TW', { serial: '114', types: ['ket-luan'], symbol: 'kltw' }],
    ['kết luận 114', { serial: '114', types: ['ket-luan'] }],
    ['kl 114', { serial: '114', types: ['ket-luan'] }],
    ['quy định 11', { serial: '11', types: ['quy-dinh'] }],
    ['11-QĐi/TW', { serial: '11', types: ['quy-dinh'], symbol: 'qdtw' }],
    ['290', { serial: '290', types: [], symbol: null, year: null }],
    ['290 năm 2010', { serial: '290', year: 2010 }],
    ['Chỉ thị số 33/CT-TTg ngày 26/11/2021', { serial: '33', types: ['chi-thi'], year: 2021 }],
    ['03/2007/QĐ-BNV', { serial: '3', symbol: 'qdbnv', year: 2007 }],
    ['nq30c', { serial: '30c', types: ['nghi-quyet'] }],
  ];
  it.each(cases)('reads %s', (query, expected) => {
    const parsed = parseNumberQuery(query);
    expect(parsed).not.toBeNull();
    expect(parsed).toMatchObject(expected);
  });

  it('reads QĐ 23-QĐ/TW as the number 23 with symbol QĐ/TW, among the types written QĐ', () => {
    const parsed = parseNumberQuery('QĐ 23-QĐ/TW')!;
    expect(parsed.serial).toBe('23');
    expect(parsed.symbol).toBe('qdtw');
    expect(parsed.types).toContain('quyet-dinh');
  });

  it.each(['dân vận khéo', 'điều 3', 'khoản 1 điều 3', 'giai đoạn 2016-2021', 'nhiệm kỳ 2020-2025', '', '<script>alert(1)</script>', '///'])(
    'does not turn %j into a number lookup',
    (query) => {
      expect(parseNumberQuery(query)).toBeNull();
    },
  );
});
