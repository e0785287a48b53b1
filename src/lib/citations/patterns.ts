/**
 * Citation patterns as data. Every entry carries examples; test/citations/patterns.test.ts
 * asserts each example matches its pattern, so a pattern cannot drift from what it claims.
 * Regex fragments here are plain strings; extract.ts compiles them once.
 */
import type { DocumentTypeId } from '../document-types.ts';

/** Whitespace inside a mention: spaces and at most one line break (a mention broken across a line). */
export const SP = '(?:[ \\t]+(?:\\r?\\n[ \\t]*)?|\\r?\\n[ \\t]*)';
/** Optional whitespace of the same kind. */
export const SP0 = '(?:[ \\t]*(?:\\r?\\n[ \\t]*)?)';

/** Joins the words of a phrase with {@link SP}. */
function words(phrase: string): string {
  return phrase.split(' ').join(SP);
}

/**
 * The same pattern without the i flag: every cased letter outside escapes and classes
 * becomes a two-letter class ("C" → "[Cc]"). Case-insensitive Unicode matching folds
 * case at every position tried; the anchor is tried at every position of the text.
 */
export function caseless(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      // An escape: "\t", "\d", "\/", or a property "\p{L}" copied whole.
      const m = /^\\[pP]\{[^}]*\}/.exec(source.slice(i, i + 40));
      const piece = m ? m[0] : source.slice(i, i + 2);
      out += piece;
      i += piece.length - 1;
      continue;
    }
    if (inClass) {
      // Classes are copied as written (their ranges, "[a-zđ]", would not survive doubling).
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      continue;
    }
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    out += lower !== upper && lower.length === 1 && upper.length === 1 ? `[${upper}${lower}]` : c;
  }
  return out;
}

export interface TypeWordPattern {
  /** Type id of the project's table; null for kinds outside it (Đề án, Báo cáo, Công điện …). */
  type: DocumentTypeId | null;
  /** What short forms are grouped by ("Đề án 06" refers back to "Đề án số 06-ĐA/TU"): the type id, or a label of its own. */
  kind: string;
  /**
   * Regex fragment, matched case-insensitively ("Chỉ thị", "CHỈ THỊ", "chỉ thị"). Starts with
   * a plain letter: the extractor groups the patterns by it (see typeWordAnchor in extract.ts).
   */
  source: string;
  /** True when a number after it is only a reference if a symbol follows ("Văn bản số 123/UBND-NC"). */
  needsSymbol?: boolean;
  examples: string[];
}

