/**
 * Extract stage: finds mention candidates in canonical text. Anchors (type words, or a
 * number followed by a type code) drive the scan; everything after an anchor is read with
 * sticky regexes from that position, so the text is scanned once.
 * Extraction knows nothing of the corpus except vocabulary passed in: alias matchers, and
 * the names documents are cited by (named.ts), which tell where a name ends.
 */
import type { DocumentTypeId } from '../document-types.ts';
import { normalizeTonePlacement } from '../text/vietnamese.ts';
import {
  ALIAS_INTRO,
  AMENDING_LAW,
  CODES,
  FOOTNOTE_AFTER,
  HIEN_PHAP,
  SENTENCE_DATE,
  WORKING_RULES,
  LAW_NAMES,
  NAMED_PATTERNS,
  ORDINALS,
  QUALIFIED_SO,
  SP,
  SP0,
  TYPE_WORDS,
  caseless,
  romanToNumber,
  type TypeWordPattern,
} from './patterns.ts';
import { knownNamesMatcher, readDocumentName, type KnownNames } from './named.ts';

export interface NamedInfo {
  /** "document": a name after a type word of its own kind (Pháp lệnh, Điều lệ, Quy chế làm việc). */
  kind: 'congress' | 'local-congress' | 'plenum' | 'law' | 'constitution' | 'document' | 'alias';
  /** The name as written after the type word ("Khiếu nại, tố cáo"), for the named-documents registry. */
  name?: string | null;
  /** Congress or plenum term ("khóa XII" → 12). */
  term: number | null;
  plenum: number | null;
  /** Corpus entry ids whose alias matched (kind "alias"). */
  aliasIds: string[];
}

export interface RawMention {
  /** Offsets into the canonical text. */
  start: number;
  end: number;
  type: DocumentTypeId | null;
  /** What short forms are grouped by: the type id, or the label of a kind outside the type table ("de-an"). */
  kind: string;
  /** "số" written before the number. */
  hasSo: boolean;
  serial: string | null;
  /** Symbol in canonical spelling ("CT-TTg", "QĐi/TW"); null when not written. */
  symbol: string | null;
  /** Separator written between serial and symbol ("/" State, "-" Party). */
  separator: '/' | '-' | null;
  yearInNumber: number | null;
  /** ISO date written with the mention, when it is a valid calendar date. */
  date: string | null;
  /** Year of the written date (kept even when the date itself is garbled: "26/0/2/2007"). */
  dateYear: number | null;
  /** Year taken from a date shared by a list ("217-QĐ/TW và 218-QĐ/TW ngày …"). */
  sharedYear: number | null;
  /** Year of the date opening the sentence of a signing ("Ngày 20/5/2023, … đã ký Kế hoạch số 112-KH/TU"). */
  sentenceYear: number | null;
  named: NamedInfo | null;
  /** Issuer as the text names it after "của". */
  issuerText: string | null;
  /** Written inside "(sau đây gọi tắt là …)": a short name for the mention before. */
  aliasOfPrevious: boolean;
  /** A bare number with neither "số" nor symbol ("Chỉ thị 16"): kept only if something supports it. */
  needsSupport: boolean;
}

export interface AliasMatcher {
  /** Sticky, case-insensitive regex for the whole alias, type word included. */
  regex: RegExp;
  ids: string[];
  type: DocumentTypeId;
  length: number;
  /** The alias as written in the corpus (tone placement normalised), for its capitalisation. */
  text: string;
}


/** Canonical code spelling by upper-case form ("TTG" → "TTg"). */
const CODE_BY_UPPER = new Map(CODES.map((c) => [c.code.toUpperCase(), c]));
/** Codes that may lead a symbol (see CodePattern.leads), by upper-case form. */
const LEADING_CODES = new Set(CODES.filter((c) => c.leads ?? c.type !== null).map((c) => c.code.toUpperCase()));
const TYPE_CODE_SOURCE = CODES.filter((c) => c.leads ?? c.type !== null)
  .map((c) => c.code)
  .sort((a, b) => b.length - a.length)
  .join('|');

// Two anchors, each scanned on its own and merged by position: one alternation of type
// words and numbers together costs V8 about twice the two scans. No lookbehind either:
// evaluated at every position it costs more than the rest of the scan together; the
// character before a match is checked in code instead.

/**
 * Type words grouped by their first letter ("N(?:(ghị quyết…)|(ghị định))|Q(?:…)"): at a
 * position only the group of its letter is tried. Patterns of one letter keep their order,
 * and patterns of different letters cannot match at the same position, so the first
 * pattern that matches is the one a plain alternation in TYPE_WORDS order would find.
 * Capture group g + 1 of the regex is TYPE_WORDS[specOfGroup[g]].
 */
