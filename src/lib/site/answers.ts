/**
 * What a cadre came to a document page for, computed once from the graph: is it in force
 * (with the date the status was read and why), since and until when, what replaced it,
 * what it is based on, what carries it out, where the original text is — and the page's
 * contents. The DocAnswers component only renders this, so when the data model gains
 * dated status facts (effectiveFrom/To, statusSource: see the model of issue #15) only
 * this function changes. Fields the graph does not carry yet are read when present.
 */
import type { GraphNode } from '../graph/types.ts';
import type { Source } from '../schema/document.ts';
import type { SiteData } from './data.ts';
import { STATUS_LABELS, datePhrase, shortName, type EffectiveStatusValue } from './labels.ts';
import { groupAnchor, IMPLEMENTATIONS_ANCHOR } from './related.ts';
import { HISTORY_LABELS } from '../schema/vocabulary.ts';

/** Dated status facts of the agreed data model, optional until the graph carries them. */
interface DatedFacts {
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
  statusSource?: Source | null;
}

export interface DocRef {
  id: string;
  name: string;
  issued: string;
  /** "ngày 30/7/2021" when the name has no date in it (a numbered document), else null. */
  date: string | null;
}

/** A count of related documents and the anchor of the section that lists them. */
export interface RelationCount {
  count: number;
  anchor: string;
  /** The first few, most relevant first, for a one-line answer. */
  first: DocRef[];
}

export interface HistoryEvent {
  /** ISO date, possibly partial. */
  date: string;
  /** What happened, in Vietnamese, without the other document's name. */
  text: string;
  /** The other document, when the event is another document's doing. */
  other?: DocRef;
}

export interface PageSection {
  anchor: string;
  label: string;
}

export interface DocumentAnswers {
  status: {
    value: EffectiveStatusValue;
    label: string;
    /** When the status was last read from a source (null for a status computed from the graph alone). */
    asOf: string | null;
    /** Why: the declared reason, or the graph's reason for a replaced or repealed document. */
    reason: string | null;
    /** The source the status was read from, when the data names one. */
    source: Source | null;
  };
  /** In force from / until (ISO), when known. */
  inForceFrom: string | null;
  inForceTo: string | null;
  /** The document that replaced this one, and the newest of the chain when it differs. */
  replacedBy: DocRef | null;
  newestReplacement: DocRef | null;
  repealedBy: DocRef | null;
  basedOn: RelationCount | null;
  carriedOutBy: RelationCount | null;
  /** Implementation reports in the corpus. */
  reports: RelationCount | null;
  /** The first source with a link: "Văn bản gốc". */
  original: { title: string; url: string; publisher: string | null } | null;
  /** Dated events, oldest first (the "Hiệu lực" section). */
  history: HistoryEvent[];
  /** The page's sections in order, for the contents list. */
  sections: PageSection[];
}

/** Anchors of the document page's sections (the page and the contents list share them). */
export const SECTION_ANCHORS = {
  summary: 'noi-dung-van-ban',
  properties: 'thuoc-tinh',
  history: 'hieu-luc',
  relations: 'luoc-do',
  practice: IMPLEMENTATIONS_ANCHOR,
  citation: 'trich-dan',
} as const;

/** How many related documents a one-line answer names before "và N văn bản khác". */
export const ANSWER_NAMES = 2;

function ref(node: GraphNode): DocRef {
  return { id: node.id, name: shortName(node), issued: node.issued, date: node.number ? datePhrase(node.issued) : null };
}

/**
 * Hosts of the State's and the Party's own publications (the portals issue #16 names
 * first): a reader sent to "Văn bản gốc" should land there when the record has one.
 */
const OFFICIAL_HOSTS = ['vbpl.vn', 'congbao.chinhphu.vn', 'chinhphu.vn', 'tulieuvankien.dangcongsan.vn', 'dangcongsan.vn', 'danvan.vn', 'quochoi.vn'];

