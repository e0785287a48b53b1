/**
 * The relation and status vocabularies: one table each, read by the schema, the check,
 * the graph build, the status function, the editors' guide, the site and the course
 * timeline. A label, a verb or a rule about a relation or a status is written here and
 * nowhere else.
 */
import { isBefore } from './dates.ts';

/** What a relation's time rule allows of the target's issue date, relative to the citing document's. */
export type TimeRule = 'target-not-later';

export interface RelationTerm {
  /** "This → target", as a heading on this document's page ("Thay thế"). */
  forward: string;
  /** "Target ← this", as a heading on the target's page ("Bị thay thế bởi"). */
  inverse: string;
  /** The verb the check uses in a sentence ("văn bản … không thể thay thế …"). */
  verb: string;
  /** The verb drawn on a lineage arc, for relations that make a policy's lineage; null otherwise. */
  lineage: string | null;
  /** European Legislation Identifier ontology term (eli:…), when one fits. */
  eli: string | null;
  /** schema.org Legislation property, when one fits (JSON-LD lists the others under `citation`). */
  schemaOrg: string | null;
  /** Does a declared relation of this kind end the target's effect (status, history)? */
  ends: 'replaced' | 'repealed' | null;
  /** Shown in the target's dated history ("sửa đổi bởi …"). */
  history: boolean;
  /** Time runs forward: every relation points at a document issued no later than the citing one. */
  time: TimeRule;
}

/**
 * Relations from the strongest (changes the legal situation) to the weakest (a mention):
 * the order of the keys is the order pages list relation groups in.
 */
export const RELATION_VOCABULARY = {
  replaces: {
    forward: 'Thay thế', inverse: 'Bị thay thế bởi', verb: 'thay thế', lineage: 'thay thế',
    eli: 'eli:repeals', schemaOrg: 'legislationChanges', ends: 'replaced', history: true, time: 'target-not-later',
  },
  repeals: {
    forward: 'Bãi bỏ', inverse: 'Bị bãi bỏ bởi', verb: 'bãi bỏ', lineage: null,
    eli: 'eli:repeals', schemaOrg: 'legislationRepeals', ends: 'repealed', history: true, time: 'target-not-later',
  },
  amends: {
    forward: 'Sửa đổi, bổ sung', inverse: 'Được sửa đổi, bổ sung bởi', verb: 'sửa đổi, bổ sung', lineage: null,
    eli: 'eli:amends', schemaOrg: 'legislationAmends', ends: null, history: true, time: 'target-not-later',
  },
  continues: {
    forward: 'Tiếp tục thực hiện', inverse: 'Được tiếp tục bởi', verb: 'tiếp tục thực hiện', lineage: 'tiếp tục thực hiện',
    eli: null, schemaOrg: null, ends: null, history: false, time: 'target-not-later',
  },
  implements: {
    forward: 'Triển khai, thực hiện', inverse: 'Được triển khai bởi', verb: 'triển khai', lineage: 'triển khai',
    eli: 'eli:applies', schemaOrg: 'legislationEnsuresImplementationOf', ends: null, history: false, time: 'target-not-later',
  },
  guides: {
    forward: 'Hướng dẫn', inverse: 'Được hướng dẫn bởi', verb: 'hướng dẫn', lineage: null,
    eli: null, schemaOrg: null, ends: null, history: false, time: 'target-not-later',
  },
  basedOn: {
    forward: 'Căn cứ', inverse: 'Là căn cứ của', verb: 'căn cứ', lineage: null,
    eli: 'eli:based_on', schemaOrg: 'isBasedOn', ends: null, history: false, time: 'target-not-later',
  },
  cites: {
    forward: 'Dẫn chiếu', inverse: 'Được dẫn chiếu bởi', verb: 'dẫn chiếu', lineage: null,
    eli: 'eli:cites', schemaOrg: 'citation', ends: null, history: false, time: 'target-not-later',
  },
} as const satisfies Record<string, RelationTerm>;

export type RelationType = keyof typeof RELATION_VOCABULARY;

