/**
 * Dated status: what a reader should believe about a document on a given day. A pure
 * function of the document's dated facts (issued, effectiveFrom, effectiveTo, the declared
 * status and the day it was read) and of the documents that end it (a corpus document that
 * replaces or repeals it, from that document's effective date, else its issue date).
 * The graph build asks it about today; pages show the dated history beside it.
 *
 * Only declared (frontmatter) relations end a document: a sentence read by a machine is
 * evidence for an editor to confirm, not a ground for telling readers a document is dead.
 */
import type { EffectiveStatusValue, StatusValue } from '../schema/vocabulary.ts';
import { HISTORY_LABELS, RELATION_VOCABULARY, STATUS_VOCABULARY } from '../schema/vocabulary.ts';
import type { EffectiveStatus, GraphEdge, StatusEvent } from './types.ts';
import { formatDate } from './citation-line.ts';
import { isBefore } from '../schema/dates.ts';

/** The dated facts of one document (frontmatter). */
export interface StatusFacts {
  id: string;
  issued: string;
  status: StatusValue;
  statusAsOf: string | null;
  statusReason: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

/** Another corpus document acting on this one, from `date` (its effective date, else its issue date). */
export interface ActingDocument {
  kind: 'replaced' | 'repealed' | 'amended';
  by: string;
  date: string;
}

export interface StatusOnDate {
  status: EffectiveStatusValue;
  /** Vietnamese sentence: why, and from when. */
  reason: string;
  /** From when the status holds, when a dated fact says so. */
  since: string | null;
  /** The document that replaced or repealed this one. */
  by: string | null;
}


const byDateThenId = (a: ActingDocument, b: ActingDocument) =>
  (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.by < b.by ? -1 : a.by > b.by ? 1 : 0);

/**
 * The status of a document on `date` ("YYYY-MM-DD"). `name` turns a document id into
 * the short citation used in the reason.
 */
export function statusOn(
  doc: StatusFacts,
  acting: readonly ActingDocument[],
  date: string,
  name: (id: string) => string = (id) => id,
): StatusOnDate {
  if (isBefore(date, doc.issued)) {
    return { status: 'not-yet-in-force', reason: `Chưa ban hành (ban hành ngày ${formatDate(doc.issued)})`, since: null, by: null };
  }
  const ending = acting.filter((a) => a.kind !== 'amended' && !isBefore(date, a.date)).sort(byDateThenId)[0];
  const endsOwn = doc.effectiveTo && !isBefore(date, doc.effectiveTo) ? doc.effectiveTo : null;
  // Whichever ended it first is the reason it is not in force.
  if (ending && !(endsOwn && isBefore(endsOwn, ending.date))) {
    const verb = HISTORY_LABELS[ending.kind];
    return {
      status: ending.kind === 'replaced' ? 'superseded' : 'not-in-force',
      reason: `${verb} ${name(ending.by)} từ ngày ${formatDate(ending.date)}`,
      since: ending.date,
      by: ending.by,
    };
  }
  if (endsOwn) return { status: 'not-in-force', reason: `${HISTORY_LABELS.ceases} từ ngày ${formatDate(endsOwn)}`, since: endsOwn, by: null };
  if (doc.effectiveFrom && isBefore(date, doc.effectiveFrom)) {
    return { status: 'not-yet-in-force', reason: `${HISTORY_LABELS.effective} từ ngày ${formatDate(doc.effectiveFrom)}`, since: null, by: null };
  }
  const read = doc.statusAsOf ? ` theo nguồn (đọc ngày ${formatDate(doc.statusAsOf)})` : '';
  const why = doc.statusReason ? `: ${doc.statusReason}` : '';
  switch (doc.status) {
    case 'unknown':
      return { status: 'unknown', reason: doc.statusReason ?? 'Chưa tìm được nguồn nêu hiệu lực', since: null, by: null };
    case 'in-force':
    case 'partly-in-force':
      return { status: doc.status, reason: `${STATUS_VOCABULARY[doc.status].label}${read}${why}`, since: doc.effectiveFrom, by: null };
    case 'not-yet-in-force':
      // Declared without a date it takes effect: true up to the day it was read, unknown after.
      if (!doc.statusAsOf || !isBefore(doc.statusAsOf, date)) {
        return { status: 'not-yet-in-force', reason: `${STATUS_VOCABULARY['not-yet-in-force'].label}${read}${why}`, since: null, by: null };
      }
      return { status: 'unknown', reason: `${STATUS_VOCABULARY['not-yet-in-force'].label}${read}; chưa rõ từ ngày nào có hiệu lực`, since: null, by: null };
    case 'not-in-force':
      // Declared without a date it ceased: true from the day it was read, unknown before.
      if (doc.statusAsOf && isBefore(date, doc.statusAsOf)) {
        return { status: 'unknown', reason: `${STATUS_VOCABULARY['not-in-force'].label}${read} nhưng chưa rõ từ ngày nào${why}`, since: null, by: null };
      }
      return { status: 'not-in-force', reason: `${STATUS_VOCABULARY['not-in-force'].label}${read}${why}`, since: null, by: null };
  }
}

/** The dated events of a document, oldest first: issued, takes effect, amended, replaced, repealed, ceases. */
export function statusHistory(doc: StatusFacts, acting: readonly ActingDocument[]): StatusEvent[] {
  const events: StatusEvent[] = [{ date: doc.issued, kind: 'issued', by: null }];
  if (doc.effectiveFrom) events.push({ date: doc.effectiveFrom, kind: 'effective', by: null });
  for (const a of [...acting].sort(byDateThenId)) events.push({ date: a.date, kind: a.kind, by: a.by });
  if (doc.effectiveTo) events.push({ date: doc.effectiveTo, kind: 'ceases', by: null });
  const rank: Record<StatusEvent['kind'], number> = { issued: 0, effective: 1, amended: 2, replaced: 3, repealed: 4, ceases: 5 };
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : 0) || rank[a.e.kind] - rank[b.e.kind] || a.i - b.i)
    .map(({ e }) => e);
}