/** 0 for an official portal (listed or under .gov.vn), 1 for any other site. */
export function sourceRank(url: string): number {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 1;
  }
  const official = host.endsWith('.gov.vn') || OFFICIAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
  return official ? 0 : 1;
}

/** The source to open as "Văn bản gốc": an official portal first, else the first web source, in the record's order. */
function originalSource(sources: readonly Source[]): DocumentAnswers['original'] {
  const web = sources.filter((x) => typeof x.url === 'string' && /^https?:\/\//i.test(x.url));
  const s = web.find((x) => sourceRank(x.url!) === 0) ?? web[0];
  return s ? { title: s.title, url: s.url!, publisher: s.publisher ?? null } : null;
}

export function documentAnswers(data: SiteData, id: string): DocumentAnswers {
  const node = data.node(id);
  if (!node) throw new Error(`documentAnswers: no document ${id}`);
  const facts = node as GraphNode & DatedFacts;
  const es = node.effectiveStatus;
  const groups = data.relationGroups(id);
  const group = (type: string, direction: 'forward' | 'inverse') => groups.find((g) => g.type === type && g.direction === direction);
  const count = (type: string, direction: 'forward' | 'inverse'): RelationCount | null => {
    const g = group(type, direction);
    if (!g) return null;
    return { count: g.entries.length, anchor: groupAnchor(g), first: g.entries.slice(0, ANSWER_NAMES).map((e) => ref(e.other)) };
  };

  const by = es.by ? data.node(es.by) : undefined;
  const replacedBy = es.status === 'superseded' && by ? ref(by) : null;
  const newestId = es.chain && es.chain.length > 2 ? es.chain[es.chain.length - 1] : undefined;
  const newest = newestId ? data.node(newestId) : undefined;
  const repealedBy = es.status === 'not-in-force' && by ? ref(by) : null;
  const computed = replacedBy !== null || repealedBy !== null;

  const inForceFrom = facts.effectiveFrom ?? null;
  const inForceTo = facts.effectiveTo ?? (computed ? (es.since ?? null) : null);

  // The dated events are the graph's (src/lib/graph/status.ts, statusHistory): one computation for every page.
  const history: HistoryEvent[] = (node.history ?? []).map((h) => {
    const other = h.by ? data.node(h.by) : undefined;
    return other ? { date: h.date, text: HISTORY_LABELS[h.kind], other: ref(other) } : { date: h.date, text: HISTORY_LABELS[h.kind] };
  });
  if (!computed && node.statusAsOf) {
    history.push({ date: node.statusAsOf, text: `Tình trạng được đối chiếu: ${STATUS_LABELS[node.status].toLowerCase()}` });
  }

  const reports = data.implementationsFor(id);
  const sections: PageSection[] = [
    { anchor: SECTION_ANCHORS.summary, label: node.fullText ? 'Toàn văn' : 'Tóm tắt' },
    { anchor: SECTION_ANCHORS.properties, label: 'Thuộc tính' },
    { anchor: SECTION_ANCHORS.history, label: 'Hiệu lực' },
    { anchor: SECTION_ANCHORS.relations, label: 'Lược đồ' },
  ];
  if (reports.length) sections.push({ anchor: SECTION_ANCHORS.practice, label: 'Thực tiễn' });
  sections.push({ anchor: SECTION_ANCHORS.citation, label: 'Trích dẫn' });

  return {
    status: {
      value: es.status,
      label: STATUS_LABELS[es.status],
      asOf: computed ? null : node.statusAsOf || null,
      reason: computed ? es.reason : (node.statusReason ?? null),
      source: facts.statusSource ?? null,
    },
    inForceFrom,
    inForceTo,
    replacedBy,
    newestReplacement: newest ? ref(newest) : null,
    repealedBy,
    basedOn: count('basedOn', 'forward'),
    carriedOutBy: count('implements', 'inverse'),
    reports: reports.length
      ? { count: reports.length, anchor: IMPLEMENTATIONS_ANCHOR, first: [] }
      : null,
    original: originalSource(node.sources),
    history,
    sections,
  };
}
