/**
 * Which version of a named document a mention means (resolve stage). The named-documents
 * registry groups versions into families by name; the year or date written with the
 * mention picks one; with none, the version in force on the citing document's date; still
 * several (or no date to decide by) → none. Never a guess.
 */
import type { NamedDocument, NamedDocumentKind } from '../schema/named-documents.ts';
import { nameKey } from './named.ts';

export type NamedFamilies = Map<string, NamedDocument[]>;

/** Family key: the kind and the comparable name; the Constitution is one family whatever its name. */
export function familyKey(kind: NamedDocumentKind, name: string | null): string {
  return kind === 'hien-phap' ? 'hien-phap|' : `${kind}|${nameKey(name ?? '')}`;
}

export function buildFamilies(docs: readonly NamedDocument[]): NamedFamilies {
  const families: NamedFamilies = new Map();
  for (const d of docs) {
    const kind = d.kind === 'bo-luat' ? 'luat' : d.kind;
    for (const name of d.names) {
      const k = familyKey(kind, name);
      const list = families.get(k) ?? [];
      if (!list.includes(d)) list.push(d);
      families.set(k, list);
    }
  }
  return families;
}

const yearOfIso = (iso: string) => Number(iso.slice(0, 4));

/**
 * In force on `date`: in effect by then (passed, when its effective date is not recorded),
 * and not yet replaced by a version that took effect by then. A law passed but not yet in
 * effect is not what an undated mention means.
 */
function inForce(d: NamedDocument, date: string, family: readonly NamedDocument[]): boolean {
  if ((d.effective ?? d.issued) > date) return false;
  return !family.some((s) => d.replacedBy.includes(s.id) && (s.effective ?? s.issued) <= date);
}

export interface VersionChoice {
  version: NamedDocument | null;
  /** Versions still possible when none could be chosen. */
  candidates: NamedDocument[];
}

/**
 * The version meant: by the written date, else the written year, else in force on the
 * citing date; a family of one needs no date. A written year no version has → none.
 */
export function chooseVersion(
  family: readonly NamedDocument[],
  written: { date: string | null; year: number | null },
  citingDate: string | null | undefined,
): VersionChoice {
  let c: NamedDocument[];
  if (written.date && family.some((d) => d.issued === written.date)) c = family.filter((d) => d.issued === written.date);
  else if (written.year !== null) c = family.filter((d) => yearOfIso(d.issued) === written.year);
  else if (citingDate) c = family.filter((d) => inForce(d, citingDate.slice(0, 10), family));
  else c = [...family];
  return c.length === 1 ? { version: c[0]!, candidates: [] } : { version: null, candidates: c };
}
