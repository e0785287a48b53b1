import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../src/lib/citations/extract.ts';

/** Surface, serial, symbol and year of each mention. */
function read(text: string) {
  return extractMentions(text).map((m) => ({
    surface: text.slice(m.start, m.end),
    serial: m.serial,
    symbol: m.symbol,
    year: m.yearInNumber ?? m.dateYear ?? m.sharedYear,
  }));
}

describe('extract: number forms', () => {
  it.each([
    ['Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng', 'Chỉ thị số 33/CT-TTg ngày 26/11/2021', '33', 'CT-TTg', 2021],
    ['theo Quyết định số 03/2007/QĐ-BNV của Bộ Nội vụ', 'Quyết định số 03/2007/QĐ-BNV', '03', 'QĐ-BNV', 2007],
    ['Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ', 'Nghị định số 30/2020/NĐ-CP ngày 05/3/2020', '30', 'NĐ-CP', 2020],
    ['Luật số 80/2015/QH13 ban hành', 'Luật số 80/2015/QH13', '80', 'QH13', 2015],
    ['Nghị quyết số 25-NQ/TW ngày 03 tháng 6 năm 2013 của', 'Nghị quyết số 25-NQ/TW ngày 03 tháng 6 năm 2013', '25', 'NQ/TW', 2013],
    ['Quy định số 11-QĐi/TW, ngày 18/2/2019 của Bộ Chính trị', 'Quy định số 11-QĐi/TW, ngày 18/2/2019', '11', 'QĐi/TW', 2019],
    ['Chương trình phối hợp số 79-CTr/BDVTW-BCSĐCP ngày 11/10/2016 giữa', 'Chương trình phối hợp số 79-CTr/BDVTW-BCSĐCP ngày 11/10/2016', '79', 'CTr/BDVTW-BCSĐCP', 2016],
    ['Nghị quyết 30c/NQ-CP ngày 08/11/2011 của Chính phủ', 'Nghị quyết 30c/NQ-CP ngày 08/11/2011', '30c', 'NQ-CP', 2011],
    ['Quyết định số 1234/QĐ-UBND ngày 01-10-1997 của', 'Quyết định số 1234/QĐ-UBND ngày 01-10-1997', '1234', 'QĐ-UBND', 1997],
    ['Thông báo kết luận số 12-TB/TW của Ban Bí thư', 'Thông báo kết luận số 12-TB/TW', '12', 'TB/TW', null],
    ['Văn bản số 123/UBND-NC ngày 02/3/2023 của', 'Văn bản số 123/UBND-NC ngày 02/3/2023', '123', 'UBND-NC', 2023],
    ['Hướng dẫn số 09-HD/BDVTW về', 'Hướng dẫn số 09-HD/BDVTW', '09', 'HD/BDVTW', null],
  ])('%s', (text, surface, serial, symbol, year) => {
    expect(read(text)).toEqual([{ surface, serial, symbol, year }]);
  });

  it('upper-case headings and canonical code spelling', () => {
    expect(read('CHỈ THỊ SỐ 27/CT-TTG NGÀY 5/8/2020')).toEqual([
      { surface: 'CHỈ THỊ SỐ 27/CT-TTG NGÀY 5/8/2020', serial: '27', symbol: 'CT-TTg', year: 2020 },
    ]);
  });

  it('a mention broken across a line', () => {
    const text = 'thực hiện Chỉ\nthị số 16/CT-TTg ngày\n16/5/2016 của Thủ tướng';
    expect(read(text)[0]).toMatchObject({ surface: 'Chỉ\nthị số 16/CT-TTg ngày\n16/5/2016', year: 2016 });
  });

  it('a paragraph break ends a mention', () => {
    expect(read('Chỉ thị số 16/CT-TTg\n\nngày 16/5/2016 là ngày họp')[0]!.surface).toBe('Chỉ thị số 16/CT-TTg');
  });

  it('"số" missing or glued', () => {
    expect(read('Chỉ thị số31/CT-TTg và Chỉ thị 05-CT/TW').map((m) => m.surface)).toEqual(['Chỉ thị số31/CT-TTg', 'Chỉ thị 05-CT/TW']);
  });

  it('typos of real texts', () => {
    expect(read('Chỉ thị số 35- CT/TW ngày 26/5/2014')[0]).toMatchObject({ symbol: 'CT/TW', year: 2014 });
    expect(read('Nghị định số 30/2020/NĐ- CP về')[0]).toMatchObject({ surface: 'Nghị định số 30/2020/NĐ- CP', symbol: 'NĐ-CP' });
    expect(read('Quyết định số 03/2007QĐ-BNV ngày 26/0/2/2007của Bộ')[0]).toMatchObject({
      surface: 'Quyết định số 03/2007QĐ-BNV ngày 26/0/2/2007', symbol: 'QĐ-BNV', year: 2007,
    });
  });

  it('lists share a type word and a date', () => {
    expect(read('theo Quyết định số 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị')).toEqual([
      { surface: 'Quyết định số 217-QĐ/TW', serial: '217', symbol: 'QĐ/TW', year: 2013 },
      { surface: '218-QĐ/TW ngày 12/12/2013', serial: '218', symbol: 'QĐ/TW', year: 2013 },
    ]);
    expect(read('các Nghị quyết số 01/NQ-CP, 02/NQ-CP của Chính phủ').map((m) => m.surface)).toEqual(['Nghị quyết số 01/NQ-CP', '02/NQ-CP']);
    const m = extractMentions('các Nghị quyết số 01/NQ-CP, 02/NQ-CP');
    expect(m.map((x) => x.type)).toEqual(['nghi-quyet', 'nghi-quyet']);
  });

  it('aliases and short forms', () => {
    const text = 'Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng về dân vận (sau đây gọi tắt là Chỉ thị số 16). Kế hoạch thực hiện Chỉ thị 16, Chương trình phối hợp 79 và Quyết định số 290 của Bộ Chính trị.';
    const found = extractMentions(text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual([
      'Chỉ thị số 16/CT-TTg ngày 16/5/2016', 'Chỉ thị số 16', 'Chỉ thị 16', 'Chương trình phối hợp 79', 'Quyết định số 290',
    ]);
    expect(found[1]!.aliasOfPrevious).toBe(true);
    // Capitalised mid-sentence it names a document; at a sentence start it needs support.
    expect(found[2]!.needsSupport).toBe(false);
    expect(extractMentions('Chỉ thị 16 được triển khai.')[0]!.needsSupport).toBe(true);
    expect(extractMentions('theo Kế hoạch 5 năm của tỉnh')[0]!.needsSupport).toBe(true);
    expect(found[4]).toMatchObject({ needsSupport: false, issuerText: 'Bộ Chính trị' });
  });

  it('named references', () => {
    const text = 'Nghị quyết Trung ương 4 (khóa XII), Nghị quyết Đại hội XIII của Đảng, Luật Khiếu nại, Luật tiếp công dân';
    expect(extractMentions(text).map((m) => text.slice(m.start, m.end))).toEqual([
      'Nghị quyết Trung ương 4 (khóa XII)', 'Nghị quyết Đại hội XIII', 'Luật Khiếu nại', 'Luật tiếp công dân',
    ]);
  });

  it('an article before the document', () => {
    expect(read('theo Điều 5 Quyết định số 12/2019/QĐ-UBND')[0]!.surface).toBe('Quyết định số 12/2019/QĐ-UBND');
  });
});

describe('extract: what is not a reference', () => {
  it.each([
    'trong giai đoạn 2016-2021 và nhiệm kỳ 2020-2025',
    'đã có 226/226 đảng ủy và 17/17 sở hoàn thành',
    'theo Mẫu số 01 và Phụ lục số 1 kèm theo',
    'quy định tại khoản 1 Điều 3',
    'điện thoại 0243.823.456 hoặc 0912-345-678',
    'Số: 57/KH-UBND',
    'ỦY BAN NHÂN DÂN\nSố: 123/QĐ-UBND        Hải Dương, ngày 10 tháng 3 năm 2022',
    'Quyết định này có hiệu lực kể từ ngày ký',
    'Số: …/QĐ-UBND',
    'ban hành kèm theo Quyết định số …/QĐ-UBND',
    'Nghị quyết đại hội Đảng bộ các cấp, nhiệm kỳ 2020-2025',
    'Chương trình tổng thể cải cách hành chính giai đoạn 2021-2030',
    'tổng số 1.566/1.853 thủ tục',
    'pháp luật về khiếu nại',
  ])('%s', (text) => {
    expect(read(text)).toEqual([]);
  });

  it('counts after a lower-case type word are not documents', () => {
    expect(read('hội nghị quyết định 3 vấn đề và kết luận 2 nội dung')).toEqual([]);
  });
});
