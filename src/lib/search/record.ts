/**
 * The search record of a document or a browsing page, made from data: the graph
 * (.generated/graph.json), the rendered body, the registries and the course modules.
 * Nothing is read from built HTML, so the index can be built while Astro renders the site.
 *
 * What a document is found by, and how strongly (FIELD_* bits in index-format.ts):
 *  - its name: short name with the number, trích yếu, aliases, the number forms people type;
 *  - what it is filed under: topics, province (and the one it was merged into), issuers;
 *  - its body: summary, text, and the property values its page shows (type, signer, date,
 *    level, status).
 * Word pairs of its name and subject rank it for topic queries (ranking.ts).
 */
import { DOCUMENT_TYPES } from '../document-types.ts';
import type { Graph, GraphNode } from '../graph/types.ts';
import { LEVEL_NAMES } from '../schema/registries.ts';
import type { Registries } from '../content/corpus.ts';
import { compareByDateAsc } from '../site/data.ts';
import { STATUS_LABELS, formatDate, shortName } from '../site/labels.ts';
import { siteUrls } from '../site/urls.ts';
import { normalizeOneLine } from '../text/vietnamese.ts';
import { indexFields, type FilterKey, type RegistryNames } from './fields.ts';
import { htmlText } from './html-text.ts';
import { FIELD_NAME, FIELD_SUBJECT, type Fragment } from './index-format.ts';
import { ownName } from './ranking.ts';

/** Characters of plain text kept in a fragment for excerpts: a few screens of a phone, ≈ 1 KB gzip. */
export const EXCERPT_SOURCE_CHARS = 2400;

export interface SearchRecord {
  /** Documents only: id, date of issue and filter values. */
  document?: { id: string; filters: Record<FilterKey, string[]> };
  /** Texts with the field bits their words get. */
  texts: Array<{ text: string; fields: number }>;
  /** Texts whose adjacent word pairs rank the record, with the field they belong to. */
  pairTexts: Array<{ text: string; fields: number }>;
  fragment: Fragment;
}

/** A site path without the base ("/van-ban/x/" → "van-ban/x/"); the browser prefixes its base. */
const urls = siteUrls('/');
const relative = (path: string) => path.replace(/^\//, '');

/** Plain text of body HTML, capped at a word boundary. */
export function excerptSource(parts: readonly string[], cap = EXCERPT_SOURCE_CHARS): string {
  const text = oneLineHead(parts.filter(Boolean).join(' '), cap);
  if (text.length <= cap) return text;
  const cut = text.lastIndexOf(' ', cap);
  return `${text.slice(0, cut > cap / 2 ? cut : cap)} …`;
}

/**
 * normalizeOneLine(text), or a prefix of it longer than `cap`: what the excerpt keeps is
 * decided by its first cap + 1 characters, so a body of 30,000 characters is not normalised
 * whole for them. The head is cut just before an ASCII character: nothing composes with what
 * precedes such a character (NFC), normalizeText replaces characters one by one, and
 * collapsing spaces then trimming a prefix gives a prefix of the whole's result; so the
 * head's result is the start of the whole's.
 */
function oneLineHead(text: string, cap: number): string {
  // Collapsing spaces shortens a body's text by ≈ 2 %: a head of cap + ⅛ nearly always suffices.
  for (let take = cap + (cap >> 3); take < text.length; take *= 2) {
    let cut = take;
    while (cut < text.length && text.charCodeAt(cut) >= 0x80) cut++;
    if (cut >= text.length) break;
    const head = normalizeOneLine(text.slice(0, cut));
    if (head.length > cap) return head;
  }
  return normalizeOneLine(text);
}

export function documentRecord(node: GraphNode, names: RegistryNames, bodyHtml: string): SearchRecord {
  const fields = indexFields(node, names);
  const typeName = DOCUMENT_TYPES[node.type].name;
  const name = shortName(node);
  const issuers = fields.filters.co_quan;
  const status = STATUS_LABELS[node.effectiveStatus.status];
  const body = htmlText(bodyHtml);
  return {
    document: { id: node.id, filters: fields.filters },
    texts: [
      { text: [name, node.title, ...node.aliases, fields.numberLine].join(' '), fields: FIELD_NAME },
      { text: [...fields.topics, ...fields.places, ...issuers].join(' '), fields: FIELD_SUBJECT },
      // The body apart from the short texts: joining it to them would copy it once more (words never span the space between).
      { text: body, fields: 0 },
      { text: [node.summary ?? '', typeName, node.signer ?? '', formatDate(node.issued), LEVEL_NAMES[node.level], status].join(' '), fields: 0 },
    ],
    pairTexts: [
      ...[ownName(typeName, node.title), ...node.aliases].map((text) => ({ text, fields: FIELD_NAME })),
      ...[...fields.topics, ...fields.places].map((text) => ({ text, fields: FIELD_SUBJECT })),
    ],
    fragment: {
      u: relative(urls.document(node.id)),
      t: name,
      s: node.title,
      d: [formatDate(node.issued), issuers[0] ?? '', status].filter(Boolean),
      x: excerptSource([node.summary ?? '', body]),
    },
  };
}

/** A browsing page (topic, province, issuer, course module) as a record: found by its names. */
export function pageRecord(page: { url: string; title: string; kind: string; names?: readonly string[]; text?: string }): SearchRecord {
  const names = [page.title, ...(page.names ?? [])];
  return {
    texts: [
      { text: names.join(' '), fields: FIELD_NAME },
      { text: page.text ?? '', fields: 0 },
    ],
    pairTexts: names.map((text) => ({ text, fields: FIELD_NAME })),
    fragment: { u: page.url, t: page.title, s: '', d: [page.kind], x: excerptSource([page.text ?? '']) },
  };
}

export interface CourseEntry {
  id: string;
  title: string;
}

/**
 * Every record of the site in ordinal order: documents oldest first (so that the ordinal is
 * the date order), then the browsing pages: topics, provinces, issuers, course modules,
 * each by id. The same inputs give the same records in the same order. Made one at a time,
 * so that the index builder holds one body's text at a time, not the whole corpus's.
 */
export function* siteRecords(
  graph: Pick<Graph, 'nodes'>,
  registries: Registries,
  names: RegistryNames,
  courses: readonly CourseEntry[],
  bodyOf: (id: string) => string,
): Generator<SearchRecord> {
  const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const node of [...graph.nodes].sort(compareByDateAsc)) yield documentRecord(node, names, bodyOf(node.id));
  for (const topic of byId(registries.topics)) {
    yield pageRecord({ url: relative(urls.topic(topic.id)), title: topic.name, kind: 'Chủ đề', text: topic.description });
  }
  for (const province of byId(registries.provinces)) {
    const merged = registries.provinces.filter((p) => p.mergedInto?.id === province.id).map((p) => p.name);
    yield pageRecord({
      url: relative(urls.province(province.id)),
      title: `Văn bản của ${province.name}`,
      kind: 'Địa phương',
      names: [province.name, ...(province.aliases ?? []), ...merged],
    });
  }
  for (const issuer of byId(registries.issuers)) {
    yield pageRecord({ url: relative(urls.issuer(issuer.id)), title: issuer.name, kind: 'Cơ quan ban hành', names: issuer.aliases ?? [] });
  }
  for (const course of byId(courses)) {
    yield pageRecord({ url: relative(urls.path(`chuyen-de/${encodeURIComponent(course.id)}/`)), title: course.title, kind: 'Chuyên đề bồi dưỡng' });
  }
}