function typeWordAnchor(): { regex: RegExp; specOfGroup: number[] } {
  const byLetter = new Map<string, { spec: number; rest: string }[]>();
  TYPE_WORDS.forEach((t, spec) => {
    const first = t.source[0]!;
    if (!/\p{L}/u.test(first)) throw new Error(`TYPE_WORDS pattern must start with a letter: ${t.source}`);
    const key = first.toLowerCase();
    if (!byLetter.has(key)) byLetter.set(key, []);
    byLetter.get(key)!.push({ spec, rest: t.source.slice(1) });
  });
  const specOfGroup: number[] = [];
  const branches = [...byLetter].map(([letter, list]) => {
    const alternatives = list.map(({ spec, rest }) => {
      specOfGroup.push(spec);
      return `(${rest})`;
    });
    return `${letter}(?:${alternatives.join('|')})`;
  });
  // Not followed by a lower-case letter: "LuậtTiếp công dân" (glued to a capitalised name) is a type word.
  return { regex: new RegExp(caseless(`(?:${branches.join('|')})(?!\\p{Ll})`), 'gu'), specOfGroup };
}
const TYPE_WORD_ANCHOR = typeWordAnchor();
const NUMBER_ANCHOR = new RegExp(
  caseless(
    `(?:\\d{1,3}(?:\\.\\d{3})+|\\d{1,5}[a-zđ]?)(?:\\/(?:19|20)\\d\\d\\/?)?[ \\t]*[-/][ \\t]*(?:(?:${TYPE_CODE_SOURCE})[ \\t]*[-/]|QH\\d{2}(?!\\p{N}))`,
  ),
  'gu',
);
const WORD_CHAR = /[\p{L}\p{N}]/u;
const NUMBER_JOINED_BEFORE = /[\p{L}\p{N}/.\-]/u;

interface Anchor {
  start: number;
  /** End of the type word; for a number, unused. */
  end: number;
  /** Index into TYPE_WORDS, or -1 for a number with a type code. */
  spec: number;
}

/**
 * The next anchor at or after a position, from the two scans: each keeps its last match
 * and searches again only when the position has passed it (a match found from an earlier
 * position is still the first one at or after a later position it does not precede).
 */
class AnchorScanner {
  private word: RegExpExecArray | null | undefined;
  private number: RegExpExecArray | null | undefined;
  private readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  next(pos: number): Anchor | null {
    if (this.word !== null && (this.word === undefined || this.word.index < pos)) this.word = execAt(TYPE_WORD_ANCHOR.regex, this.text, pos);
    if (this.number !== null && (this.number === undefined || this.number.index < pos)) this.number = execAt(NUMBER_ANCHOR, this.text, pos);
    const w = this.word;
    const n = this.number;
    if (w && (!n || w.index <= n.index)) {
      let group = 1;
      while (w[group] === undefined) group++;
      return { start: w.index, end: w.index + w[0].length, spec: TYPE_WORD_ANCHOR.specOfGroup[group - 1]! };
    }
    return n ? { start: n.index, end: n.index + n[0].length, spec: -1 } : null;
  }
}

// "số số 17/KH-UBND": a doubled "số" is a typo of one.
const SO = new RegExp(`${SP0}(?:(s[ốo])(?:${SP}s[ốo](?!\\p{L}))?${SP0}(?::${SP0})?)?`, 'iuy');
// A symbol segment: capitals and digits, with at most single lower-case letters (TTg, QĐi, CTr, QyĐ),
// and "&" or "." between capitals ("XD&KTVB", "CT.UBND").
const SEGMENT = '\\p{Lu}(?:[\\p{Lu}\\p{N}]|[&.](?=\\p{Lu})|\\p{Ll}(?!\\p{Ll}))*';
// A serial, or one written with thousands dots ("1.234/QĐ-UBND"): the dots only when a separator follows.
const SERIAL = /(\d{1,3}(?:\.\d{3})+(?=[ \t]*[-/])|\d{1,5})(\p{Ll}(?![\p{L}\p{N}]))?(?!\p{N})/uy;
const YEAR_IN_NUMBER = /\/((?:19|20)\d\d)(?!\d)(\/)?/y;
const SYMBOL_AFTER_SEPARATOR = new RegExp(`([ \\t]*([-/])[ \\t]*)(${SEGMENT}(?:[-/]${SEGMENT})*)(?![\\p{L}\\p{N}])`, 'uy');
const SYMBOL_GLUED = new RegExp(`(${SEGMENT}(?:[-/]${SEGMENT})*)(?![\\p{L}\\p{N}])`, 'uy');
/**
 * A symbol typed in lower or mixed case ("33/ct-TTg", "25-nq/tw"): accepted only when its
 * first segment is a code that leads symbols and an issuer segment follows.
 */
const SYMBOL_ANY_CASE = /([ \t]*([-/])[ \t]*)(\p{L}{1,6}(?:[-/][\p{L}\p{N}]{1,14}){1,3})(?![\p{L}\p{N}])/uy;
/** Typo tolerance: "NĐ- CP", "QĐ -UBND", "NQ / TW": a spaced separator before an all-capital segment. */
const SPACED_TAIL = /(?:[ \t]+[-/][ \t]*|[-/][ \t]+)(\p{Lu}{2,10})(?![\p{L}\p{N}])/uy;
const NUMBER_CONTINUES = /[.,/][0-9]|[ \t]*%/y;