export const TYPE_WORDS: readonly TypeWordPattern[] = [
  { type: 'nghi-quyet', kind: 'nghi-quyet', source: `${words('Nghị quyết')}(?:${SP}liên${SP}tịch)?`, examples: ['Nghị quyết', 'NGHỊ QUYẾT', 'nghị quyết', 'Nghị quyết liên tịch', 'Nghị\nquyết'] },
  { type: 'nghi-dinh', kind: 'nghi-dinh', source: words('Nghị định'), examples: ['Nghị định', 'NGHỊ ĐỊNH', 'nghị định'] },
  { type: 'quyet-dinh', kind: 'quyet-dinh', source: words('Quyết định'), examples: ['Quyết định', 'QUYẾT ĐỊNH', 'quyết định'] },
  { type: 'quy-dinh', kind: 'quy-dinh', source: `Q(?:uy|ui)${SP}định`, examples: ['Quy định', 'QUY ĐỊNH', 'Qui định'] },
  { type: 'quy-che', kind: 'quy-che', source: `Q(?:uy|ui)${SP}chế(?:${SP}phối${SP}hợp)?`, examples: ['Quy chế', 'Quy chế phối hợp', 'QUY CHẾ'] },
  { type: 'chi-thi', kind: 'chi-thi', source: words('Chỉ thị'), examples: ['Chỉ thị', 'CHỈ THỊ', 'chỉ thị'] },
  { type: 'ket-luan', kind: 'ket-luan', source: words('Kết luận'), examples: ['Kết luận', 'KẾT LUẬN', 'kết luận'] },
  { type: 'huong-dan', kind: 'huong-dan', source: `${words('Hướng dẫn')}(?:${SP}liên${SP}tịch)?`, examples: ['Hướng dẫn', 'HƯỚNG DẪN', 'Hướng dẫn liên tịch'] },
  { type: 'ke-hoach', kind: 'ke-hoach', source: `${words('Kế hoạch')}(?:${SP}liên${SP}tịch)?`, examples: ['Kế hoạch', 'KẾ HOẠCH', 'kế hoạch liên tịch'] },
  {
    type: 'chuong-trinh',
    kind: 'chuong-trinh',
    source: `${words('Chương trình')}(?:${SP}(?:phối${SP}hợp|hành${SP}động|công${SP}tác|liên${SP}tịch))?`,
    examples: ['Chương trình', 'Chương trình phối hợp', 'CHƯƠNG TRÌNH PHỐI HỢP', 'Chương trình hành động'],
  },
  { type: 'thong-bao', kind: 'thong-bao', source: `${words('Thông báo')}(?:${SP}kết${SP}luận)?`, examples: ['Thông báo', 'Thông báo kết luận', 'THÔNG BÁO'] },
  { type: 'thong-tu', kind: 'thong-tu', source: `${words('Thông tư')}(?:${SP}liên${SP}tịch)?`, examples: ['Thông tư', 'Thông tư liên tịch', 'THÔNG TƯ'] },
  { type: 'cong-van', kind: 'cong-van', source: words('Công văn'), examples: ['Công văn', 'CÔNG VĂN', 'công văn'] },
  { type: 'cong-van', kind: 'cong-van', source: words('Văn bản'), needsSymbol: true, examples: ['Văn bản', 'văn bản'] },
  { type: 'phap-lenh', kind: 'phap-lenh', source: words('Pháp lệnh'), examples: ['Pháp lệnh', 'PHÁP LỆNH', 'pháp lệnh'] },
  { type: 'luat', kind: 'luat', source: 'Luật', examples: ['Luật', 'LUẬT', 'luật'] },
  { type: 'luat', kind: 'luat', source: words('Bộ luật'), examples: ['Bộ luật', 'BỘ LUẬT', 'Bộ Luật'] },
  // Kinds real directive texts cite that the project's type table does not hold: extracted
  // with their number and key, type null (the table is shared by pages and schemas).
  { type: null, kind: 'de-an', source: words('Đề án'), examples: ['Đề án', 'ĐỀ ÁN', 'đề án'] },
  { type: null, kind: 'bao-cao', source: words('Báo cáo'), needsSymbol: true, examples: ['Báo cáo', 'BÁO CÁO', 'báo cáo'] },
  { type: null, kind: 'cong-dien', source: words('Công điện'), examples: ['Công điện', 'CÔNG ĐIỆN', 'công điện'] },
  { type: null, kind: 'to-trinh', source: words('Tờ trình'), needsSymbol: true, examples: ['Tờ trình', 'TỜ TRÌNH'] },
  { type: null, kind: 'thong-tri', source: words('Thông tri'), examples: ['Thông tri', 'THÔNG TRI'] },
  // Cited by name only ("Hiến pháp năm 2013"): see HIEN_PHAP.
  { type: null, kind: 'hien-phap', source: words('Hiến pháp'), examples: ['Hiến pháp', 'HIẾN PHÁP'] },
  // Cited by name only ("Điều lệ Đảng", "Điều lệ Mặt trận Tổ quốc Việt Nam"): see readDocumentName in named.ts.
  { type: null, kind: 'dieu-le', source: words('Điều lệ'), examples: ['Điều lệ', 'ĐIỀU LỆ'] },
];

/**
 * Qualifier words between a type word and "số" ("Quyết định thanh tra số 35/QĐ-TTr",
 * "Kế hoạch kiểm tra số …"): lower-case words, a written symbol required after them.
 */
