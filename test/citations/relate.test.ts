import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, findReferences } from '../../src/lib/citations/index.ts';

const index = buildCorpusIndex([]);
const relations = (text: string) => findReferences(text, index).map((r) => r.relation);

describe('relate', () => {
  it.each([
    ['Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch.', 'implements'],
    ['Triển khai Kế hoạch số 45-KH/TU ngày 02/3/2023.', 'implements'],
    ['Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;', 'basedOn'],
    ['Quyết định này thay thế Quyết định số 290-QĐ/TW ngày 25/2/2010.', 'replaces'],
    ['Tiếp tục thực hiện nghiêm túc Chỉ thị số 26/CT-TTg ngày 05/9/2016.', 'continues'],
    ['Nghị định này sửa đổi, bổ sung một số điều của Nghị định số 30/2020/NĐ-CP.', 'amends'],
    ['Ban Dân vận hướng dẫn thực hiện Quy định số 11-QĐi/TW.', 'guides'],
    ['Bãi bỏ Quyết định số 12/2019/QĐ-UBND.', 'repeals'],
    ['Hội nghị đánh giá kết quả sau 5 năm, Chỉ thị số 05-CT/TW đã đi vào cuộc sống.', 'cites'],
  ])('%s → %s', (text, relation) => {
    expect(relations(text)).toEqual([relation]);
  });

  it('the verb governs its own object, not a later clause', () => {
    expect(relations('Thực hiện Chỉ thị số 33/CT-TTg, tiếp tục đẩy mạnh cải cách hành chính và tổng kết Kế hoạch số 17/KH-UBND.')).toEqual(['implements', 'cites']);
  });

  it('a list after the verb shares it', () => {
    expect(relations('Căn cứ Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị về Quy chế công tác dân vận; Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư;')).toEqual(['basedOn', 'basedOn']);
  });

  it('a verb inside the title of another document speaks for that document', () => {
    expect(relations('gắn với thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW')).toEqual(['implements', 'cites']);
  });

  it('"hướng dẫn" as a noun, or followed by a preposition, is no guides relation', () => {
    expect(relations('Các văn bản hướng dẫn thi hành Luật số 10/2022/QH15 được phổ biến.')).toEqual(['cites']);
    expect(relations('Sở Nội vụ hướng dẫn theo Văn bản số 456/SNV-CTTN ngày 10/01/2023 của Sở.')).toEqual(['cites']);
    expect(relations('Thực hiện theo hướng dẫn Kế hoạch số 45/KH-UBND.')).toEqual(['implements']);
    expect(relations('Bộ Nội vụ hướng dẫn thực hiện Quy định số 11-QĐi/TW.')).toEqual(['guides']);
  });

  it('a verb inside a closed parenthesis governs nothing after it', () => {
    // The list goes on under "Căn cứ", not under "sửa đổi, bổ sung".
    expect(findReferences('Căn cứ Luật Tổ chức chính quyền địa phương năm 2015 (sửa đổi, bổ sung năm 2019); Luật Cán bộ, công chức năm 2008;', index).map((r) => r.relation)).toEqual(['basedOn', 'basedOn']);
    expect(relations('Chỉ thị số 05-CT/TW (đã được sửa đổi); Kết luận số 01-KL/TW là cơ sở.')).toEqual(['cites', 'cites']);
  });

  it('a verb after an earlier mention\'s issuer is in that document\'s title', () => {
    expect(relations('Căn cứ Nghị định số 86/2011/NĐ-CP ngày 22/9/2011 của Chính phủ quy định chi tiết và hướng dẫn thi hành Quyết định số 12/2019/QĐ-UBND;')).toEqual(['basedOn', 'cites']);
  });

  it('"Luật sửa đổi, bổ sung …" names an amending law, it does not amend', () => {
    expect(relations('Luật sửa đổi, bổ sung một số điều của Luật số 76/2015/QH13 và Luật số 77/2015/QH13;')).toEqual(['cites', 'cites']);
  });

  it('returns the evidence sentence', () => {
    const text = 'Mở đầu. Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ. Phần sau.';
    const [r] = findReferences(text, index);
    expect(text.slice(r!.sentence.start, r!.sentence.end)).toBe('Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.');
  });
});