const DATE = new RegExp(
  `(?:[ \\t]*,)?${SP0}ngày${SP0}(\\d{1,2})${SP0}(?:` +
    `([/.\\-])${SP0}(\\d{1,2})${SP0}\\2${SP0}(\\d{4})` +
    `|tháng${SP}(\\d{1,2})${SP}năm${SP}(\\d{4})` +
    `|(?:[/.\\-]${SP0}\\d{1,2}${SP0}){1,3}[/.\\-]${SP0}(\\d{4})` +
    `)(?!\\d)`,
  'iuy',
);
const YEAR_ONLY = new RegExp(`${SP}năm${SP}((?:19|20)\\d\\d)(?!\\d)`, 'iuy');
const LIST_JOIN = new RegExp(`(?:[ \\t]*,[ \\t]*|${SP}(?:và|hoặc)${SP})(?:số${SP0})?`, 'iuy');
const ISSUER = new RegExp(`${SP0},?${SP0}của${SP}`, 'iuy');
// The issuer's name ends at punctuation or at the first word no organisation name holds
// (function words, verbs of the sentence): "Ban Thường vụ Tỉnh ủy | để tăng cường …".
const ISSUER_STOP = new RegExp(
  `[,;:.()“”"\\n]|\\s-\\s|\\s(?:${[
    'về', 'Về', 'V/v', 'v/v', 'ban hành', 'Ban hành', 'quy định', 'hướng dẫn', 'khóa', 'khoá', 'tại', 'theo', 'đã', 'và',
    'để', 'nhằm', 'trong', 'với', 'cho', 'là', 'được', 'đến', 'từ', 'nêu', 'ở', 'nay', 'trên', 'thì', 'mà', 'này', 'đó',
    'các', 'những', 'đối', 'như', 'khi', 'sau', 'trước', 'đang', 'sẽ', 'còn', 'có', 'phê duyệt', 'triển khai', 'thực hiện',
    'tiếp tục', 'tăng cường', 'đẩy mạnh', 'nâng cao', 'lãnh đạo', 'chỉ đạo', 'giao', 'yêu cầu', 'đề ra', 'gồm', 'bao gồm',
    'cũng', 'đều', 'vẫn', 'chưa', 'ngày', 'năm', 'nhiệm kỳ', 'giai đoạn', 'số', 'kèm', 'gửi', 'đề nghị', 'chủ trì', 'phối hợp',
  ].map((w) => w.replace('/', '\\/')).join('|')})(?![\\p{L}\\p{N}])`,
  'u',
);
const ALIAS_INTRO_RE = new RegExp(ALIAS_INTRO.source, 'iu');
const HEADER_BEFORE = /(?:^|\n)[ \t]*Số[ \t]*:?[ \t]*$|Số[ \t]*:[ \t]*$/iu;
/** Numbers of templates and annexes, not documents: "Mẫu số 02/BC", "Biểu số 01/TH-UBND", "Phụ lục số 3". */
const TEMPLATE_BEFORE = /(?:Mẫu|Biểu(?:[ \t]+mẫu)?|Phụ[ \t]+lục)[ \t]*(?:s[ốo])?[ \t]*:?[ \t]*$/iu;
const QUALIFIED = new RegExp(QUALIFIED_SO.source, 'uy');
const CONSTITUTION = new RegExp(HIEN_PHAP.source, 'iuy');
const AMENDING = new RegExp(AMENDING_LAW.source, 'iuy');
const WORKING = new RegExp(WORKING_RULES.source, 'iuy');
const NAME_JOIN = new RegExp(`(?:[ \\t]*,[ \\t]*|${SP}và${SP})`, 'iuy');
const LAW_WORD = /(?:Bộ[ \t]+[Ll]uật|[Ll]uật)(?=\p{Lu}|[ \t\n])/uy;
const TERM_AFTER = new RegExp(`${SP0}[,(]?${SP0}(?:kh(?:óa|oá)${SP}([IVXL]{1,6})|nhiệm${SP}kỳ${SP}\\d{4}${SP0}-${SP0}\\d{4})(?![\\p{L}\\p{N}])${SP0}\\)?`, 'uy');
const BARE_YEAR = new RegExp(`${SP}((?:19|20)\\d\\d)(?![\\d/\\p{L}])`, 'uy');
const SO_NUMBER = new RegExp(`${SP}(?:s[ốo]${SP0}:?${SP0})`, 'iuy');
const SENTENCE_DATE_RE = new RegExp(SENTENCE_DATE.source, 'iu');
/** Built-in vocabulary of law names (patterns.ts), used when no registry names are passed in. */
const DEFAULT_NAMES: KnownNames = knownNamesMatcher(LAW_NAMES);

