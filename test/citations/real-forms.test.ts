/**
 * Forms of real directive texts beyond the seed set: kinds outside the type table, number
 * typography (thousands dots, case, spaced separators), qualifiers before "số", named
 * laws with their date, local congresses, and what must stay out.
 */
import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../src/lib/citations/extract.ts';
import { buildCorpusIndex, findReferences } from '../../src/lib/citations/index.ts';

function read(text: string) {
  return extractMentions(text).map((m) => ({
    surface: text.slice(m.start, m.end),
    serial: m.serial,
    symbol: m.symbol,
    year: m.yearInNumber ?? m.dateYear ?? m.sharedYear,
  }));
}

const empty = buildCorpusIndex([]);

describe('kinds real texts cite', () => {
  it.each([
    ['triển khai Đề án số 06-ĐA/TU ngày 10/5/2021 của Ban Thường vụ', 'Đề án số 06-ĐA/TU ngày 10/5/2021', '06', 'ĐA/TU', 2021],
    ['theo Công điện số 12/CĐ-TTg ngày 5/3/2020 của Thủ tướng', 'Công điện số 12/CĐ-TTg ngày 5/3/2020', '12', 'CĐ-TTg', 2020],
    ['Báo cáo số 125/BC-BNV ngày 12/01/2024 của Bộ', 'Báo cáo số 125/BC-BNV ngày 12/01/2024', '125', 'BC-BNV', 2024],
    ['tại Tờ trình số 45/TTr-BNV ngày 20/02/2024', 'Tờ trình số 45/TTr-BNV ngày 20/02/2024', '45', 'TTr-BNV', 2024],
    ['Thông tư liên tịch số 01/2012/TTLT-BNV-BTC của', 'Thông tư liên tịch số 01/2012/TTLT-BNV-BTC', '01', 'TTLT-BNV-BTC', 2012],
    ['Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN ngày 17/4/2008', 'Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN ngày 17/4/2008', '09', 'NQLT-CP-UBTWMTTQVN', 2008],
    ['Chương trình hành động số 45-CTr/TU ngày 15/3/2021', 'Chương trình hành động số 45-CTr/TU ngày 15/3/2021', '45', 'CTr/TU', 2021],
    ['Thông báo kết luận số 12-TB/TW của Ban Bí thư', 'Thông báo kết luận số 12-TB/TW', '12', 'TB/TW', null],
    ['theo Văn bản số 123/UBND-NC ngày 05.3.2022 của', 'Văn bản số 123/UBND-NC ngày 05.3.2022', '123', 'UBND-NC', 2022],
    ['Công văn số 2345/UBND-VX ngày 05-3-2021', 'Công văn số 2345/UBND-VX ngày 05-3-2021', '2345', 'UBND-VX', 2021],
  ])('%s', (text, surface, serial, symbol, year) => {
    expect(read(text)).toEqual([{ surface, serial, symbol, year }]);
  });

  it('a law number without its type word is a law', () => {
    expect(findReferences('(số 02/2011/QH13)', empty)[0]).toMatchObject({ type: 'luat', number: '02', symbol: 'QH13', key: '02/2011/QH13@2011' });
  });

  it('kinds outside the type table keep number and key, with type null', () => {
    const [r] = findReferences('Triển khai Đề án số 06-ĐA/TU ngày 10/5/2021.', empty);
    expect(r).toMatchObject({ type: null, number: '06', symbol: 'ĐA/TU', key: '06-ĐA/TU@2021' });
  });

  it('their short forms refer back within their own kind', () => {
    const refs = findReferences('Đề án số 06-ĐA/TU ngày 10/5/2021 của Tỉnh ủy; sơ kết Đề án số 06 và Chỉ thị số 06.', empty);
    expect(refs.map((r) => [r.text, r.key])).toEqual([
      ['Đề án số 06-ĐA/TU ngày 10/5/2021', '06-ĐA/TU@2021'],
      ['Đề án số 06', '06-ĐA/TU@2021'],
      ['Chỉ thị số 06', null],
    ]);
  });

  it('the Constitution with its year; "Hiến pháp và pháp luật" is no reference', () => {
    expect(findReferences('Căn cứ Hiến pháp năm 2013; Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992.', empty).map((r) => [r.text, r.number, r.named])).toEqual([
      ['Hiến pháp năm 2013', null, true],
      ['Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992', null, true],
    ]);
    expect(read('hoạt động theo Hiến pháp và pháp luật; tuân thủ hiến pháp năm 2013')).toEqual([]);
  });
});