export const QUALIFIED_SO = {
  // Case-sensitive (a capitalised word is a name, not a qualifier); function words and
  // demonstratives ("Chỉ thị này số …") are no qualifiers.
  source: `(?:${SP}(?!(?:này|đó|ấy|trên|của|và|các|theo|tại|với|được|đã|có|là|kèm|ban|NÀY)(?![\\p{L}]))(?:\\p{Ll}+|\\p{Lu}{2,})){1,4}${SP}(?:số|SỐ|Số)${SP0}(?::${SP0})?`,
  examples: [' thanh tra số ', ' kiểm tra số ', ' giám sát chuyên đề số: ', ' THANH TRA SỐ '],
};

/** The Constitution is cited by name with its year: "Hiến pháp năm 2013", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013". */
export const HIEN_PHAP = {
  // With its year, or with the country's full name (the year then follows from the citing date).
  source: `(?:(${SP}nước${SP}Cộng${SP}h(?:òa|oà)${SP}xã${SP}hội${SP}chủ${SP}nghĩa${SP}Việt${SP}Nam)(?:${SP}năm${SP}((?:19|20)\\d\\d)(?!\\d))?|${SP}(?:năm${SP})?((?:19|20)\\d\\d)(?![\\d/]))`,
  examples: ['Hiến pháp năm 2013', 'Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013', 'HIẾN PHÁP NĂM 1992', 'Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam', 'Hiến pháp 2013'],
};

export interface CodePattern {
  /** Canonical spelling in a symbol ("TTg", "QĐi", "CTr"). */
  code: string;
  /** Document type a number with this leading code belongs to, when it leads the symbol. */
  type: DocumentTypeId | null;
  /**
   * May lead the symbol of a number written without a type word ("217-QĐ/TW và 218-QĐ/TW").
   * Defaults to true for codes with a type. Codes that also mark templates or issuers
   * ("Mẫu số 02/BC", "08/KL-TTr") lead only after a type word.
   */
  leads?: boolean;
  /** For codes of kinds outside the type table: the TypeWordPattern kind they belong to. */
  kind?: string;
  examples: string[];
}

/**
 * Codes that lead a symbol ("CT" in "33/CT-TTg", "NQ" in "25-NQ/TW"), plus issuer codes
 * with a fixed mixed-case spelling. Matching is case-insensitive (headings write "CT-TTG").
 */
export const CODES: readonly CodePattern[] = [
  { code: 'NQ', type: 'nghi-quyet', examples: ['25-NQ/TW', '30c/NQ-CP'] },
  { code: 'NQLT', type: 'nghi-quyet', examples: ['05/NQLT-CP-ĐCT'] },
  { code: 'QĐ', type: 'quyet-dinh', examples: ['1234/QĐ-TTg', '217-QĐ/TW'] },
  { code: 'QĐi', type: 'quy-dinh', examples: ['11-QĐi/TW'] },
  { code: 'QyĐ', type: 'quy-dinh', examples: ['01/QyĐ-BNV'] },
  { code: 'CT', type: 'chi-thi', examples: ['33/CT-TTg', '05-CT/TW'] },
  { code: 'KL', type: 'ket-luan', examples: ['114-KL/TW'] },
  { code: 'QC', type: 'quy-che', examples: ['03-QC/TU'] },
  { code: 'HD', type: 'huong-dan', examples: ['09-HD/BDVTW'] },
  { code: 'HDLT', type: 'huong-dan', examples: ['01/HDLT-BNV-BTC'] },
  { code: 'KH', type: 'ke-hoach', examples: ['45-KH/TU', '17/KH-UBND'] },
  { code: 'CTr', type: 'chuong-trinh', examples: ['79-CTr/BDVTW-BCSĐCP'] },
  { code: 'TB', type: 'thong-bao', examples: ['12-TB/TW'] },
  { code: 'CV', type: 'cong-van', examples: ['1567-CV/TU'] },
  { code: 'NĐ', type: 'nghi-dinh', examples: ['30/2020/NĐ-CP'] },
  { code: 'TT', type: 'thong-tu', examples: ['01/2011/TT-BNV'] },
  { code: 'TTLT', type: 'thong-tu', examples: ['01/2015/TTLT-BNV-BTC'] },
  // "PL" also marks appendices ("Phụ lục") in some texts: it leads only after "Pháp lệnh".
  { code: 'PL', type: 'phap-lenh', leads: false, examples: ['Pháp lệnh số 34/2007/PL-UBTVQH11'] },
  { code: 'QH', type: 'luat', examples: ['80/2015/QH13', '10/2022/QH15'] },
  // Kinds outside the type table: Đề án, Công điện lead a number; Báo cáo, Tờ trình only after their type word.
  { code: 'ĐA', type: null, kind: 'de-an', leads: true, examples: ['06-ĐA/TU', '01/ĐA-UBND'] },
  { code: 'CĐ', type: null, kind: 'cong-dien', leads: true, examples: ['12/CĐ-TTg'] },
  { code: 'BC', type: null, kind: 'bao-cao', leads: false, examples: ['Báo cáo số 125/BC-BNV'] },
  { code: 'TTr', type: null, kind: 'to-trinh', leads: false, examples: ['Tờ trình số 45/TTr-BNV', '08/KL-TTr'] },
  // Issuer codes with a fixed mixed-case spelling, so "CT-TTG" in a heading reads "CT-TTg".
  { code: 'TTg', type: null, examples: ['33/CT-TTg'] },
  { code: 'TW', type: null, examples: ['25-NQ/TW'] },
];