const NAMED = NAMED_PATTERNS.map((p) => ({ ...p, regex: new RegExp(p.source, 'iuy') }));
const PLENUM_LONG = new RegExp(
  `${SP}(?:của${SP})?Hội${SP}nghị${SP}lần${SP}thứ${SP}(\\d{1,2}|${Object.keys(ORDINALS).sort((a, b) => b.length - a.length).join('|')})${SP}Ban${SP}Chấp${SP}hành${SP}Trung${SP}ương(?:${SP}Đảng)?(?:${SP}kh(?:óa|oá)${SP}([IVXL]{1,6})(?![\\p{L}\\p{N}]))?`,
  'iuy',
);

/** The match at `pos` (sticky regexes) or the first one from `pos` (global ones). */
function execAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Canonical symbol: known codes in their fixed spelling ("CT-TTG" → "CT-TTg"). */
export function canonicalSymbol(symbol: string): string {
  let canonical = canonicalCache.get(symbol);
  if (canonical === undefined) {
    canonical = symbol.replace(/[^-/]+/g, (seg) => CODE_BY_UPPER.get(seg.toUpperCase())?.code ?? seg);
    // Distinct symbols are few; the bound only guards against pathological input.
    if (canonicalCache.size >= 50_000) canonicalCache.clear();
    canonicalCache.set(symbol, canonical);
  }
  return canonical;
}
const canonicalCache = new Map<string, string>();

/** Short-form grouping of a number found without a type word: its type, or its leading code ("ĐA"). */
function kindOfSymbol(symbol: string): string {
  const first = symbol.split(/[-/]/)[0]!.toUpperCase().replace(/^(QH)\d+$/, '$1');
  const code = CODE_BY_UPPER.get(first);
  return code?.type ?? code?.kind ?? `code:${first}`;
}

/** Document type implied by the code leading a symbol ("NQ/TW" → nghi-quyet). */
export function typeOfSymbol(symbol: string): DocumentTypeId | null {
  // A law's symbol is its term code: "QH13" in "02/2011/QH13".
  const first = symbol.split(/[-/]/)[0]!.toUpperCase().replace(/^(QH)\d+$/, '$1');
  return CODE_BY_UPPER.get(first)?.type ?? null;
}

