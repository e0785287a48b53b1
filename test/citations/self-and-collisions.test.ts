/**
 * A text never cites itself (its own number, read from its header, is dropped; its date
 * and province stand in for those not given), and a number known to name several
 * documents resolves only by its context, never by the corpus holding one of them.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, findReferences, type CorpusEntry } from '../../src/lib/citations/index.ts';
import { comparableSerial, comparableSymbol } from '../../src/lib/citations/resolve.ts';
import { inferSelf } from '../../src/lib/citations/self.ts';
import { COLLIDING_NUMBERS } from '../../src/lib/citations/collisions.ts';
import { parseDocumentNumber } from '../../src/lib/identity.ts';

const provinces = [
  { id: 'ha-tinh', name: 'Hà Tĩnh' },
  { id: 'tra-vinh', name: 'Trà Vinh' },
];
const corpus: CorpusEntry[] = [
  { id: 'nq-25-2013', type: 'nghi-quyet', number: '25-NQ/TW', year: 2013, issued: '2013-06-03', issuer: 'bch-tw', province: null, aliases: [] },
  { id: 'kh-12-tu-2022-ha-tinh', type: 'ke-hoach', number: '12-KH/TU', year: 2022, issued: '2022-03-01', issuer: 'tinh-uy', province: 'ha-tinh', aliases: [] },
];
const index = buildCorpusIndex(corpus, provinces);
const comparable = (serial: string, symbol: string) => `${comparableSerial(serial)}|${comparableSymbol(symbol)}`;
const texts = (t: string) => findReferences(t, index).map((r) => r.text);

describe('the text itself', () => {
  it.each([
    ['Số hiệu: 1236/QĐ-UBND    Loại văn bản: Quyết định\n', '1236/QĐ-UBND'],
    ['ỦY BAN NHÂN DÂN\nSố: 45/KH-UBND\nHà Tĩnh, ngày 1 tháng 2 năm 2023\n', '45/KH-UBND'],
    ['TỈNH ỦY HÀ TĨNH\nSố:\n142-KH/TU\n', '142-KH/TU'],
    ['SỐ 34/2007/PL-UBTVQH11\n', '34/2007/PL-UBTVQH11'],
    ['QUY CHẾ\n(Kèm theo Quyết định số 56/QĐ-UBND ngày 12/4/2010 của Ủy ban nhân dân huyện)\n', '56/QĐ-UBND'],
  ])('reads its own number from %j', (header, own) => {
    const parsed = parseDocumentNumber(own)!;
    expect([...inferSelf(header, [], comparable).numbers]).toContain(comparable(parsed.serial, parsed.symbol));
  });

  it('never reports its own number, in its title, header or later furniture; reports what it cites', () => {
    const text = [
      'Kế hoạch 58/KH-UBND năm 2022 thực hiện công tác dân vận',
      'Số hiệu: 58/KH-UBND | Loại văn bản: Kế hoạch',
      'Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.',
      'Lưu: Kế hoạch 58/KH-UBND năm 2022.',
    ].join('\n');
    expect(texts(text)).toEqual(['Chỉ thị số 33/CT-TTg ngày 26/11/2021']);
  });

  it('a news headline that cites a document is no header: the citation stays', () => {
    expect(texts('Kiểm tra việc thực hiện Chỉ thị số 16/CT-TTg tại tỉnh\nNgày 19/4/2021, đoàn công tác làm việc.')).toEqual(['Chỉ thị số 16/CT-TTg']);
  });

  it('takes its date and province from the header for what was not given', () => {
    const header = 'BAN THƯỜNG VỤ TỈNH ỦY HÀ TĨNH\nSố: 30-KH/TU\nHà Tĩnh, ngày 08 tháng 01 năm 2024\n';
    expect(inferSelf(header, index.provinces, comparable)).toMatchObject({ date: '2024-01-08', province: 'ha-tinh' });
    expect(inferSelf('Thứ Hai, 30/12/2024\nTin tức', [], comparable).date).toBe('2024-12-30');
    expect(inferSelf('Ngày ban hành: 05/06/2023 | Tình trạng: Đã biết', [], comparable).date).toBe('2023-06-05');
    // The local number resolves in the province of the header; given a province, that one wins.
    const body = `${header}Thực hiện Kế hoạch số 12-KH/TU của Ban Thường vụ.`;
    expect(findReferences(body, index)[0]!.target).toBe('kh-12-tu-2022-ha-tinh');
    expect(findReferences(body, index, { province: 'tra-vinh' })[0]!.target).toBeNull();
  });
});

describe('numbers known to collide', () => {
  it('the data lists each number with two or more versions and a source', () => {
    for (const c of COLLIDING_NUMBERS) {
      expect(parseDocumentNumber(c.number), c.number).not.toBeNull();
      expect(c.versions.length).toBeGreaterThanOrEqual(2);
      expect(c.sources.length).toBeGreaterThan(0);
    }
  });

  const keyOf = (t: string, date?: string) => findReferences(t, index, { date: date ?? null })[0]!.key;

  it('the only candidate in the corpus is no evidence: undated and without context, no key and no target', () => {
    const [r] = findReferences('Tiếp tục thực hiện Nghị quyết số 25-NQ/TW ở cơ sở.', index);
    expect(r).toMatchObject({ key: null, target: null });
  });

  it('the term, the title words, the citing date and the issuer each single one out', () => {
    expect(keyOf('thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XI;')).toBe('25-NQ/TW@2013');
    expect(keyOf('thực hiện Nghị quyết số 25-NQ/TW về công tác tôn giáo;')).toBe('25-NQ/TW@2003');
    expect(keyOf('thực hiện Nghị quyết số 25-NQ/TW ở cơ sở.', '2005-01-01')).toBe('25-NQ/TW@2003');
    expect(keyOf('thực hiện Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ về phòng, chống dịch COVID-19;')).toBe('16/CT-TTg@2020');
    expect(keyOf('thực hiện Chỉ thị số 16/CT-TTg ở cơ sở.', '2018-01-01')).toBe('16/CT-TTg@2016');
    // A short form of a colliding number follows the same rule.
    expect(keyOf('quán triệt Chỉ thị số 35 của Bộ Chính trị khóa XII về đại hội đảng bộ các cấp')).toBe('35-CT/TW@2019');
  });

  it('a year written anywhere in the text decides before any of that', () => {
    expect(keyOf('Nghị quyết số 25-NQ/TW về công tác tôn giáo; Nghị quyết số 25-NQ/TW ngày 03/6/2013')).toBe('25-NQ/TW@2013');
  });
});
