/**
 * "Đi tới văn bản": documents whose number the query names, ranked above full-text
 * results. Every candidate that fits is kept, so an ambiguous number (33/CT-TTg of two
 * years, 10-CT/TU of two provinces) shows each one with its year and issuer.
 */
import { DOCUMENT_TYPES } from '../document-types.ts';
import { parseDocumentNumber } from '../identity.ts';
import type { NumberEntry } from './number-index.ts';
import { missingEntryPath } from '../site/missing.ts';
import { serialKey, spelling, symbolKey, type NumberQuery } from './query.ts';

export interface DirectHit {
  entry: NumberEntry;
  /** "Chỉ thị số 33/CT-TTg". */
  label: string;
  /** "2021 · Thủ tướng Chính phủ" (and the province for local documents). */
  detail: string;
  /** Path relative to the site base: "van-ban/<id>/" or "chua-co/#<anchor>". */
  path: string;
  missing: boolean;
  score: number;
}

export function hitLabel(entry: NumberEntry): string {
  const type = entry.t ? DOCUMENT_TYPES[entry.t].name : 'Văn bản';
  return `${type} số ${entry.n}`;
}

export function hitPath(entry: NumberEntry): string {
  return entry.u ? missingEntryPath(entry.id, entry.u) : `van-ban/${encodeURIComponent(entry.id)}/`;
}

function typeFromSymbol(symbol: string): NumberEntry['t'] {
  const code = symbolKey(symbol.split(/[-/]/)[0] ?? '');
  for (const info of Object.values(DOCUMENT_TYPES)) {
    if ([...info.partyCodes, ...info.stateCodes].some((c) => symbolKey(c) === code)) return info.id;
  }
  return null;
}

/** Score of one entry for the query, or null when it does not fit. */
export function scoreEntry(query: NumberQuery, entry: NumberEntry): number | null {
  const parsed = parseDocumentNumber(entry.n);
  if (!parsed || serialKey(parsed.serial) !== query.serial) return null;
  let score = 10;
  if (query.symbol !== null) {
    const own = symbolKey(parsed.symbol);
    if (own === query.symbol) score += spelling(parsed.symbol) === query.symbolSpelling ? 7 : 6;
    else if (own.startsWith(query.symbol)) score += 3;
    else return null;
  }
  if (query.types.length) {
    const type = entry.t ?? typeFromSymbol(parsed.symbol);
    if (!type || !query.types.includes(type)) return null;
    score += 4;
  }
  const year = entry.y ?? parsed.yearInNumber;
  if (query.year !== null) {
    if (year !== null && year !== query.year) return null;
    if (year === query.year) score += 4;
  }
  if (!entry.u) score += 2;
  return score;
}

/** Matching entries, best first; ties go to the newer document, then to the id. */
export function findDirectHits(query: NumberQuery, entries: readonly NumberEntry[], limit = 8): DirectHit[] {
  const hits: DirectHit[] = [];
  for (const entry of entries) {
    const score = scoreEntry(query, entry);
    if (score === null) continue;
    const detail = [entry.y ? String(entry.y) : null, entry.o ?? null, entry.p ?? null].filter(Boolean).join(' · ');
    hits.push({ entry, label: hitLabel(entry), detail, path: hitPath(entry), missing: entry.u !== undefined, score });
  }
  hits.sort((a, b) => b.score - a.score || (b.entry.y ?? 0) - (a.entry.y ?? 0) || a.entry.id.localeCompare(b.entry.id));
  return hits.slice(0, limit);
}