/** Per document, the corpus documents that replace, repeal or amend it (explicit edges only). */
export function actingDocuments(
  edges: readonly GraphEdge[],
  dateOf: (id: string) => string | undefined,
): Map<string, ActingDocument[]> {
  const out = new Map<string, ActingDocument[]>();
  for (const e of edges) {
    if (e.origin !== 'explicit') continue;
    const term = RELATION_VOCABULARY[e.type];
    const kind = term.ends ?? (term.history ? 'amended' : null);
    const date = dateOf(e.from);
    if (!kind || date === undefined || dateOf(e.to) === undefined) continue;
    const list = out.get(e.to) ?? [];
    list.push({ kind, by: e.from, date });
    out.set(e.to, list);
  }
  return out;
}

/**
 * Effective status of every document on `today`, with the chain of replacements to the
 * newest document when it is superseded, and its dated history.
 */
export function effectiveStatuses(
  docs: readonly StatusFacts[],
  edges: readonly GraphEdge[],
  shortCitationOf: (id: string) => string,
  today: string,
): Map<string, { effective: EffectiveStatus; history: StatusEvent[] }> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  // A document acts from the day it takes effect, else from its issue date.
  const dateOf = (id: string) => {
    const d = byId.get(id);
    return d ? (d.effectiveFrom ?? d.issued) : undefined;
  };
  const acting = actingDocuments(edges, dateOf);
  const out = new Map<string, { effective: EffectiveStatus; history: StatusEvent[] }>();
  for (const d of docs) {
    const now = statusOn(d, acting.get(d.id) ?? [], today, shortCitationOf);
    const status: EffectiveStatus = { status: now.status, reason: now.reason };
    if (now.by) status.by = now.by;
    if (now.since) status.since = now.since;
    if (now.status === 'superseded' && now.by) {
      const chain = [d.id];
      const seen = new Set(chain);
      for (let next: string | undefined = now.by; next && !seen.has(next); ) {
        chain.push(next);
        seen.add(next);
        const further = byId.get(next);
        const again: StatusOnDate | null = further ? statusOn(further, acting.get(next) ?? [], today, shortCitationOf) : null;
        next = again?.status === 'superseded' ? (again.by ?? undefined) : undefined;
      }
      status.chain = chain;
      const newest = chain.at(-1)!;
      if (newest !== now.by) status.reason += `; văn bản mới nhất trong chuỗi thay thế là ${shortCitationOf(newest)}`;
    }
    out.set(d.id, { effective: status, history: statusHistory(d, acting.get(d.id) ?? []) });
  }
  return out;
}
