/**
 * Effective status: what a reader should believe about a document today. A document
 * replaced by another corpus document is superseded whatever its own `status` says;
 * a repealed one is no longer in force; otherwise the declared status stands, shown
 * with the date it was last verified (a status is an assertion, never a default).
 */
import type { StatusValue } from '../schema/document.ts';
import type { EffectiveStatus, GraphEdge } from './types.ts';
import { formatDate } from './citation-line.ts';

export const STATUS_LABELS: Readonly<Record<StatusValue | 'superseded', string>> = {
  'in-force': 'Còn hiệu lực',
  'partly-in-force': 'Còn hiệu lực một phần',
  'not-in-force': 'Hết hiệu lực',
  unknown: 'Chưa rõ hiệu lực',
  superseded: 'Đã bị thay thế',
};

export interface StatusInput {
  id: string;
  issued: string;
  status: StatusValue;
  statusAsOf: string;
  statusReason: string | null;
}

/** Newest first, then by id, so the choice among several replacing documents is stable. */
function newest(ids: string[], issuedOf: (id: string) => string): string | undefined {
  return [...ids].sort((a, b) => {
    const da = issuedOf(a);
    const db = issuedOf(b);
    return da < db ? 1 : da > db ? -1 : a < b ? -1 : a > b ? 1 : 0;
  })[0];
}

/**
 * Computes effective status for every document from explicit replaces/repeals edges.
 * Inferred edges do not change a status: a sentence read by a machine is evidence for an
 * editor to confirm, not a ground for telling readers a document is dead.
 */
export function effectiveStatuses(
  docs: StatusInput[],
  edges: GraphEdge[],
  shortCitationOf: (id: string) => string,
): Map<string, EffectiveStatus> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const issuedOf = (id: string) => byId.get(id)?.issued ?? '';
  const replacedBy = new Map<string, string[]>();
  const repealedBy = new Map<string, string[]>();
  for (const e of edges) {
    if (e.origin !== 'explicit' || !byId.has(e.from) || !byId.has(e.to)) continue;
    const map = e.type === 'replaces' ? replacedBy : e.type === 'repeals' ? repealedBy : null;
    if (!map) continue;
    map.set(e.to, [...(map.get(e.to) ?? []), e.from]);
  }
  const out = new Map<string, EffectiveStatus>();
  for (const d of docs) {
    const replacers = replacedBy.get(d.id);
    if (replacers?.length) {
      const by = newest(replacers, issuedOf)!;
      const chain = [d.id];
      const seen = new Set(chain);
      for (let next: string | undefined = by; next && !seen.has(next); ) {
        chain.push(next);
        seen.add(next);
        const further = replacedBy.get(next);
        next = further?.length ? newest(further, issuedOf) : undefined;
      }
      const newestId = chain.at(-1)!;
      let reason = `Bị thay thế bởi ${shortCitationOf(by)}`;
      if (newestId !== by) reason += `; văn bản mới nhất trong chuỗi thay thế là ${shortCitationOf(newestId)}`;
      out.set(d.id, { status: 'superseded', reason, by, since: issuedOf(by), chain });
      continue;
    }
    const repealers = repealedBy.get(d.id);
    if (repealers?.length) {
      const by = newest(repealers, issuedOf)!;
      out.set(d.id, { status: 'not-in-force', reason: `Bị bãi bỏ bởi ${shortCitationOf(by)}`, by, since: issuedOf(by) });
      continue;
    }
    let reason = `${STATUS_LABELS[d.status]} theo xác nhận ngày ${formatDate(d.statusAsOf)}`;
    if (d.statusReason) reason += `: ${d.statusReason}`;
    out.set(d.id, { status: d.status, reason });
  }
  return out;
}