/** Symbol segments that mark a local (provincial or lower) issuer. */
export const LOCAL_SEGMENT = /^(?:UBND|HĐND|TU|HU|ĐU|QU|TXU|TPU|THU|[\p{Lu}]*(?:TU|HU|UBND|HĐND))$/u;

/** Ordinals spelled out in plenum names ("Hội nghị lần thứ sáu"). */
export const ORDINALS: Readonly<Record<string, number>> = {
  nhất: 1, một: 1, hai: 2, ba: 3, tư: 4, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10,
  'mười một': 11, 'mười hai': 12, 'mười ba': 13, 'mười bốn': 14, 'mười lăm': 15, 'mười sáu': 16,
};

export function romanToNumber(roman: string): number | null {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = values[roman[i]!];
    const next = values[roman[i + 1] ?? ''] ?? 0;
    if (v === undefined) return null;
    total += v < next ? -v : v;
  }
  return total || null;
}

export interface NamedPattern {
  type: DocumentTypeId;
  /** Regex fragment matched right after the type word (case-insensitive). */
  source: string;
  kind: 'congress' | 'local-congress' | 'plenum' | 'law';
  examples: string[];
}

const ROMAN = '([IVXL]{1,6})(?![\\p{L}\\p{N}])';
const KHOA = `kh(?:óa|oá)`;

/** Named references: numbered by a congress or plenum, or a law by its name. */
export const NAMED_PATTERNS: readonly NamedPattern[] = [
  {
    type: 'nghi-quyet',
    kind: 'congress',
    source: `${SP}Đại${SP}hội(?:${SP}(?:Đảng${SP}toàn${SP}quốc|đại${SP}biểu${SP}toàn${SP}quốc|toàn${SP}quốc|Đảng))?(?:${SP}lần${SP}thứ)?${SP}${ROMAN}`,
    examples: ['Nghị quyết Đại hội XIII', 'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII', 'Nghị quyết Đại hội Đảng toàn quốc lần thứ XII', 'Nghị quyết Đại hội lần thứ XI'],
  },
  {
    // A local Party congress ("Đảng bộ tỉnh lần thứ XIX"): its term is local, so no year follows from it.
    type: 'nghi-quyet',
    kind: 'local-congress',
    source: `${SP}Đại${SP}hội(?:${SP}đại${SP}biểu)?${SP}Đảng${SP}bộ(?:${SP}[\\p{L}.]+){0,4}?${SP}(?:lần${SP}thứ${SP}|khóa${SP}|khoá${SP})${ROMAN}`,
    examples: ['Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX', 'Nghị quyết Đại hội Đảng bộ tỉnh Hà Tĩnh lần thứ XIX', 'Nghị quyết Đại hội Đảng bộ huyện lần thứ XXV', 'NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XX'],
  },
  {
    type: 'nghi-quyet',
    kind: 'plenum',
    source: `${SP}(?:Hội${SP}nghị${SP})?(?:Trung${SP}ương|TW|TƯ)${SP0}(?:lần${SP}thứ${SP})?(\\d{1,2}|${Object.keys(ORDINALS).sort((a, b) => b.length - a.length).map(words).join('|')})(?:${SP0}[,(]?${SP0}${KHOA}${SP}${ROMAN}${SP0}\\)?)?`,
    examples: ['Nghị quyết Trung ương 4 (khóa XII)', 'Nghị quyết Trung ương 4 khóa XII', 'Nghị quyết TW4 khoá XI', 'Nghị quyết Hội nghị Trung ương 7 (khóa XI)', 'Nghị quyết Trung ương năm khóa XII', 'Nghị quyết Hội nghị Trung ương lần thứ 11'],
  },
];

