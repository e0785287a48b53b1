/**
 * Who issues what in the synthetic corpus, and how their numbers are written: one
 * profile per issuer with the document types it issues and the số ký hiệu form of each
 * (Party "25-NQ/TW", State "33/CT-TTg", legal normative "30/2020/NĐ-CP", laws
 * "80/2015/QH13"). Codes follow src/lib/document-types.ts and the issuer registry, so
 * every generated number passes the number-form check.
 */
import type { DocumentTypeId } from '../document-types.ts';
import { slugify } from '../text/vietnamese.ts';

export type NumberStyle = 'party' | 'state' | 'state-year' | 'law';

export interface TypeForm {
  type: DocumentTypeId;
  /** Type code in the number ("NQ", "QĐi"). Unused for laws. */
  code: string;
  style: NumberStyle;
  weight: number;
}

export interface IssuerProfile {
  id: string;
  /** Name used after "của" when a document elsewhere cites this issuer's documents. */
  citedAs: string;
  /** Name used by a document of the same province ("Ban Thường vụ Tỉnh ủy"). */
  localCitedAs: string;
  /** Issuer code written after the type code ("TW", "TTg", "UBND"). */
  code: string;
  province: string | null;
  central: boolean;
  /** Years in which this issuer issued documents (inclusive). */
  years: readonly [number, number];
  forms: readonly TypeForm[];
  /** Co-issuer of joint programmes ("79-CTr/BDVTW-BCSĐCP"), with its code. */
  partner?: { id: string; code: string };
  weight: number;
}

const party = (type: DocumentTypeId, code: string, weight: number): TypeForm => ({ type, code, style: 'party', weight });
const state = (type: DocumentTypeId, code: string, weight: number): TypeForm => ({ type, code, style: 'state', weight });
const stateYear = (type: DocumentTypeId, code: string, weight: number): TypeForm => ({ type, code, style: 'state-year', weight });

/** Central issuers, all present in the real issuer registry. */
export const CENTRAL_ISSUERS: readonly IssuerProfile[] = [
  {
    id: 'ban-chap-hanh-trung-uong', citedAs: 'Ban Chấp hành Trung ương Đảng', localCitedAs: 'Ban Chấp hành Trung ương Đảng', code: 'TW',
    province: null, central: true, years: [2005, 2026], forms: [party('nghi-quyet', 'NQ', 1)], weight: 1,
  },
  {
    id: 'bo-chinh-tri', citedAs: 'Bộ Chính trị', localCitedAs: 'Bộ Chính trị', code: 'TW', province: null, central: true, years: [2005, 2026],
    forms: [party('nghi-quyet', 'NQ', 2), party('chi-thi', 'CT', 3), party('ket-luan', 'KL', 3), party('quyet-dinh', 'QĐ', 2), party('quy-dinh', 'QĐi', 2)],
    weight: 3,
  },
  {
    id: 'ban-bi-thu', citedAs: 'Ban Bí thư', localCitedAs: 'Ban Bí thư', code: 'TW', province: null, central: true, years: [2005, 2026],
    forms: [party('chi-thi', 'CT', 3), party('ket-luan', 'KL', 3), party('quyet-dinh', 'QĐ', 1), party('thong-bao', 'TB', 1)],
    weight: 3,
  },
  {
    id: 'ban-dan-van-trung-uong', citedAs: 'Ban Dân vận Trung ương', localCitedAs: 'Ban Dân vận Trung ương', code: 'BDVTW',
    province: null, central: true, years: [2005, 2024],
    forms: [party('huong-dan', 'HD', 4), party('ke-hoach', 'KH', 2), party('chuong-trinh', 'CTr', 1), party('cong-van', 'CV', 1)],
    partner: { id: 'ban-can-su-dang-chinh-phu', code: 'BCSĐCP' },
    weight: 3,
  },
  {
    id: 'ban-tuyen-giao-va-dan-van-trung-uong', citedAs: 'Ban Tuyên giáo và Dân vận Trung ương', localCitedAs: 'Ban Tuyên giáo và Dân vận Trung ương',
    code: 'BTGDVTW', province: null, central: true, years: [2025, 2026],
    forms: [party('huong-dan', 'HD', 3), party('ke-hoach', 'KH', 1), party('cong-van', 'CV', 1)],
    weight: 1,
  },
  {
    id: 'thu-tuong-chinh-phu', citedAs: 'Thủ tướng Chính phủ', localCitedAs: 'Thủ tướng Chính phủ', code: 'TTg', province: null, central: true,
    years: [2005, 2026], forms: [state('chi-thi', 'CT', 3), state('quyet-dinh', 'QĐ', 2)], weight: 3,
  },
  {
    id: 'chinh-phu', citedAs: 'Chính phủ', localCitedAs: 'Chính phủ', code: 'CP', province: null, central: true, years: [2005, 2026],
    forms: [state('nghi-quyet', 'NQ', 2), stateYear('nghi-dinh', 'NĐ', 2)], weight: 2,
  },
  {
    id: 'bo-noi-vu', citedAs: 'Bộ Nội vụ', localCitedAs: 'Bộ Nội vụ', code: 'BNV', province: null, central: true, years: [2005, 2026],
    forms: [stateYear('thong-tu', 'TT', 2), state('quyet-dinh', 'QĐ', 1), state('huong-dan', 'HD', 1)], weight: 1,
  },
  {
    id: 'quoc-hoi', citedAs: 'Quốc hội', localCitedAs: 'Quốc hội', code: 'QH', province: null, central: true, years: [2007, 2026],
    forms: [{ type: 'luat', code: 'QH', style: 'law', weight: 1 }], weight: 0.3,
  },
];

