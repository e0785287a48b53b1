import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, findReferences, type CorpusEntry } from '../../src/lib/citations/index.ts';

function entry(id: string, type: CorpusEntry['type'], number: string | null, issued: string, province: string | null = null, aliases: string[] = []): CorpusEntry {
  return { id, type, number, year: Number(issued.slice(0, 4)), issued, issuer: 'x', province, aliases };
}

const index = buildCorpusIndex(
  [
    entry('ct33-2021', 'chi-thi', '33/CT-TTg', '2021-11-26'),
    entry('ct33-2026', 'chi-thi', '33/CT-TTg', '2026-08-14'),
    entry('qd290', 'quyet-dinh', '290-QĐ/TW', '2010'),
    entry('qd290-local', 'quyet-dinh', '290/QĐ-UBND', '2015-03-01', 'ha-tinh'),
    entry('qdi11', 'quy-dinh', '11-QĐi/TW', '2019-02-18'),
    entry('nq12-ht', 'nghi-quyet', '12-NQ/TU', '2022-05-26', 'ha-tinh'),
    entry('nq12-tv', 'nghi-quyet', '12-NQ/TU', '2022-08-01', 'tra-vinh'),
    entry('ct05-a', 'chi-thi', '05-CT/TW', '2016-05-15'),
    entry('ct05-b', 'chi-thi', '05/CT-TTg', '2020-02-01'),
    entry('luat-dcs', 'luat', '10/2022/QH15', '2022-11-10', null, ['Luật Thực hiện dân chủ ở cơ sở']),
  ],
  [{ id: 'ha-tinh', name: 'Hà Tĩnh' }, { id: 'tra-vinh', name: 'Trà Vinh' }],
);

const one = (text: string, ctx = {}) => {
  const refs = findReferences(text, index, ctx);
  expect(refs).toHaveLength(1);
  return refs[0]!;
};

describe('resolve', () => {
  it('year decides between two documents with one number', () => {
    expect(one('Chỉ thị số 33/CT-TTg ngày 26/11/2021')).toMatchObject({ target: 'ct33-2021', key: '33/CT-TTg@2021' });
    expect(one('Chỉ thị số 33/CT-TTg ngày 14/8/2026')).toMatchObject({ target: 'ct33-2026', key: '33/CT-TTg@2026' });
  });

  it('no year written: only a unique document in scope', () => {
    expect(one('Chỉ thị số 33/CT-TTg', { date: '2022-03-01' })).toMatchObject({ target: 'ct33-2021', year: 2021 });
    const r = one('Chỉ thị số 33/CT-TTg', { date: '2027-01-01' });
    expect(r).toMatchObject({ target: null, key: null });
    expect(r.candidates.sort()).toEqual(['ct33-2021', 'ct33-2026']);
  });

  it('no year written: a dated mention elsewhere in the text decides', () => {
    const refs = findReferences('Chỉ thị số 33/CT-TTg về an toàn thực phẩm. Căn cứ Chỉ thị số 33/CT-TTg ngày 14/8/2026.', index, { date: '2027-01-01' });
    expect(refs.map((r) => r.target)).toEqual(['ct33-2026', 'ct33-2026']);
  });

  it('a document not in the corpus keeps its parsed identity', () => {
    expect(one('Kế hoạch số 45-KH/TU ngày 02/3/2023 của Tỉnh ủy', { province: 'ha-tinh' })).toMatchObject({
      type: 'ke-hoach', number: '45', symbol: 'KH/TU', year: 2023, key: '45-KH/TU@2023', target: null, province: 'ha-tinh',
    });
    expect(one('Nghị quyết số 01/NQ-CP')).toMatchObject({ number: '01', symbol: 'NQ-CP', year: null, key: null, target: null });
  });

  it('bare numbers resolve only to a unique candidate issued no later than the citing document', () => {
    expect(one('Quyết định số 290 của Bộ Chính trị', { date: '2016-01-01' })).toMatchObject({ target: 'qd290', key: '290-QĐ/TW@2010' });
    expect(one('Quyết định số 290 của Bộ Chính trị', { date: '2009-01-01' })).toMatchObject({ target: null, key: null });
    // Two Chỉ thị 05 in the corpus: the issuer named decides, else nothing is guessed.
    expect(one('Chỉ thị số 05 của Bộ Chính trị')).toMatchObject({ target: 'ct05-a' });
    expect(one('Chỉ thị số 05')).toMatchObject({ target: null, key: null });
  });

  it('QĐi = QĐ for Quy định', () => {
    expect(one('Quy định số 11-QĐ/TW ngày 18/02/2019')).toMatchObject({ target: 'qdi11', key: '11-QĐi/TW@2019' });
  });

  it('local symbols resolve within the citing province unless another is named', () => {
    expect(one('Nghị quyết số 12-NQ/TU', { province: 'ha-tinh' })).toMatchObject({ target: 'nq12-ht', province: 'ha-tinh' });
    expect(one('Nghị quyết số 12-NQ/TU của Tỉnh ủy Trà Vinh', { province: 'ha-tinh' })).toMatchObject({ target: 'nq12-tv', province: 'tra-vinh' });
    expect(one('Nghị quyết số 12-NQ/TU')).toMatchObject({ target: null });
    expect(one('Nghị quyết số 12-NQ/TU của Tỉnh ủy Quảng Ngãi', { province: 'ha-tinh' })).toMatchObject({ target: null, province: null });
  });

  it('short forms take the identity of the alias or of an earlier fuller mention', () => {
    const text = 'Chỉ thị số 33/CT-TTg ngày 14/8/2026 (sau đây gọi tắt là Chỉ thị 33). Triển khai Chỉ thị 33 và Chỉ thị số 33.';
    expect(findReferences(text, index).map((r) => [r.key, r.target, r.shortForm])).toEqual([
      ['33/CT-TTg@2026', 'ct33-2026', false],
      ['33/CT-TTg@2026', 'ct33-2026', true],
      ['33/CT-TTg@2026', 'ct33-2026', true],
      ['33/CT-TTg@2026', 'ct33-2026', true],
    ]);
  });

  it('a bare number without "số" and without support is dropped', () => {
    expect(findReferences('Kết luận 2 vấn đề trọng tâm.', index)).toEqual([]);
  });

  it('named references through corpus aliases and the plenum table', () => {
    // A law cited by name has no number in the text (labels: number and canonical null); the link still resolves.
    expect(one('Thực hiện Luật Thực hiện dân chủ ở cơ sở.')).toMatchObject({ target: 'luat-dcs', number: null, key: null, named: true });
    expect(one('Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022;')).toMatchObject({ text: 'Luật Thực hiện dân chủ ở cơ sở năm 2022', target: 'luat-dcs', number: null });
    expect(one('Nghị quyết Trung ương 4 khóa XII')).toMatchObject({ key: '04-NQ/TW@2016', named: true });
    expect(one('Nghị quyết Đại hội XIII')).toMatchObject({ key: null, year: 2021, named: true });
  });

  it('never its own document', () => {
    expect(one('Chỉ thị số 33/CT-TTg ngày 26/11/2021', { selfId: 'ct33-2021' })).toMatchObject({ target: null, key: '33/CT-TTg@2021' });
  });
});