describe('number typography', () => {
  it.each([
    ['Quyết định số 1.234/QĐ-UBND ngày 5/3/2020 của', 'Quyết định số 1.234/QĐ-UBND ngày 5/3/2020', '1234', 'QĐ-UBND', 2020],
    ['Chỉ thị số 33/ct-TTg ngày 26/11/2021', 'Chỉ thị số 33/ct-TTg ngày 26/11/2021', '33', 'CT-TTg', 2021],
    ['Nghị quyết số 25-nq/tw của', 'Nghị quyết số 25-nq/tw', '25', 'NQ/TW', null],
    ['Chỉ thị số 33 / CT-TTg ngày 26/11/2021', 'Chỉ thị số 33 / CT-TTg ngày 26/11/2021', '33', 'CT-TTg', 2021],
    ['Nghị quyết số 25 - NQ/TW ngày 03/6/2013', 'Nghị quyết số 25 - NQ/TW ngày 03/6/2013', '25', 'NQ/TW', 2013],
    ['Nghị quyết số 25-NQ / TW của', 'Nghị quyết số 25-NQ / TW', '25', 'NQ/TW', null],
    ['thực hiện Hướng dẫn số: 21-HD/BTGTW ngày 20/6/2022', 'Hướng dẫn số: 21-HD/BTGTW ngày 20/6/2022', '21', 'HD/BTGTW', 2022],
    ['Thực hiện Quyết định thanh tra số 35/QĐ-TTr ngày 5/8/2022 của', 'Quyết định thanh tra số 35/QĐ-TTr ngày 5/8/2022', '35', 'QĐ-TTr', 2022],
    ['theo Kế hoạch kiểm tra số 12-KH/UBKTTU của', 'Kế hoạch kiểm tra số 12-KH/UBKTTU', '12', 'KH/UBKTTU', null],
  ])('%s', (text, surface, serial, symbol, year) => {
    expect(read(text)).toEqual([{ surface, serial, symbol, year }]);
  });

  it('a list sharing one type word and one date: "các Quyết định số 217-QĐ/TW, 218-QĐ/TW ngày …"', () => {
    expect(read('các Quyết định số 217-QĐ/TW, 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị')).toEqual([
      { surface: 'Quyết định số 217-QĐ/TW', serial: '217', symbol: 'QĐ/TW', year: 2013 },
      { surface: '218-QĐ/TW ngày 12/12/2013', serial: '218', symbol: 'QĐ/TW', year: 2013 },
    ]);
  });

  it('a mention broken before a lower-case "số" is still one mention', () => {
    expect(read('Quyết định\nsố 1234/QĐ-TTg ngày 10/8/2020')[0]!.surface).toBe('Quyết định\nsố 1234/QĐ-TTg ngày 10/8/2020');
  });

  it('a qualifier is lower-case and no demonstrative', () => {
    expect(read('Chỉ thị này số 28-CT/TU được phổ biến').map((m) => m.surface)).toEqual(['28-CT/TU']);
  });
});

