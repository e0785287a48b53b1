/**
 * Document identity: (type, number, year, province for local documents) → id → URL.
 * A bare số ký hiệu is not unique (State numbers restart each year, Party numbers each
 * term, every province has its own "…/QĐ-UBND"), so the id always carries the year,
 * and the province for local documents.
 */
import type { DocumentTypeId } from './document-types.ts';
import { slugify } from './text/vietnamese.ts';

export interface DocumentIdentity {
  type: DocumentTypeId;
  /** Số ký hiệu as officially written ("33/CT-TTg", "25-NQ/TW"); absent when unknown. */
  number?: string | undefined;
  /** Year of issue. */
  year: number;
  /** Province registry id for local documents, else null/absent. */
  province?: string | null | undefined;
  /** Issuer registry id; used in the id only when the number is unknown. */
  issuer: string;
  /** ISO date (possibly partial "YYYY-MM"); used in the id only when the number is unknown. */
  issued?: string | undefined;
}

export interface ParsedNumber {
  /** The serial part, letters kept: "33", "30c", "03". */
  serial: string;
  /** The symbol after the serial (and year, if any): "CT-TTg", "NQ/TW", "QĐ-BNV". */
  symbol: string;
  /** Year written inside the number ("03/2007/QĐ-BNV" → 2007), else null. */
  yearInNumber: number | null;
  /** "state" for "33/CT-TTg" (slash then code), "party" for "25-NQ/TW" (hyphen then code). */
  style: 'state' | 'party';
}

// The serial may carry one letter, lower or upper case: "30c/NQ-CP", "8B-NQ/HNTW".
const NUMBER_RE = /^(\d+[a-zđA-ZĐ]?)(?:\/(\d{4}))?([/-])(\S+)$/u;

/** Splits a số ký hiệu as written into its parts; null when it does not look like one. */
export function parseDocumentNumber(number: string): ParsedNumber | null {
  const m = NUMBER_RE.exec(number.trim());
  if (!m) return null;
  const [, serial, year, sep, symbol] = m;
  return {
    serial: serial!,
    symbol: symbol!,
    yearInNumber: year ? Number(year) : null,
    style: year ? 'state' : sep === '/' ? 'state' : 'party',
  };
}

/** The document id, which is also its permanent URL segment under /van-ban/. */
export function documentId(identity: DocumentIdentity): string {
  const parts: string[] = [identity.type];
  if (identity.number) {
    parts.push(slugify(identity.number));
    parts.push(String(identity.year));
  } else {
    // Without a number the identity is type + issuer + date of issue.
    parts.push(identity.issuer);
    parts.push(identity.issued ?? String(identity.year));
  }
  if (identity.province) parts.push(identity.province);
  return parts.map((p) => slugify(p)).filter(Boolean).join('-');
}

/**
 * The canonical key of a numbered document: "33/CT-TTg@2021", "25-NQ/TW@2013".
 * Same shape as the evaluation contract's `key`.
 */
export function canonicalKey(number: string, year: number | null): string {
  return `${number}@${year ?? '?'}`;
}

/**
 * A key that ignores separators, case, the QĐi/QĐ spelling of Quy định and TƯ/TW:
 * "11-QĐi/TW@2019" and "11-QĐ/TW@2019" compare equal.
 */
export function comparableKey(key: string): string {
  // "TƯ" and "TW" both abbreviate Trung ương ("290-QĐ/TƯ", "09/2008/NQLT-CP-UBTƯMTTQVN").
  return slugify(key.replace(/QĐi/g, 'QĐ').replace(/TƯ/gu, 'TW').replace(/@/, ' ')).replace(/-/g, '');
}

/** Year of an ISO date or partial date ("2021-11-26", "2021-11", "2021"). */
export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/**
 * Corpus documents by comparable key, so a relation written with the key of a document
 * (`"25-NQ/TW@2013"`, for one not in the corpus when it was written) reaches the document
 * once the corpus has it. A key shared by several documents (local numbers of different
 * provinces) resolves to none of them.
 */
export function documentKeyIndex(docs: readonly { id: string; number: string | null; issued: string }[]): (key: string) => string | null {
  // Built at the first lookup: most corpora write relations by id, and the keys of
  // 10,000 documents cost ≈ 0.1 s on every build and check.
  let index: Map<string, string[]> | null = null;
  const build = () => {
    index = new Map();
    for (const d of docs) {
      if (!d.number) continue;
      const k = comparableKey(canonicalKey(d.number, yearOf(d.issued)));
      index.set(k, [...(index.get(k) ?? []), d.id]);
    }
    return index;
  };
  return (key) => {
    const ids = (index ?? build()).get(comparableKey(key));
    return ids?.length === 1 ? ids[0]! : null;
  };
}
