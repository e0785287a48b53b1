/** The số ký hiệu form check on its own, with real numbers of each kind. */
import { describe, expect, it } from 'vitest';
import { numberFormProblems } from '../../src/lib/check/number-form.ts';
import type { Issuer } from '../../src/lib/schema/registries.ts';
import type { DocumentTypeId } from '../../src/lib/document-types.ts';

const issuer = (id: string, system: Issuer['system'], codes: string[]): Issuer => ({ id, name: id, aliases: [], system, level: 'trung-uong', codes });
const TTG = issuer('thu-tuong-chinh-phu', 'nha-nuoc', ['TTg']);
const CP = issuer('chinh-phu', 'nha-nuoc', ['CP']);
const BNV = issuer('bo-noi-vu', 'nha-nuoc', ['BNV']);
const QH = issuer('quoc-hoi', 'nha-nuoc', ['QH']);
const UBND = issuer('ubnd-tinh-tra-vinh', 'nha-nuoc', ['UBND']);
const BCT = issuer('bo-chinh-tri', 'dang', ['TW']);
const BDVTW = issuer('ban-dan-van-trung-uong', 'dang', ['BDVTW']);
const BCSDCP = issuer('ban-can-su-dang-chinh-phu', 'dang', ['BCSĐCP']);
const UBTVQH = issuer('uy-ban-thuong-vu-quoc-hoi', 'nha-nuoc', ['UBTVQH10', 'UBTVQH11', 'UBTVQH13']);
const HDNN = issuer('hoi-dong-nha-nuoc', 'nha-nuoc', ['HĐNN8', 'HĐNN']);
const MTTQ = issuer('ubtw-mttq-viet-nam', 'mat-tran-doan-the', ['UBTWMTTQVN', 'UBTUMTTQVN']);
const BCHTW = issuer('ban-chap-hanh-trung-uong', 'dang', ['TW', 'HNTW']);

function codes(type: DocumentTypeId, number: string, issued: string, by: Issuer, co: Issuer[] = []): string[] {
  return numberFormProblems({ type, number, issued, issuer: by, coIssuers: co }).map((p) => p.code);
}

describe('numberFormProblems', () => {
  it.each([
    ['chi-thi', '33/CT-TTg', '2021-11-26', TTG, []],
    ['quyet-dinh', '03/2007/QĐ-BNV', '2007-02-26', BNV, []],
    ['luat', '02/2011/QH13', '2011-11-11', QH, []],
    ['nghi-quyet', '30c/NQ-CP', '2011-11-08', CP, []],
    ['quyet-dinh', '1553/QĐ-UBND', '2016-07-16', UBND, []],
    ['cong-van', '1234/BNV-CQĐP', '2020', BNV, []],
    ['nghi-quyet', '25-NQ/TW', '2013-06-03', BCT, []],
    ['quy-dinh', '11-QĐi/TW', '2019-02-18', BCT, []],
    ['quy-dinh', '11-QĐ/TW', '2019-02-18', BCT, []],
    ['chuong-trinh', '79-CTr/BDVTW-BCSĐCP', '2016-10-11', BDVTW, [BCSDCP]],
    ['chuong-trinh', '79-CTr/BDVTW-BCSĐCP', '2016-10-11', BCSDCP, [BDVTW]],
    // Ordinances: the Standing Committee's form, and the Council of State's before 1992.
    ['phap-lenh', '34/2007/PL-UBTVQH11', '2007-04-20', UBTVQH, []],
    ['phap-lenh', '53-LCT/HĐNN8', '1991-05-11', HDNN, []],
    // Resolutions of the Standing Committee carry only its term; joint ones their joint code.
    ['nghi-quyet', '759/2014/UBTVQH13', '2014-08-15', UBTVQH, []],
    ['nghi-quyet', '55/1998/NQ-UBTVQH10', '1998-08-30', UBTVQH, []],
    ['nghi-quyet', '09/2008/NQLT-CP-UBTWMTTQVN', '2008-04-17', CP, [MTTQ]],
    ['nghi-quyet', '19/2008/NQLT/CP-UBTUMTTQVN', '2008-06-12', CP, [MTTQ]],
    ['nghi-quyet', '08B-NQ/HNTW', '1990-03-27', BCHTW, []],
  ] as const)('%s %s fits', (type, number, issued, by, co) => {
    expect(codes(type, number, issued, by, [...co])).toEqual([]);
  });

  it.each([
    ['chi-thi', '33/CT-TTg', '2021-11-26', BCT, [], 'number-form'],
    ['nghi-quyet', '25/NQ-TW', '2013-06-03', BCT, [], 'number-form'],
    ['nghi-quyet', '25/2013/NQ-TW', '2013-06-03', BCT, [], 'number-form'],
    ['chi-thi', '33-CT/TTg', '2021-11-26', TTG, [], 'number-form'],
    ['chi-thi', 'ba mươi ba', '2021-11-26', TTG, [], 'number-form'],
    ['nghi-quyet', '33/CT-TTg', '2021-11-26', TTG, [], 'number-type-code'],
    ['ket-luan', '5/KL-TTg', '2021-11-26', TTG, [], 'number-type-code'],
    ['luat', '02/2011/QH', '2011-11-11', QH, [], 'number-type-code'],
    ['nghi-quyet', '25-NQ/TU', '2013-06-03', BCT, [], 'number-issuer-code'],
    ['chi-thi', '33/CT', '2021-11-26', TTG, [], 'number-issuer-code'],
    ['chuong-trinh', '79-CTr/BDVTW-BCSĐCP', '2016-10-11', BCT, [], 'number-issuer-code'],
    ['quyet-dinh', '03/2007/QĐ-BNV', '2008-01-10', BNV, [], 'number-year-mismatch'],
    ['phap-lenh', '34/2007/NQ-UBTVQH11', '2007-04-20', UBTVQH, [], 'number-type-code'],
    ['phap-lenh', '53-LCT/TW', '1991-05-11', HDNN, [], 'number-form'],
    ['nghi-quyet', '759/2014/UBTVQH13', '2014-08-15', CP, [], 'number-issuer-code'],
  ] as const)('%s %s (%s) → %s', (type, number, issued, by, co, code) => {
    expect(codes(type, number, issued, by, [...co])).toEqual([code]);
  });

  it('suggests the number written in the expected style', () => {
    const [p] = numberFormProblems({ type: 'nghi-quyet', number: '25/NQ-TW', issued: '2013-06-03', issuer: BCT, coIssuers: [] });
    expect(p!.message).toContain('"25-NQ/TW"');
    const [q] = numberFormProblems({ type: 'chi-thi', number: '33-CT/TTg', issued: '2021-11-26', issuer: TTG, coIssuers: [] });
    expect(q!.message).toContain('"33/CT-TTg"');
  });
});