/** Laws cited by name; the name follows the word "Luật" (matched case-insensitively). */
export const LAW_NAMES: readonly string[] = [
  'Khiếu nại, tố cáo',
  'Khiếu nại',
  'Tố cáo',
  'Tiếp công dân',
  'Thực hiện dân chủ ở cơ sở',
  'Cán bộ, công chức',
  'Viên chức',
  'Tổ chức chính quyền địa phương',
  'Tổ chức Hội đồng nhân dân và Ủy ban nhân dân',
  'Tổ chức Hội đồng nhân dân và Uỷ ban nhân dân',
  'Tổ chức Chính phủ',
  'Tổ chức Quốc hội',
  'Ban hành văn bản quy phạm pháp luật',
  'Phòng, chống tham nhũng',
  'Mặt trận Tổ quốc Việt Nam',
  'Công đoàn',
  'Thanh niên',
  'Tín ngưỡng, tôn giáo',
  'Đất đai',
  'Hòa giải ở cơ sở',
  'Tiếp cận thông tin',
  'Trưng cầu ý dân',
  'Thi đua, khen thưởng',
  'Người cao tuổi',
  'Thanh tra',
  'Xử lý vi phạm hành chính',
  'Ngân sách nhà nước',
  'Đầu tư công',
  'Hợp tác xã',
  'Bình đẳng giới',
  'Phổ biến, giáo dục pháp luật',
  'Dân quân tự vệ',
  'Thực hành tiết kiệm, chống lãng phí',
  'Giám sát của Quốc hội và Hội đồng nhân dân',
  'Hoạt động giám sát của Quốc hội và Hội đồng nhân dân',
  'Lao động',
  'Dân sự',
  'Hình sự',
];

/**
 * Congress years (facts of record): "Nghị quyết Đại hội XIII" is of 2021. The congress
 * resolution has no số ký hiệu, so its key stays null.
 */
export const CONGRESS_YEARS: Readonly<Record<number, number>> = {
  6: 1986, 7: 1991, 8: 1996, 9: 2001, 10: 2006, 11: 2011, 12: 2016, 13: 2021,
};

export interface PlenumResolution {
  term: number;
  plenum: number;
  /** The resolution the plain name "Nghị quyết Trung ương N (khóa X)" conventionally means. */
  number: string;
  issued: string;
  examples: string[];
}

/**
 * Plenum resolutions whose short name is unambiguous in use. Plenums that issued several
 * resolutions with no conventional "the" one are left out: they stay unresolved.
 */
export const PLENUM_RESOLUTIONS: readonly PlenumResolution[] = [
  { term: 12, plenum: 4, number: '04-NQ/TW', issued: '2016-10-30', examples: ['Nghị quyết Trung ương 4 (khóa XII)'] },
  { term: 11, plenum: 4, number: '12-NQ/TW', issued: '2012-01-16', examples: ['Nghị quyết Trung ương 4 khóa XI'] },
];