function isoDate(d: number, m: number, y: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function ordinalValue(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  return ORDINALS[s.toLowerCase().replace(/\s+/g, ' ')] ?? null;
}

interface NumberPart {
  end: number;
  serial: string;
  symbol: string | null;
  separator: '/' | '-' | null;
  yearInNumber: number | null;
}

interface SymbolPart {
  end: number;
  symbol: string;
  separator: '/' | '-';
}

/** A symbol led by code-like capitals, not by an ordinary capitalised word ("2021 - Tỉnh"). */
const CODE_LED = /^\p{Lu}[\p{Lu}\p{N}]*\p{Ll}?\p{Lu}*(?:[-/]|$)/u;

/** Upper-cases a symbol typed in lower or mixed case, then gives known codes their spelling. */
function upperSymbol(symbol: string): string {
  return symbol.replace(/[^-/]+/g, (seg) => seg.toUpperCase());
}

/**
 * The symbol after a serial (or after the year of "03/2007/…"), with its separator:
 * as written in capitals, else in any case when it is led by a known code, else (when
 * `glued` is allowed: "03/2007QĐ-BNV") written with no separator at all.
 */
function readSymbol(text: string, p: number, glued: boolean): SymbolPart | null {
  let m = execAt(SYMBOL_AFTER_SEPARATOR, text, p);
  let symbol: string | null = null;
  let separator: '/' | '-' = '/';
  if (m && CODE_LED.test(m[3]!)) {
    symbol = m[3]!;
    separator = m[2] as '/' | '-';
  } else {
    m = execAt(SYMBOL_ANY_CASE, text, p);
    if (m && LEADING_CODES.has(m[3]!.split(/[-/]/)[0]!.toUpperCase()) && /\p{Ll}/u.test(m[3]!)) {
      symbol = upperSymbol(m[3]!);
      separator = m[2] as '/' | '-';
    } else if (glued) {
      m = execAt(SYMBOL_GLUED, text, p);
      if (m && CODE_LED.test(m[1]!)) symbol = m[1]!;
    }
  }
  if (!m || !symbol) return null;
  let end = m.index + m[0].length;
  // A footnote marker glued to an issuer code that never carries digits ("05-CT/TW2").
  const footnote = FOOTNOTE_AFTER.exec(symbol);
  if (footnote && text.slice(end - footnote[2]!.length, end) === footnote[2]) {
    symbol = footnote[1]!;
    end -= footnote[2]!.length;
  }
  // Spaced separators inside the symbol ("NĐ- CP", "NQ / TW"): at most two.
  for (let i = 0; i < 2; i++) {
    const tail = execAt(SPACED_TAIL, text, end);
    if (!tail) break;
    symbol += (tail[0].includes('/') ? '/' : '-') + tail[1]!;
    end += tail[0].length;
  }
  return { end, symbol, separator };
}

/** Reads "33", "33/CT-TTg", "03/2007/QĐ-BNV", "03/2007QĐ-BNV", "35- CT/TW", "30c/NQ-CP", "1.234/QĐ-UBND" at pos. */
function readNumber(text: string, pos: number, requireSymbol: boolean): NumberPart | null {
  const s = execAt(SERIAL, text, pos);
  if (!s) return null;
  const grouped = s[1]!.includes('.');
  const serial = s[1]!.replace(/\./g, '') + (s[2] ?? '');
  const afterSerial = pos + s[0].length;
  let yearInNumber: number | null = null;
  let sym: SymbolPart | null = null;
  const y = execAt(YEAR_IN_NUMBER, text, afterSerial);
  if (y) {
    const afterYear = afterSerial + y[0].length;
    sym = readSymbol(text, afterYear, true);
    if (sym) {
      yearInNumber = Number(y[1]);
      sym.separator = '/';
    }
  }
  sym ??= readSymbol(text, afterSerial, false);
  if (!sym) {
    if (requireSymbol || grouped) return null;
    if (execAt(NUMBER_CONTINUES, text, afterSerial)) return null;
    return { end: afterSerial, serial, symbol: null, separator: null, yearInNumber: null };
  }
  return { end: sym.end, serial, symbol: canonicalSymbol(sym.symbol), separator: sym.separator, yearInNumber };
}

interface DatePart {
  end: number;
  date: string | null;
  year: number;
}

/** A capitalised "Ngày"/"Năm" after a line break opens a new sentence: no date of the mention before. */
function newSentenceAfterBreak(matched: string): boolean {
  const word = matched.search(/[Nn](?:gày|ăm)/u);
  return word > 0 && matched.slice(0, word).includes('\n') && matched[word] === 'N';
}

function readDate(text: string, pos: number): DatePart | null {
  const m = execAt(DATE, text, pos);
  if (m && newSentenceAfterBreak(m[0])) return null;
  if (m) {
    if (m[4]) return { end: pos + m[0].length, date: isoDate(Number(m[1]), Number(m[3]), Number(m[4])), year: Number(m[4]) };
    if (m[6]) return { end: pos + m[0].length, date: isoDate(Number(m[1]), Number(m[5]), Number(m[6])), year: Number(m[6]) };
    return { end: pos + m[0].length, date: null, year: Number(m[7]) };
  }
  const y = execAt(YEAR_ONLY, text, pos);
  if (y && !newSentenceAfterBreak(y[0])) return { end: pos + y[0].length, date: null, year: Number(y[1]) };
  return null;
}

function readIssuer(text: string, pos: number): string | null {
  const m = execAt(ISSUER, text, pos);
  if (!m) return null;
  const from = pos + m[0].length;
  const window = text.slice(from, from + 90);
  const stop = ISSUER_STOP.exec(window);
  const name = (stop ? window.slice(0, stop.index) : window).replace(/\s+/g, ' ').trim();
  return name.length >= 2 ? name : null;
}

const COUNTED_NOUN = /^[ \t]*(?:năm|tháng|ngày|tuần|quý|lần|vấn|nội|điểm|nhóm|mục|nhiệm|người|xã|huyện|tỉnh|đơn|cơ|lĩnh|giải|chỉ|tiêu|%|,\d|\.\d)/iu;

function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[ \t"“'‘(\-–•*]/.test(text[i]!)) i--;
  return i < 0 || /[.!?:;\n\r]/.test(text[i]!);
}

function emptyMention(start: number, end: number, type: DocumentTypeId | null, kind: string | null = type): RawMention {
  return {
    start, end, type, kind: kind ?? '', hasSo: false, serial: null, symbol: null, separator: null, yearInNumber: null,
    date: null, dateYear: null, sharedYear: null, sentenceYear: null, named: null, issuerText: null, aliasOfPrevious: false,
    needsSupport: false,
  };
}

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}

/**
 * A corpus alias is a name only as a name is written: with its capitalisation, or led by
 * a capitalised type word ("Quy chế công tác dân vận …"). The same words in lower case
 * ("xây dựng quy chế công tác dân vận …") are a generic noun phrase.
 */
function writtenAsName(matched: string, alias: AliasMatcher): boolean {
  if (isUpper(matched[0])) return true;
  return normalizeTonePlacement(matched.replace(/\s+/g, ' ')) === alias.text;
}