/** Provinces with local issuers in the real registry that were not merged in 2025. */
export const REGISTRY_PROVINCES = [{ id: 'ha-tinh', name: 'Hà Tĩnh' }] as const;

/**
 * Provinces added to the generated registry (historic names as used by documents until
 * 2025). Only names are used; no merger facts are asserted for them.
 */
export const GENERATED_PROVINCE_NAMES = [
  'Nghệ An', 'Thanh Hóa', 'Quảng Bình', 'Quảng Trị', 'Thừa Thiên Huế', 'Quảng Nam', 'Quảng Ngãi', 'Bình Định',
  'Phú Yên', 'Khánh Hòa', 'Ninh Thuận', 'Bình Thuận', 'Kon Tum', 'Gia Lai', 'Đắk Lắk', 'Đắk Nông', 'Lâm Đồng',
  'Bình Phước', 'Tây Ninh', 'Bình Dương', 'Đồng Nai', 'Long An', 'Tiền Giang', 'Bến Tre', 'Đồng Tháp', 'An Giang',
  'Kiên Giang', 'Hậu Giang', 'Sóc Trăng', 'Bạc Liêu', 'Cà Mau', 'Thái Bình', 'Hưng Yên', 'Hà Nam', 'Bắc Ninh',
  'Bắc Giang', 'Lạng Sơn', 'Cao Bằng', 'Hà Giang', 'Tuyên Quang', 'Yên Bái', 'Lào Cai', 'Sơn La', 'Điện Biên',
  'Lai Châu', 'Hòa Bình', 'Phú Thọ', 'Vĩnh Phúc', 'Thái Nguyên', 'Bắc Kạn', 'Quảng Ninh',
] as const;

export interface GeneratedProvince {
  id: string;
  name: string;
}

export function generatedProvinces(): GeneratedProvince[] {
  return GENERATED_PROVINCE_NAMES.map((name) => ({ id: slugify(name), name }));
}

