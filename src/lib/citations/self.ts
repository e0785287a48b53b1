/**
 * The document a text reproduces, read from its own header: its number ("Số: 45/KH-UBND",
 * "Số:" alone with the number on the next line, a legal database's "Số hiệu: …" line, an
 * annex's "(Kèm theo Quyết định số …)"), its date ("Hà Tĩnh, ngày 12 tháng 3 năm 2024",
 * "Ngày ban hành: 12/03/2024", a news page's "Thứ Hai, 30/12/2024") and its province (the
 * "TỈNH ỦY …" / "ỦY BAN NHÂN DÂN TỈNH …" header). A text never cites itself: mentions of its
 * own number are dropped, and its date and province stand in for --date/--province.
 */
import { parseDocumentNumber } from '../identity.ts';
import { searchKey } from '../text/vietnamese.ts';

export interface SelfIdentity {
  /** Own numbers as comparable "serial|symbol" keys (see comparableSerial/comparableSymbol). */
  numbers: Set<string>;
  /** ISO date of the document, when its header gives one. */
  date: string | null;
  /** Province registry id of its issuer, when the header names a known province. */
  province: string | null;
}

/** How far into a text its header and a legal database's metadata reach. */
const HEADER_CHARS = 4000;

const OWN_NUMBER_LINES: readonly RegExp[] = [
  // "Số hiệu: 34/2007/PL-UBTVQH11   Loại văn bản: Pháp lệnh"
  /^[ \t|]*Số hiệu[ \t]*:?[ \t|]*([0-9][^\s|,;]*)/gimu,
  // "Số: 45/KH-UBND", "SỐ 34/2007/PL-UBTVQH11", "Số:  12 -KH/TU"
  /^[ \t|]*S[Ốố][ \t]*:?[ \t]*([0-9][0-9\p{L}/.\-& ]*?)(?=[ \t]{2,}|[ \t]*[|\n]|[ \t]*$|[ \t]+\p{Lu}\p{Ll}*[ ,])/gmu,
  // "Số:" alone, the number on the next line
  /^[ \t|]*S[Ốố][ \t]*:?[ \t|]*\r?\n[ \t|]*([0-9][^\s|,;]*)/gmu,
];
/** "(Kèm theo Quyết định số 123/QĐ-UBND …)", "(Ban hành kèm theo …)": the text is that document's annex. */
const ANNEX_OF = /^[ \t]*\((?:[Bb]an hành )?[Kk]èm theo [^)\n]{0,60}?s[ốo][ \t]*:?[ \t]*([0-9][^\s,;)]*)(?:[ \t,]+ngày[ \t]+(\d{1,2})(?:[ \t]*\/[ \t]*|[ \t]+tháng[ \t]+)(\d{1,2})(?:[ \t]*\/[ \t]*|[ \t]+năm[ \t]+)(\d{4}))?/gmu;

const ISSUED_META = /^[ \t|]*Ngày ban hành[ \t]*:?[ \t|]*(\d{1,2})\/(\d{1,2})\/(\d{4})/imu;
// "Hà Tĩnh, ngày 12 tháng 3 năm 2024", broken over lines in copied tables ("…, ngày\n14 tháng 3 năm 2023").
const DATE_LINE = /^[ \t|]*([\p{L} .]{2,40}),[ \t]*ngày\s{1,4}(\d{1,2})\s{1,4}tháng\s{1,4}(\d{1,2})\s{1,4}năm\s{1,4}(\d{4})/mu;
const NEWS_DATE = /^[ \t]*(?:Thứ [\p{L}]+|Chủ nhật)[ \t]*,[ \t]*(?:ngày[ \t]+)?(\d{1,2})\/(\d{1,2})\/(\d{4})/mu;
/** Header lines that name a provincial issuer (possibly over two lines: "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH"). */
const ISSUER_HEADER = /^[ \t|]*(?:BAN THƯỜNG VỤ |BAN DÂN VẬN |ĐẢNG BỘ )?(?:TỈNH [ỦU][YỶ]|THÀNH [ỦU][YỶ]|[ỦU][YỶ] BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)\b[^\n]*(?:\n[^\n]*)?/gmu;
const ISSUER_META = /^[ \t|]*Nơi ban hành[ \t]*:?[ \t|]*([^\n|]+)/imu;

function isoDate(d: string, m: string, y: string): string | null {
  const day = Number(d);
  const month = Number(m);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function inferSelf(
  text: string,
  provinces: readonly { id: string; keys: string[] }[],
  comparable: (serial: string, symbol: string) => string,
): SelfIdentity {
  const head = text.slice(0, HEADER_CHARS);
  const numbers = new Set<string>();
  const add = (written: string) => {
    const parsed = parseDocumentNumber(written.replace(/\s+/g, '').replace(/[.]$/, ''));
    if (parsed) numbers.add(comparable(parsed.serial, parsed.symbol));
  };
  for (const re of OWN_NUMBER_LINES) for (const m of head.matchAll(re)) add(m[1]!);
  let annexDate: string | null = null;
  for (const m of text.matchAll(ANNEX_OF)) {
    add(m[1]!);
    // An annex is issued with the document it is attached to: that date is its own.
    if (m[4] && annexDate === null && m.index < HEADER_CHARS) annexDate = isoDate(m[2]!, m[3]!, m[4]);
  }

  let date: string | null = null;
  let place: string | null = null;
  const meta = ISSUED_META.exec(head);
  const line = DATE_LINE.exec(head);
  const news = NEWS_DATE.exec(head.slice(0, 400));
  if (meta) date = isoDate(meta[1]!, meta[2]!, meta[3]!);
  else if (line) date = isoDate(line[2]!, line[3]!, line[4]!);
  else if (news) date = isoDate(news[1]!, news[2]!, news[3]!);
  else date = annexDate;
  if (line) place = line[1]!;

  const named = (phrase: string): string | null => {
    const k = ` ${searchKey(phrase)} `;
    return provinces.find((p) => p.keys.some((pk) => pk && k.includes(` ${pk} `)))?.id ?? null;
  };
  let province: string | null = null;
  const issuerMeta = ISSUER_META.exec(head);
  if (issuerMeta) province = named(issuerMeta[1]!);
  for (const m of head.slice(0, 1200).matchAll(ISSUER_HEADER)) {
    if (province) break;
    province = named(m[0]);
  }
  if (!province && place) province = named(place);
  return { numbers, date, province };
}