describe('named references', () => {
  it('laws with their year or date, and a local congress', () => {
    const text = 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 (sửa đổi, bổ sung năm 2019); Luật Cán bộ, công chức năm 2008; quán triệt Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020 - 2025.';
    const refs = findReferences(text, empty);
    expect(refs.map((r) => [r.text, r.number, r.year, r.key])).toEqual([
      ['Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015', null, 2015, null],
      ['Luật Cán bộ, công chức năm 2008', null, 2008, null],
      // A local term (XIX) is no national congress: no year follows from it.
      ['Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX', null, null, null],
    ]);
  });

  it('a corpus alias needs the capitalisation of a name', () => {
    const index = buildCorpusIndex([
      { id: 'qd23', type: 'quy-che', number: null, year: 2021, issued: '2021-07-30', issuer: 'x', province: null, aliases: ['Quy chế công tác dân vận của hệ thống chính trị'] },
    ]);
    expect(findReferences('nhiều nơi chưa xây dựng quy chế công tác dân vận của hệ thống chính trị ở cơ sở', index)).toEqual([]);
    expect(findReferences('thực hiện Quy chế công tác dân vận của hệ thống chính trị', index).map((r) => r.target)).toEqual(['qd23']);
  });

  it('an alias of another type word names the document for the rest of the text', () => {
    const text = 'Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị ban hành Quy chế công tác dân vận (gọi tắt là Quy chế 23). Cụ thể hóa Quy chế 23 ở cơ sở.';
    expect(findReferences(text, empty).map((r) => [r.text, r.key, r.shortForm])).toEqual([
      ['Quyết định số 23-QĐ/TW ngày 30/7/2021', '23-QĐ/TW@2021', false],
      ['Quy chế 23', '23-QĐ/TW@2021', true],
      ['Quy chế 23', '23-QĐ/TW@2021', true],
    ]);
  });
});

describe('not references', () => {
  it.each([
    'Số:       /QĐ-UBND',
    'TỈNH ỦY HÀ TĨNH\n*\nSố 28-CT/TU',
    'báo cáo theo Mẫu số 02/BC và Biểu số 01/TH-UBND kèm theo',
    'theo Phụ lục số 3, khoản 2, Điều 7 và điểm a khoản 1',
    'điện thoại 0239.3855.xxx, Tel: 0239 3 855 123',
    'giai đoạn 2021-2025, nhiệm kỳ 2020 - 2025',
    'tỷ lệ 98/100 xã; 10/10 huyện; đạt 12,5%',
    'họp lúc 14h30 tại số 12 đường Phan Đình Phùng, tuyến QL1A',
    'Quý III/2023 và 1.566/1.853 thủ tục',
    'HỘI ĐỒNG NHÂN DÂN\nTỈNH NAM ĐỊNH\nNGHỊ QUYẾT\nSố: 12/2023/NQ-HĐND',
    'KẾ HOẠCH\nSố 45/KH-UBND\nTriển khai công tác dân vận',
  ])('%s', (text) => {
    expect(read(text)).toEqual([]);
  });
});

describe('issuer text stops at the issuer name', () => {
  it.each([
    ['định kỳ báo cáo Chỉ thị số 05-CT/TW của Ban Thường vụ Tỉnh ủy để tăng cường tiếp xúc', 'Ban Thường vụ Tỉnh ủy'],
    ['Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị ở một số nơi chưa thường xuyên', 'Bộ Chính trị'],
    ['Quyết định số 1234/QĐ-TTg ngày 10 tháng 8 năm 2020 của Thủ tướng Chính phủ phê duyệt Đề án', 'Thủ tướng Chính phủ'],
    ['Kế hoạch số 17/KH-UBND của Ủy ban nhân dân tỉnh Trà Vinh nhằm trao đổi', 'Ủy ban nhân dân tỉnh Trà Vinh'],
    ['Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XI', 'Ban Chấp hành Trung ương Đảng'],
  ])('%s', (text, issuer) => {
    expect(extractMentions(text)[0]!.issuerText).toBe(issuer);
  });
});

describe('local numbers in a central text', () => {
  it('stay unresolved without a province but keep their parsed identity', () => {
    const index = buildCorpusIndex(
      [{ id: 'nq12-ht', type: 'nghi-quyet', number: '12-NQ/TU', year: 2022, issued: '2022-05-26', issuer: 'x', province: 'ha-tinh', aliases: [] }],
      [{ id: 'ha-tinh', name: 'Hà Tĩnh' }],
    );
    const [a, b] = findReferences('Các tỉnh ủy báo cáo Nghị quyết số 12-NQ/TU ngày 26/5/2022 và Nghị quyết số 12-NQ/TU của Tỉnh ủy Hà Tĩnh.', index);
    expect(a).toMatchObject({ target: null, number: '12', symbol: 'NQ/TU', year: 2022, key: '12-NQ/TU@2022', province: null });
    expect(b).toMatchObject({ target: 'nq12-ht', key: '12-NQ/TU@2022', province: 'ha-tinh' });
  });
});

