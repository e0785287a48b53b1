/**
 * Search queries as people type them: with or without diacritics, đ or d, old or new
 * tone placement, NFC or NFD, and document numbers in any of their spoken or written
 * forms ("33/CT-TTg", "ct33", "chi thi so 33", "kl 114", "quy định 11").
 * Shared by the browser bundle and the unit tests: no DOM, no Node APIs.
 */
import { DOCUMENT_TYPE_IDS, DOCUMENT_TYPES, type DocumentTypeId } from '../document-types.ts';
import { normalizeText, normalizeTonePlacement, searchKey, hasDiacritics } from '../text/vietnamese.ts';

/** Longest query we look at; the rest is ignored (a pasted page must not stall the tab). */
export const MAX_QUERY_LENGTH = 200;

export interface NormalizedQuery {
  /** As typed, NFC, tone placement canonical (new style), single-spaced. Empty when nothing searchable. */
  exact: string;
  /** Marks and đ removed, lower case: the form the folded index copy is written in. */
  folded: string;
  /** True when `exact` carries diacritics, so an exact-spelling search is worth running. */
  hasDiacritics: boolean;
}

/** Keeps letters, digits and the separators of document numbers; everything else is a space. */
function clean(input: string): string {
  return input
    .replace(/[^\p{L}\p{M}\p{N}/\-.]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function normalizeQuery(raw: string): NormalizedQuery {
  const limited = normalizeText(String(raw ?? '')).slice(0, MAX_QUERY_LENGTH);
  const exact = clean(normalizeTonePlacement(limited));
  const folded = clean(searchKey(exact));
  // A query made only of separators ("///", "-.-") has nothing to search for.
  if (!/[\p{L}\p{N}]/u.test(exact)) return { exact: '', folded: '', hasDiacritics: false };
  return { exact, folded, hasDiacritics: hasDiacritics(exact) };
}

// --- Document numbers -----------------------------------------------------------------

export interface NumberQuery {
  /** Serial as folded lower case, leading zeros dropped: "33", "30c". */
  serial: string;
  /** Document types the query names ("chỉ thị", "ct", "qđ"), empty when it names none. */
  types: DocumentTypeId[];
  /** Symbol compared without case, separators or the QĐi/QĐ spelling ("ctttg", "qdtw"); null when not given. */
  symbol: string | null;
  /** The symbol as typed, folded, separators removed, QĐi kept apart from QĐ: ranks the exact spelling first. */
  symbolSpelling: string | null;
  /** Year given in the query ("năm 2021", "ngày 26/11/2021", "03/2007/QĐ-BNV"), else null. */
  year: number | null;
}

/** Folded type words, longest first so "chuong trinh phoi hop" wins over "chuong trinh". */
const TYPE_WORDS: ReadonlyArray<readonly [string, DocumentTypeId]> = [
  ...DOCUMENT_TYPE_IDS.map((id) => [searchKey(DOCUMENT_TYPES[id].name), id] as const),
  ...([
    ['chuong trinh phoi hop', 'chuong-trinh'],
    ['qui dinh', 'quy-dinh'],
    ['qui che', 'quy-che'],
    ['thong bao ket luan', 'thong-bao'],
    ['van ban', 'cong-van'],
  ] as const),
].sort((a, b) => b[0].length - a[0].length);

/** Folded type codes → the types whose numbers use that code (QĐ is shared by three types). */
const TYPE_CODES: ReadonlyMap<string, DocumentTypeId[]> = (() => {
  const m = new Map<string, DocumentTypeId[]>();
  for (const id of DOCUMENT_TYPE_IDS) {
    for (const code of [...DOCUMENT_TYPES[id].stateCodes, ...DOCUMENT_TYPES[id].partyCodes]) {
      const key = searchKey(code);
      if (key === 'qh') continue; // "QH13" is a term of the National Assembly, not a type someone types
      const list = m.get(key) ?? [];
      if (!list.includes(id)) list.push(id);
      m.set(key, list);
    }
  }
  // Short forms people type that are not official codes.
  m.set('nd', ['nghi-dinh']);
  m.set('qdi', ['quy-dinh']);
  return m;
})();

/** Words that carry no meaning in a number query ("số", "ngày", "năm", "của"). */
const FILLER = new Set(['so', 'ngay', 'nam', 'cua', 've', 'thang', 'ban', 'hanh']);

/** Symbol parts compared as one key: QĐi and QyĐ are spellings of QĐ for Quy định. */
export function symbolKey(symbol: string): string {
  return searchKey(symbol)
    .split(/[-/.\s]+/)
    .filter(Boolean)
    .map((part) => (part === 'qdi' || part === 'qyd' ? 'qd' : part))
    .join('');
}

/** The symbol folded with its separators removed, QĐi and QĐ still apart. */
export function spelling(symbol: string): string {
  return searchKey(symbol).replace(/[-/.\s]+/g, '');
}

/** "033" → "33", "30C" → "30c": serials compare by value, keeping a letter suffix. */
export function serialKey(serial: string): string {
  const m = /^0*(\d+)([a-z]?)$/.exec(searchKey(serial));
  if (!m) return searchKey(serial);
  return `${m[1] === '' ? '0' : m[1]}${m[2]}`;
}

const YEAR_MIN = 1930;
const YEAR_MAX = 2100;
const isYear = (n: number) => n >= YEAR_MIN && n <= YEAR_MAX;

/** A full number: serial, optional "/yyyy", separator, symbol with at least one letter. */
const FULL_NUMBER = /^(\d+[a-z]?)(?:\/(\d{4}))?[/-]([a-z][a-z0-9]*(?:[-/][a-z0-9]+)*)$/;
/** A symbol written alone: letters joined by "-" or "/" ("ct-ttg", "qd/tw", "kl/tw"). */
const SYMBOL_ONLY = /^[a-z][a-z0-9]*(?:[-/][a-z0-9]+)+$/;
/** A type code glued to the serial ("ct33", "kl114", "nq30c"). */
const GLUED = /^([a-z]+)(\d+[a-z]?)$/;
const DATE = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/;

/** A symbol has two parts ("CT-TTg", "UBND-NC") or is a type code alone ("1/QĐ"): not "1/script". */
function looksLikeSymbol(symbol: string): boolean {
  const parts = symbol.split(/[-/]/);
  return parts.length >= 2 || TYPE_CODES.has(spelling(parts[0]!));
}

/**
 * Reads a document number out of a query, or null when the query does not ask for one.
 * A bare number counts only when the query is nothing else ("290", "290 2010"), so that
 * "điều 3" or "giai đoạn 2016-2021" never turn into a number lookup.
 */
export function parseNumberQuery(raw: string): NumberQuery | null {
  const { folded } = normalizeQuery(raw);
  if (!folded) return null;
  let rest = ` ${folded.replace(/\.(?=\s|$)/g, ' ')} `;

  const types = new Set<DocumentTypeId>();
  for (const [word, type] of TYPE_WORDS) {
    const needle = ` ${word} `;
    while (rest.includes(needle)) {
      types.add(type);
      rest = rest.replace(needle, ' ');
    }
  }
  // "33 / CT-TTg", "114 - KL/TW": join separators spaced out by the typist.
  rest = rest.replace(/(\d[a-z]?)\s*([/-])\s*(?=[a-z])/g, '$1$2').replace(/\s+([/-])\s+/g, '$1');

  let serial: string | null = null;
  let symbol: string | null = null;
  let symbolSpelling: string | null = null;
  let year: number | null = null;
  const bareNumbers: string[] = [];
  let unknownWords = 0;

  for (const token of rest.split(' ').filter(Boolean)) {
    let m: RegExpExecArray | null;
    if ((m = DATE.exec(token))) {
      year = Number(m[1]);
    } else if ((m = FULL_NUMBER.exec(token)) && looksLikeSymbol(m[3]!)) {
      serial ??= serialKey(m[1]!);
      if (m[2]) year = Number(m[2]);
      symbol ??= symbolKey(m[3]!);
      symbolSpelling ??= spelling(m[3]!);
      for (const t of TYPE_CODES.get(spelling(m[3]!.split(/[-/]/)[0]!)) ?? []) types.add(t);
    } else if (SYMBOL_ONLY.test(token)) {
      symbol ??= symbolKey(token);
      symbolSpelling ??= spelling(token);
      for (const t of TYPE_CODES.get(spelling(token.split(/[-/]/)[0]!)) ?? []) types.add(t);
    } else if ((m = GLUED.exec(token)) && TYPE_CODES.has(m[1]!)) {
      serial ??= serialKey(m[2]!);
      for (const t of TYPE_CODES.get(m[1]!)!) types.add(t);
    } else if (/^\d+[a-z]?$/.test(token)) {
      bareNumbers.push(token);
    } else if (TYPE_CODES.has(token)) {
      for (const t of TYPE_CODES.get(token)!) types.add(t);
    } else if (!FILLER.has(token)) {
      unknownWords++;
    }
  }

  for (const n of bareNumbers) {
    const value = Number(n);
    if (serial === null && !(isYear(value) && bareNumbers.length > 1 && /^\d+$/.test(n))) serial = serialKey(n);
    else if (isYear(value) && year === null) year = value;
  }
  if (serial === null) return null;
  // Unknown words make a number lookup a guess unless the query also names a type or symbol.
  if (unknownWords > 0 && types.size === 0 && symbol === null) return null;
  return { serial, types: [...types].sort(), symbol, symbolSpelling, year };
}