/** Named reference right after a type word: corpus aliases first, then the built-in forms. */
function readNamed(
  text: string,
  start: number,
  wordEnd: number,
  spec: TypeWordPattern,
  aliases: readonly AliasMatcher[],
  names: KnownNames,
): RawMention | null {
  const type = spec.type;
  // A draft ("dự thảo Luật Đất đai (sửa đổi)", "dự thảo Quy chế làm việc …") is no document yet.
  if (DRAFT_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return null;
  if (spec.kind === 'hien-phap') {
    // "Hiến pháp và pháp luật" is the legal order in general; the document is cited with its year or full name.
    if (!isUpper(text[start])) return null;
    const m = execAt(CONSTITUTION, text, wordEnd);
    if (!m) return null;
    const r = emptyMention(start, wordEnd + m[0].length, null, spec.kind);
    r.named = { kind: 'constitution', name: null, term: null, plenum: null, aliasIds: [] };
    const year = m[2] ?? m[3];
    r.dateYear = year ? Number(year) : null;
    return r;
  }
  if (spec.kind === 'phap-lenh' || spec.kind === 'dieu-le') {
    // "Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn", "Điều lệ Đảng"; not "điều lệ hội" nor a heading.
    if (!isUpper(text[start]) || isAllCaps(text.slice(start, wordEnd))) return null;
    const n = readDocumentName(text, wordEnd, spec.kind === 'phap-lenh' ? names : NO_NAMES, true);
    if (!n) return null;
    const r = emptyMention(start, n.end, null, spec.kind);
    r.named = { kind: 'document', name: n.name, term: null, plenum: null, aliasIds: [] };
    return finishNamed(text, r);
  }
  if (!type) return null;
  if (type === 'luat') return readLaw(text, start, wordEnd, names);
  for (const a of aliases) {
    if (a.type !== type) continue;
    const m = execAt(a.regex, text, start);
    if (m && writtenAsName(m[0], a)) {
      const r = emptyMention(start, start + m[0].length, type);
      r.named = { kind: 'alias', term: null, plenum: null, aliasIds: a.ids };
      const d = readDate(text, r.end);
      if (d) Object.assign(r, { end: d.end, date: d.date, dateYear: d.year });
      return r;
    }
  }
  if (type === 'nghi-quyet') {
    for (const p of NAMED) {
      const m = execAt(p.regex, text, wordEnd);
      if (!m) continue;
      if (p.kind === 'congress' || p.kind === 'local-congress') {
        if (!/^[IVXL]+$/.test(m[1]!)) continue;
        const r = emptyMention(start, wordEnd + m[0].length, type);
        r.named = { kind: p.kind, term: romanToNumber(m[1]!), plenum: null, aliasIds: [] };
        return r;
      }
      const plenum = ordinalValue(m[1]!);
      const term = m[2] && /^[IVXL]+$/.test(m[2]) ? romanToNumber(m[2]) : null;
      // A spelled-out plenum number needs its term: "Nghị quyết Trung ương năm" is not a name.
      if (plenum === null || (term === null && !/^\d/.test(m[1]!))) continue;
      let end = wordEnd + m[0].length;
      while (end > wordEnd && /\s/.test(text[end - 1]!)) end--;
      const r = emptyMention(start, end, type);
      r.named = { kind: 'plenum', term, plenum, aliasIds: [] };
      return r;
    }
    const m = execAt(PLENUM_LONG, text, wordEnd);
    if (m) {
      const plenum = ordinalValue(m[1]!);
      const term = m[2] && /^[IVXL]+$/.test(m[2]) ? romanToNumber(m[2]) : null;
      if (plenum !== null) {
        const r = emptyMention(start, wordEnd + m[0].length, type);
        r.named = { kind: 'plenum', term, plenum, aliasIds: [] };
        return r;
      }
    }
  }
  if (type === 'quy-che' && isUpper(text[start]) && !isAllCaps(text.slice(start, wordEnd))) {
    // "Quy chế làm việc của Ban Chấp hành Trung ương Đảng khóa XIII": named by its organ (and term).
    const w = execAt(WORKING, text, wordEnd);
    if (w) {
      const organAt = wordEnd + w[0].length;
      const n = isUpper(text[organAt]) ? readDocumentName(text, organAt, NO_NAMES, true) : null;
      if (n) {
        const r = emptyMention(start, n.end, type);
        r.named = { kind: 'document', name: null, term: null, plenum: null, aliasIds: [] };
        const t = execAt(TERM_AFTER, text, r.end);
        if (t) {
          r.end += t[0].length;
          r.named.term = t[1] ? romanToNumber(t[1]) : null;
        }
        return r;
      }
    }
  }
  return null;
}

const NO_NAMES: KnownNames = { regex: null };
/** Words before "luật" that make it part of another noun ("pháp luật", "kỷ luật", "dự thảo luật"). */
const NOT_A_LAW_BEFORE = /(?:^|[^\p{L}])(?:pháp|kỷ|quy|đạo|điều|thảo|dự án|văn bản|học|khoa|viện|ngành|cử nhân|tạp chí|sinh viên|công ty|hãng|văn phòng)[ \t]+$/iu;
const DRAFT_BEFORE = /(?:^|[^\p{L}])dự[ \t]+thảo[ \t]+$/iu;

function isAllCaps(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/**
 * "Luật Khiếu nại, tố cáo năm 1998", "LuậtTiếp công dân", "luật Mặt trận Tổ quốc Việt Nam"
 * (lower case: a known name only), "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B
 * ngày …" (one document: the amending law, its date its own).
 */
function readLaw(text: string, start: number, wordEnd: number, names: KnownNames): RawMention | null {
  if (!execAt(LAW_WORD, text, start)) return null; // "LUẬT" in a heading is the document's own title
  if (NOT_A_LAW_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return null;
  const lower = text[start] === 'l';
  const a = lower ? null : execAt(AMENDING, text, wordEnd);
  if (a) {
    let p = wordEnd + a[0].length;
    const parts: string[] = [];
    for (;;) {
      const lw = execAt(LAW_WORD, text, p);
      const n = lw ? readDocumentName(text, p + lw[0].length, names, true) : null;
      if (!n) break;
      parts.push(`Luật ${n.name}`);
      p = n.end;
      const j = execAt(NAME_JOIN, text, p);
      if (!j || !execAt(LAW_WORD, text, p + j[0].length)) break;
      p += j[0].length;
    }
    if (parts.length) {
      const r = emptyMention(start, p, 'luat');
      r.named = { kind: 'law', name: `sửa đổi, bổ sung một số điều của ${parts.join(' và ')}`, term: null, plenum: null, aliasIds: [] };
      return finishNamed(text, r);
    }
  }
  const n = readDocumentName(text, wordEnd, names, !lower);
  if (!n) return null;
  const r = emptyMention(start, n.end, 'luat');
  r.named = { kind: 'law', name: n.name, term: null, plenum: null, aliasIds: [] };
  return finishNamed(text, r);
}

/**
 * What may follow a document's name: its number ("Luật … số 10/2022/QH15": then a numbered
 * mention, named no more), else its date or year ("năm 2003", "ngày 19 tháng 6 năm 2015", "2013").
 */
function finishNamed(text: string, r: RawMention): RawMention {
  const so = execAt(SO_NUMBER, text, r.end);
  const num = so ? readNumber(text, r.end + so[0].length, true) : null;
  if (num) {
    Object.assign(r, { end: num.end, hasSo: true, serial: num.serial, symbol: num.symbol, separator: num.separator, yearInNumber: num.yearInNumber, named: null });
    return r;
  }
  const d = readDate(text, r.end);
  if (d) Object.assign(r, { end: d.end, date: d.date, dateYear: d.year });
  else {
    const y = execAt(BARE_YEAR, text, r.end);
    if (y) Object.assign(r, { end: r.end + y[0].length, dateYear: Number(y[1]) });
  }
  return r;
}

/** "- 3Nghị quyết …": list numbering glued to a capitalised type word. */
function gluedNumbering(text: string, start: number): boolean {
  return isUpper(text[start]) && /(?:^|[\s\-–•(.])\d{1,3}$/u.test(text.slice(Math.max(0, start - 5), start));
}

/**
 * "Ngày 20/5/2023, Ban Thường vụ Tỉnh ủy đã ký Kế hoạch số 112-KH/TU …": a number with no
 * date of its own takes the date opening its sentence when a signing verb lies between.
 */
function sentenceYear(text: string, m: RawMention, previousEnd: number): number | null {
  let i = m.start - 1;
  const floor = Math.max(previousEnd, m.start - 400);
  while (i >= floor && text[i] !== '\n' && !(text[i] === '.' && /\s/.test(text[i + 1] ?? '')) && text[i] !== ';') i--;
  if (i < floor && floor === previousEnd && previousEnd > 0) return null; // another mention sits in the sentence
  const sentence = text.slice(i + 1, m.start);
  const d = SENTENCE_DATE_RE.exec(sentence);
  if (!d || !SENTENCE_DATE.signed.test(sentence.slice(d[0].length))) return null;
  return Number(d[4]);
}

/** Finds every mention candidate, in text order, non-overlapping. */
export function extractMentions(text: string, aliases: readonly AliasMatcher[] = [], names: KnownNames = DEFAULT_NAMES): RawMention[] {
  const out: RawMention[] = [];
  const anchors = new AnchorScanner(text);
  let pos = 0;
  let m: Anchor | null;
  while ((m = anchors.next(pos))) {
    const start = m.start;
    const isNumber = m.spec < 0;
    const found: RawMention[] = [];
    const prevChar = start > 0 ? text[start - 1]! : '';
    if (prevChar && (isNumber ? NUMBER_JOINED_BEFORE : WORD_CHAR).test(prevChar) && (isNumber || !gluedNumbering(text, start))) {
      // Inside a word or a longer number ("1.566/1.853"): a digit run continues from there.
      pos = start + 1;
      continue;
    }
    if (isNumber) {
      const before = text.slice(Math.max(0, start - 16), start);
      const num = HEADER_BEFORE.test(before) || TEMPLATE_BEFORE.test(before) ? null : readNumber(text, start, true);
      if (!num) {
        pos = start + 1;
        continue;
      }
      const r = emptyMention(start, num.end, typeOfSymbol(num.symbol!), kindOfSymbol(num.symbol!));
      Object.assign(r, { serial: num.serial, symbol: num.symbol, separator: num.separator, yearInNumber: num.yearInNumber });
      found.push(r);
    } else {
      const spec = TYPE_WORDS[m.spec]!;
      const wordEnd = m.end;
      const so = execAt(SO, text, wordEnd)!;
      let hasSo = so[1] !== undefined;
      // "NGHỊ QUYẾT\nSố: 12/NQ-HĐND": a type word over a line opening with "Số" is the document's own header.
      const ownHeader = hasSo && so[1]![0] === 'S' && /\n[ \t]*$/.test(so[0].slice(0, so[0].indexOf(so[1]!)));
      let num = spec.kind === 'hien-phap' || ownHeader ? null : readNumber(text, wordEnd + so[0].length, spec.needsSymbol === true);
      if (ownHeader) {
        pos = start + 1;
        continue;
      }
      if (!num && !hasSo && spec.kind !== 'hien-phap') {
        // "Quyết định thanh tra số 35/QĐ-TTr": a qualifier, "số", and a written symbol.
        const q = execAt(QUALIFIED, text, wordEnd);
        if (q) {
          num = readNumber(text, wordEnd + q[0].length, true);
          hasSo = num !== null;
        }
      }
      if (num) {
        const bare = !num.symbol && !hasSo;
        // "quyết định 3 vấn đề", "Kế hoạch 2022": a count or a year, not a document.
        // Inside "(sau đây gọi tắt là Quyết định 1925)" a year-like number is still the short name.
        const countOrYear =
          bare &&
          (!/^\p{Lu}/u.test(text[start]!) ||
            (/^(?:19|20)\d\d$/.test(num.serial) && !ALIAS_INTRO_RE.test(text.slice(Math.max(0, start - 40), start))));
        if (!countOrYear) {
          const r = emptyMention(start, num.end, spec.type, spec.kind);
          // Capitalised mid-sentence, "Nghị quyết 25" names a document; at a sentence start or
          // before a counted noun ("Kết luận 2 vấn đề") it needs support from the text or corpus.
          const needsSupport = bare && (atSentenceStart(text, start) || COUNTED_NOUN.test(text.slice(num.end, num.end + 12)));
          Object.assign(r, { hasSo, serial: num.serial, symbol: num.symbol, separator: num.separator, yearInNumber: num.yearInNumber, needsSupport });
          found.push(r);
        }
      } else {
        const named = readNamed(text, start, wordEnd, spec, aliases, names);
        if (named) found.push(named);
      }
    }
    if (!found.length) {
      pos = start + 1;
      continue;
    }
    const head = found[0]!;
    if (!head.named) {
      const d = readDate(text, head.end);
      if (d) Object.assign(head, { end: d.end, date: d.date, dateYear: d.year });
      // List continuation: "217-QĐ/TW và 218-QĐ/TW ngày …", "số 01/NQ-CP, 02/NQ-CP".
      let last = head;
      while (last.symbol) {
        const j = execAt(LIST_JOIN, text, last.end);
        if (!j) break;
        const itemStart = last.end + j[0].length;
        const num = readNumber(text, itemStart, true);
        if (!num) break;
        const itemType = typeOfSymbol(num.symbol!);
        if (itemType && head.type && itemType !== head.type && !(head.type === 'quy-dinh' && itemType === 'quyet-dinh')) break;
        if (!head.type && kindOfSymbol(num.symbol!) !== kindOfSymbol(head.symbol!)) break;
        const soAt = j[0].search(/s[ốo]/iu);
        const soStart = soAt >= 0 ? last.end + soAt : itemStart;
        const item = emptyMention(soStart, num.end, head.type, head.kind);
        Object.assign(item, { hasSo: true, serial: num.serial, symbol: num.symbol, separator: num.separator, yearInNumber: num.yearInNumber });
        const di = readDate(text, item.end);
        if (di) Object.assign(item, { end: di.end, date: di.date, dateYear: di.year });
        found.push(item);
        last = item;
      }
      // A date written once after the list belongs to every item before it.
      const shared = found[found.length - 1]!.dateYear;
      if (found.length > 1 && shared !== null) for (const f of found) if (f.dateYear === null) f.sharedYear = shared;
      const issuer = readIssuer(text, last.end);
      if (issuer) for (const f of found) f.issuerText = issuer;
    } else {
      const issuer = readIssuer(text, head.end);
      if (issuer) head.issuerText = issuer;
    }
    const prevEnd = out.length ? out[out.length - 1]!.end : 0;
    if (out.length && ALIAS_INTRO_RE.test(text.slice(Math.max(prevEnd, start - 40), start))) head.aliasOfPrevious = true;
    for (const f of found) {
      const namedUndated = f.named !== null && f.named.kind !== 'alias' && f.dateYear === null;
      if ((f.symbol && f.yearInNumber === null && f.dateYear === null && f.sharedYear === null) || namedUndated) {
        f.sentenceYear = sentenceYear(text, f, out.length ? out[out.length - 1]!.end : 0);
      }
    }
    out.push(...found);
    pos = found[found.length - 1]!.end;
  }
  return out;
}