describe('symbols and typos of real texts', () => {
  it.each([
    ['theo Văn bản số 1187/STP-XD&KTVB ngày 21/9/2024 của Sở', 'Văn bản số 1187/STP-XD&KTVB ngày 21/9/2024', '1187', 'STP-XD&KTVB', 2024],
    ['Quyết định số 64/QĐ-CT.UBND ngày 02/02/2024 của Chủ tịch', 'Quyết định số 64/QĐ-CT.UBND ngày 02/02/2024', '64', 'QĐ-CT.UBND', 2024],
    ['theo Quyết định số 64/QĐ-UBND. Sau đó', 'Quyết định số 64/QĐ-UBND', '64', 'QĐ-UBND', null],
    ['Chỉ thị số 05-CT/TW2 của Bộ Chính trị', 'Chỉ thị số 05-CT/TW', '05', 'CT/TW', null],
    ['Kế hoạch số số 17/KH-UBND ngày 2/2/2022', 'Kế hoạch số số 17/KH-UBND ngày 2/2/2022', '17', 'KH-UBND', 2022],
    ['Chương trình số 79-Ctr/BDVTW - BCSĐCP ngày 4/7/2017', 'Chương trình số 79-Ctr/BDVTW - BCSĐCP ngày 4/7/2017', '79', 'CTr/BDVTW-BCSĐCP', 2017],
    ['Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN quy định', 'Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN', '403', 'NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN', 2017],
    ['Thông tư liên tịch số 04/2014/TTLT-BTP-BTNMT-BTC', 'Thông tư liên tịch số 04/2014/TTLT-BTP-BTNMT-BTC', '04', 'TTLT-BTP-BTNMT-BTC', 2014],
    ['- 3Nghị quyết 1206/2016/UBTVQH13 của Ủy ban', 'Nghị quyết 1206/2016/UBTVQH13', '1206', 'UBTVQH13', 2016],
  ])('%s', (text, surface, serial, symbol, year) => {
    expect(read(text)).toEqual([{ surface, serial, symbol, year }]);
  });

  it('an en dash between symbol parts, as typed, is one symbol (the normalise stage makes it a hyphen)', () => {
    const t = 'Chương trình số 79-Ctr/BDVTW – BCSĐCP ngày 4/7/2017';
    expect(findReferences(t, empty)[0]).toMatchObject({ text: t, key: '79-CTr/BDVTW-BCSĐCP@2017' });
  });

  it('a date opening the sentence of a signing is the date of the number signed', () => {
    const t = 'Ngày 15/3/2022, Ban Thường vụ Huyện ủy đã ký ban hành Kế hoạch số 45-KH/HU về công tác dân vận.';
    expect(findReferences(t, empty)[0]).toMatchObject({ text: 'Kế hoạch số 45-KH/HU', year: 2022, key: '45-KH/HU@2022' });
    // Without a signing, or for a second number in the sentence, the date says nothing of the number.
    expect(findReferences('Ngày 20/4/2022, Huyện ủy sơ kết Chỉ thị số 05-CT/TW của Bộ Chính trị.', empty)[0]!.year).toBeNull();
    expect(findReferences('Ngày 2/6/2022, tỉnh ký Quyết định số 11/QĐ-UBND thay Quyết định số 9/QĐ-UBND.', empty).map((r) => r.year)).toEqual([2022, null]);
  });

  it('a number glued to a capitalised type word is list numbering; glued to a lower-case word it is not', () => {
    expect(read('- 2LuậtTiếp công dân;').map((m) => m.surface)).toEqual(['LuậtTiếp công dân']);
    expect(read('phương án2Nghị quyết').map((m) => m.surface)).toEqual([]);
  });
});