/** "(sau đây gọi tắt là …": the mention that follows is a short name for the one before. */
export const ALIAS_INTRO = {
  source: `\\(${SP0}(?:(?:sau|dưới)${SP}đây${SP0},?${SP0})?(?:được${SP})?(?:gọi|viết)(?:${SP}tắt|${SP}chung)?${SP}là${SP0}$`,
  examples: ['(sau đây gọi tắt là ', '(sau đây viết tắt là ', '(gọi tắt là ', '(sau đây gọi là '],
};

/** Words that decide the relation, longest first at one position. Matched case-insensitively. */
export const RELATION_VERBS: readonly { relation: 'implements' | 'basedOn' | 'replaces' | 'continues' | 'amends' | 'guides' | 'repeals'; source: string; examples: string[] }[] = [
  { relation: 'continues', source: `tiếp${SP}tục${SP}(?:triển${SP}khai${SP})?(?:thực${SP}hiện|quán${SP}triệt)`, examples: ['tiếp tục thực hiện', 'Tiếp tục triển khai thực hiện'] },
  { relation: 'guides', source: `hướng${SP}dẫn${SP}(?:thi${SP}hành|thực${SP}hiện|triển${SP}khai)`, examples: ['hướng dẫn thực hiện', 'Hướng dẫn thi hành'] },
  { relation: 'amends', source: `sửa${SP}đổi${SP0},?${SP0}bổ${SP}sung|sửa${SP}đổi|bổ${SP}sung`, examples: ['sửa đổi, bổ sung', 'sửa đổi'] },
  { relation: 'replaces', source: `thay${SP}thế`, examples: ['thay thế'] },
  { relation: 'repeals', source: `bãi${SP}bỏ`, examples: ['bãi bỏ'] },
  { relation: 'basedOn', source: `căn${SP}cứ(?:${SP}vào)?`, examples: ['Căn cứ', 'căn cứ vào'] },
  {
    relation: 'implements',
    source: `(?:triển${SP}khai${SP}(?:thực${SP}hiện|thi${SP}hành)|tổ${SP}chức${SP}thực${SP}hiện|thực${SP}hiện|triển${SP}khai|thi${SP}hành|cụ${SP}thể${SP}hóa|quán${SP}triệt)`,
    examples: ['Thực hiện', 'Triển khai', 'triển khai thực hiện', 'cụ thể hóa'],
  },
  { relation: 'guides', source: `hướng${SP}dẫn`, examples: ['hướng dẫn'] },
];

/**
 * Where a document's name ends: the name runs word by word after its type word and stops
 * before one of these lower-case words (the sentence goes on: "Luật Công đoàn | quy định …",
 * "Điều lệ Đảng | về …"), before punctuation, a date or year, another type word, and after
 * at most NAME_MAX_WORDS words. Two-word entries are matched as a pair.
 */