/** Strongest first (the table's order). */
export const RELATION_ORDER = Object.keys(RELATION_VOCABULARY) as RelationType[];

/** The frontmatter keys of `relations`, in the order DESIGN.md lists them. */
export const RELATION_TYPES = [
  'replaces',
  'amends',
  'repeals',
  'implements',
  'continues',
  'guides',
  'basedOn',
  'cites',
] as const satisfies readonly RelationType[];

export function relationTerm(type: RelationType): RelationTerm {
  return RELATION_VOCABULARY[type];
}

/** Relations that make a policy's lineage (those with a lineage verb), in table order. */
export const LINEAGE_RELATIONS = ['replaces', 'continues', 'implements'] as const satisfies readonly RelationType[];

/** Does the time rule of `type` allow a target issued on `targetIssued` from a document issued on `issued`? */
export function respectsTime(type: RelationType, issued: string, targetIssued: string): boolean {
  switch (RELATION_VOCABULARY[type].time) {
    case 'target-not-later':
      // Compared only as precisely as both dates are known ("2021" vs "2021-07-30" is not later).
      return !isBefore(issued, targetIssued);
  }
}

// ---------------------------------------------------------------- status

/** Declared status values (frontmatter `status`). */
export const STATUS_VALUES = ['in-force', 'partly-in-force', 'not-yet-in-force', 'not-in-force', 'unknown'] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];
/** Computed status: a declared value, or "superseded" when a corpus document replaces it. */
export type EffectiveStatusValue = StatusValue | 'superseded';

export interface StatusTerm {
  /** Label for State documents (legal force). */
  label: string;
  /** Label for Party documents, which are carried out rather than "in force". */
  party: string;
  /** URL slug of the status page (/hieu-luc/<slug>/): Vietnamese, stable. */
  slug: string;
  /** schema.org LegalForceStatus, when one says it. */
  schemaOrg: string | null;
}

/** In the order status pages are listed. */
export const STATUS_VOCABULARY = {
  'in-force': { label: 'Còn hiệu lực', party: 'Đang thực hiện', slug: 'con-hieu-luc', schemaOrg: 'https://schema.org/InForce' },
  'partly-in-force': { label: 'Còn hiệu lực một phần', party: 'Còn thực hiện một phần', slug: 'con-hieu-luc-mot-phan', schemaOrg: 'https://schema.org/PartiallyInForce' },
  'not-yet-in-force': { label: 'Chưa có hiệu lực', party: 'Chưa có hiệu lực', slug: 'chua-co-hieu-luc', schemaOrg: 'https://schema.org/NotInForce' },
  superseded: { label: 'Đã bị thay thế', party: 'Đã được thay thế', slug: 'da-bi-thay-the', schemaOrg: 'https://schema.org/NotInForce' },
  'not-in-force': { label: 'Hết hiệu lực', party: 'Không còn thực hiện', slug: 'het-hieu-luc', schemaOrg: 'https://schema.org/NotInForce' },
  unknown: { label: 'Chưa rõ hiệu lực', party: 'Chưa rõ tình trạng', slug: 'chua-xac-dinh', schemaOrg: null },
} as const satisfies Record<EffectiveStatusValue, StatusTerm>;

export const STATUS_ORDER = Object.keys(STATUS_VOCABULARY) as EffectiveStatusValue[];

/** The status label; Party documents (issuer system "dang") read "Đang thực hiện", "Đã được thay thế" … */
export function statusText(status: EffectiveStatusValue, party = false): string {
  const term = STATUS_VOCABULARY[status];
  return party ? term.party : term.label;
}

/** Events of a document's dated history (src/lib/graph/status.ts) and how a page names them. */
export const HISTORY_LABELS = {
  issued: 'Ban hành',
  effective: 'Có hiệu lực',
  amended: RELATION_VOCABULARY.amends.inverse,
  replaced: RELATION_VOCABULARY.replaces.inverse,
  repealed: RELATION_VOCABULARY.repeals.inverse,
  ceases: STATUS_VOCABULARY['not-in-force'].label,
} as const;
export type HistoryKind = keyof typeof HISTORY_LABELS;
