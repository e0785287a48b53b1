/**
 * Vietnamese labels and date formats shown on the site. One place, so that the same
 * relation or status reads the same on every page, in the API docs and in tests.
 */
import { RELATION_VOCABULARY, STATUS_ORDER, STATUS_VOCABULARY, statusText, type EffectiveStatusValue, type RelationType, type StatusValue } from '../schema/vocabulary.ts';
import { DOCUMENT_TYPES, isDocumentTypeId } from '../document-types.ts';
import { LEVEL_NAMES, type Level } from '../schema/registries.ts';

/** Relation labels of DESIGN.md, a view of the vocabulary: `forward` reads "this → target", `inverse` is shown on the target's page. */
export const RELATION_LABELS: Readonly<Record<RelationType, { forward: string; inverse: string }>> = RELATION_VOCABULARY;

/** Order in which relation groups are listed: what changes the legal situation first. */
export { RELATION_ORDER, STATUS_ORDER, statusText } from '../schema/vocabulary.ts';
export type { EffectiveStatusValue } from '../schema/vocabulary.ts';

/** Status labels (State wording; statusText(status, true) gives the Party wording). */
export const STATUS_LABELS: Readonly<Record<EffectiveStatusValue, string>> = Object.fromEntries(
  STATUS_ORDER.map((s) => [s, STATUS_VOCABULARY[s].label]),
) as Record<EffectiveStatusValue, string>;

/** URL slugs of the status pages (/hieu-luc/<slug>/). */
export const STATUS_SLUGS: Readonly<Record<EffectiveStatusValue, string>> = Object.fromEntries(
  STATUS_ORDER.map((s) => [s, STATUS_VOCABULARY[s].slug]),
) as Record<EffectiveStatusValue, string>;

export function statusFromSlug(slug: string): EffectiveStatusValue | null {
  for (const s of STATUS_ORDER) if (STATUS_SLUGS[s] === slug) return s;
  return null;
}

export function statusLabel(status: EffectiveStatusValue | StatusValue, party = false): string {
  return statusText(status, party);
}

export function typeName(type: string): string {
  return isDocumentTypeId(type) ? DOCUMENT_TYPES[type].name : type;
}

export function typePlural(type: string): string {
  return isDocumentTypeId(type) ? DOCUMENT_TYPES[type].plural : type;
}

export function levelName(level: Level): string {
  return LEVEL_NAMES[level];
}

/**
 * "2021-11-26" → "26/11/2021"; "2016-09-05" → "05/9/2016"; "2019-02-18" → "18/02/2019"
 * (Nghị định 30/2020/NĐ-CP: day below 10 and month below 3 take a leading zero, the same
 * form as the citation lines). Partial dates stay partial: "2021-11" → "11/2021", "2021".
 */
export function formatDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? (Number(mo) < 3 ? `0${Number(mo)}` : String(Number(mo))) : '';
  if (d && mo) return `${Number(d) < 10 ? `0${Number(d)}` : Number(d)}/${month}/${y}`;
  if (mo) return `${month}/${y}`;
  return y!;
}

/**
 * Short name of a document as cadres say it: "Chỉ thị số 33/CT-TTg" or, without a number,
 * "Chỉ thị ngày 26/11/2021" ("Kế hoạch năm 2022", "… tháng 3/2022" when only that is known).
 */
export function shortName(node: { type: string; number: string | null; issued: string }): string {
  const name = typeName(node.type);
  return node.number ? `${name} số ${node.number}` : `${name} ${datePhrase(node.issued)}`;
}

/** "ngày 26/11/2021", "tháng 3/2022", "năm 2022": the words that go with a (partial) date. */
export function datePhrase(iso: string): string {
  const word = /^\d{4}$/.test(iso) ? 'năm' : /^\d{4}-\d{2}$/.test(iso) ? 'tháng' : 'ngày';
  return `${word} ${formatDate(iso)}`;
}

/** Short name with its date, once: "Chỉ thị số 33/CT-TTg ngày 26/11/2021", "Kế hoạch năm 2022" (never the date twice). */
export function nameWithDate(node: { type: string; number: string | null; issued: string }): string {
  return node.number ? `${shortName(node)} ${datePhrase(node.issued)}` : shortName(node);
}

/** Number formatting for figures: 1234567 → "1.234.567", 12.5 → "12,5" (Vietnamese separators). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);
}