export const NAME_STOP_WORDS: readonly string[] = [
  'về', 'quy định', 'được', 'đã', 'đang', 'sẽ', 'có', 'là', 'của', 'cho', 'với', 'trong', 'tại', 'theo', 'để', 'nhằm',
  'thì', 'mà', 'này', 'đó', 'ấy', 'số', 'ngày', 'năm', 'từ', 'đến', 'khi', 'sau', 'trước', 'hiện hành', 'mới', 'các',
  'những', 'nêu', 'trên', 'giao', 'yêu cầu', 'hướng dẫn', 'thi hành', 'sửa đổi', 'bổ sung', 'nay', 'cũng', 'đều', 'vẫn',
  'không', 'chưa', 'còn', 'hết', 'bảo đảm', 'tạo', 'góp phần', 'đặt ra', 'ban hành', 'thông qua', 'khẳng định', 'nhấn mạnh',
  'xác định', 'gồm', 'bao gồm', 'như', 'hay', 'hoặc', 'cùng', 'kèm', 'và',
];
export const NAME_MAX_WORDS = 12;
/** Examples: the name of each ends where the comment after it says. */
export const NAME_EXAMPLES: readonly { text: string; mention: string }[] = [
  { text: 'Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân năm 2003 quy định rõ', mention: 'Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân năm 2003' },
  { text: 'theo Điều lệ Đảng và Quy định số 24-QĐ/TW', mention: 'Điều lệ Đảng' },
  { text: 'Điều lệ Mặt trận Tổ quốc Việt Nam quy định', mention: 'Điều lệ Mặt trận Tổ quốc Việt Nam' },
  { text: 'Luật Bảo vệ môi trường 2020 đã có hiệu lực', mention: 'Luật Bảo vệ môi trường 2020' },
  { text: 'Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn được', mention: 'Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn' },
  { text: 'thực hiện LuậtTiếp công dân', mention: 'LuậtTiếp công dân' },
  { text: 'theo luật Mặt trận Tổ quốc Việt Nam', mention: 'luật Mặt trận Tổ quốc Việt Nam' },
  { text: 'Căn cứ Luật Khiếu nại, tố cáo năm 1998;', mention: 'Luật Khiếu nại, tố cáo năm 1998' },
  { text: 'Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022;', mention: 'Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022' },
  {
    text: 'Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;',
    mention: 'Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019',
  },
  { text: 'thực hiện Quy chế làm việc của Ban Chấp hành Trung ương Đảng khóa XIII và', mention: 'Quy chế làm việc của Ban Chấp hành Trung ương Đảng khóa XIII' },
  { text: 'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;', mention: 'Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam' },
];

/** "Luật sửa đổi, bổ sung một số điều của Luật …": an amending law, its own document, named by what it amends. */
export const AMENDING_LAW = {
  source: `${SP}sửa${SP}đổi(?:${SP0},${SP0}bổ${SP}sung)?(?:${SP}một${SP}số${SP}điều)?${SP}của${SP}`,
  examples: [' sửa đổi, bổ sung một số điều của ', ' sửa đổi một số điều của '],
};

/** "Quy chế làm việc của <organ> [khóa X | nhiệm kỳ …]": a working regulation cited by name. */
export const WORKING_RULES = {
  source: `${SP}làm${SP}việc${SP}(?:của${SP})?`,
  examples: [' làm việc của ', ' làm việc '],
};

/**
 * Issuer codes that never carry digits: a digit glued after one ("05-CT/TW2") is a
 * footnote marker, not part of the symbol.
 */
export const FOOTNOTE_AFTER = /^(.*[-/](?:TW|TƯ|TTg|CP|TU|HU|ĐU|UBND|HĐND|BCSĐ|BTGTW|BDVTW|BTCTW))(\d{1,2})$/u;
export const FOOTNOTE_EXAMPLES: readonly { written: string; symbol: string }[] = [
  { written: 'CT/TW2', symbol: 'CT/TW' },
  { written: 'KH-UBND12', symbol: 'KH-UBND' },
];

/**
 * A sentence opened by its date and a signing verb ("Ngày 20/5/2023, Ban Thường vụ Tỉnh ủy
 * đã ký Kế hoạch số 112-KH/TU …"): the date is the number's when none follows it.
 */
export const SENTENCE_DATE = {
  source: `^[ \\t\\-–•*+]*(?:Ngày|Hôm${SP}nay${SP0},?${SP0}ngày)${SP0}(\\d{1,2})${SP0}(?:[/.\\-]${SP0}(\\d{1,2})${SP0}[/.\\-]${SP0}|tháng${SP}(\\d{1,2})${SP}năm${SP})(\\d{4})(?!\\d)`,
  // The signing verb right before the number ("… đã ký ban hành Kế hoạch số …", "… thông qua Luật …"):
  // "ban hành kế hoạch thực hiện Luật …" dates the plan, not the law.
  signed: /(?:^|[^\p{L}])(?:ký|ban hành|thông qua)(?:[ \t]+(?:ban hành|kết))?[ \t]*$/u,
  examples: ['Ngày 20/5/2023', 'Ngày 3 tháng 4 năm 2024', '- Ngày 01.02.2022', 'Ngày 09/6/2015'],
};