/** The three local issuers of a province: Tỉnh ủy, UBND tỉnh, Ban Dân vận Tỉnh ủy. */
export function localIssuers(province: { id: string; name: string }): IssuerProfile[] {
  const p = province.id;
  return [
    {
      id: `tinh-uy-${p}`, citedAs: `Ban Thường vụ Tỉnh ủy ${province.name}`, localCitedAs: 'Ban Thường vụ Tỉnh ủy', code: 'TU',
      province: p, central: false, years: [2005, 2026],
      forms: [party('nghi-quyet', 'NQ', 2), party('chi-thi', 'CT', 2), party('ket-luan', 'KL', 1), party('ke-hoach', 'KH', 4),
        party('quyet-dinh', 'QĐ', 1), party('quy-che', 'QC', 1), party('cong-van', 'CV', 2), party('thong-bao', 'TB', 1)],
      weight: 3,
    },
    {
      id: `ubnd-tinh-${p}`, citedAs: `Ủy ban nhân dân tỉnh ${province.name}`, localCitedAs: 'Ủy ban nhân dân tỉnh', code: 'UBND',
      province: p, central: false, years: [2005, 2026],
      forms: [state('ke-hoach', 'KH', 5), state('quyet-dinh', 'QĐ', 3), state('chi-thi', 'CT', 1), state('thong-bao', 'TB', 1)],
      weight: 4,
    },
    {
      id: `ban-dan-van-tinh-uy-${p}`, citedAs: `Ban Dân vận Tỉnh ủy ${province.name}`, localCitedAs: 'Ban Dân vận Tỉnh ủy', code: 'BDVTU',
      province: p, central: false, years: [2005, 2026],
      forms: [party('huong-dan', 'HD', 3), party('ke-hoach', 'KH', 2), party('cong-van', 'CV', 2)],
      weight: 2,
    },
  ];
}

/** The Quốc hội term in session in a year (terms start in the middle of 2007, 2011, 2016, 2021). */
export function legislatureTerm(year: number): number {
  if (year <= 2011) return 12;
  if (year <= 2016) return 13;
  if (year <= 2021) return 14;
  return 15;
}

/** Writes a số ký hiệu; the serial is zero-padded to two digits as in most real texts. */
export function formatNumber(form: TypeForm, issuer: IssuerProfile, serial: number, year: number, withPartner = false): string {
  const s = String(serial).padStart(2, '0');
  const issuerCode = withPartner && issuer.partner ? `${issuer.code}-${issuer.partner.code}` : issuer.code;
  switch (form.style) {
    case 'party':
      return `${s}-${form.code}/${issuerCode}`;
    case 'state':
      return `${s}/${form.code}-${issuerCode}`;
    case 'state-year':
      return `${s}/${year}/${form.code}-${issuerCode}`;
    case 'law':
      return `${s}/${year}/QH${legislatureTerm(year)}`;
  }
}

/**
 * YAML of the issuers and provinces appended to copies of the real registries. Entries
 * whose id the real registries already hold are left out (the shipped corpus names some
 * of the same provinces and provincial issuers), so the merged registries stay valid.
 */
export function registryAdditions(
  provinces: readonly GeneratedProvince[],
  existing: { issuers: ReadonlySet<string>; provinces: ReadonlySet<string> } = { issuers: new Set(), provinces: new Set() },
): { issuers: string; provinces: string } {
  const q = (s: string) => JSON.stringify(s);
  const issuers: string[] = ['', '# ---------- Sinh tự động cho bộ dữ liệu đo hiệu năng ----------'];
  const provs: string[] = ['', '# Sinh tự động cho bộ dữ liệu đo hiệu năng (chỉ dùng tên tỉnh).'];
  const issuer = (id: string, lines: string[]) => {
    if (!existing.issuers.has(id)) issuers.push(`- id: ${id}`, ...lines);
  };
  for (const p of provinces) {
    if (!existing.provinces.has(p.id)) provs.push(`- id: ${p.id}`, `  name: ${q(p.name)}`, `  aliases: [${q(`tỉnh ${p.name}`)}]`);
    issuer(`tinh-uy-${p.id}`, [`  name: ${q(`Tỉnh ủy ${p.name}`)}`, `  aliases: [${q(`Ban Thường vụ Tỉnh ủy ${p.name}`)}]`,
      '  system: dang', '  level: tinh', `  province: ${p.id}`, '  codes: [TU]']);
    issuer(`ubnd-tinh-${p.id}`, [`  name: ${q(`Ủy ban nhân dân tỉnh ${p.name}`)}`, `  aliases: [${q(`UBND tỉnh ${p.name}`)}]`,
      '  system: nha-nuoc', '  level: tinh', `  province: ${p.id}`, '  codes: [UBND]']);
    issuer(`ban-dan-van-tinh-uy-${p.id}`, [`  name: ${q(`Ban Dân vận Tỉnh ủy ${p.name}`)}`, '  aliases: []',
      '  system: dang', '  level: tinh', `  province: ${p.id}`, '  codes: [BDVTU]']);
  }
  return { issuers: `${issuers.join('\n')}\n`, provinces: `${provs.join('\n')}\n` };
}
