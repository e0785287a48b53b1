/**
 * The number index: a small static lookup from số ký hiệu to documents, built from the
 * graph at build time and fetched by the browser only when a query contains a number.
 * It is split into shards by serial so that a lookup at 10,000 documents stays a few KB:
 * the browser fetches `tim-kiem/so/<shard>.json` for the serial it needs, nothing else.
 */
import type { DocumentTypeId } from '../document-types.ts';
import type { Graph } from '../graph/types.ts';
import { parseDocumentNumber } from '../identity.ts';
import { slugify } from '../text/vietnamese.ts';
import { serialKey } from './query.ts';

export const NUMBER_SHARDS = 100;
/** Folder of the shards, relative to the site base. */
export const NUMBER_INDEX_DIR = 'tim-kiem/so';
/** Longest title kept in an entry: enough to tell two documents apart, small on the wire. */
const TITLE_LIMIT = 140;

export interface NumberEntry {
  /** Corpus document id; for a cited document not in the corpus, its unresolved key ("35-CT/TW@2014"). */
  id: string;
  /** Number as written ("33/CT-TTg", "11-QĐi/TW"). */
  n: string;
  t: DocumentTypeId | null;
  y: number | null;
  /** Issuer name for display, when known. */
  o?: string;
  /** Province name for local documents. */
  p?: string;
  /** Title (trích yếu), shortened. */
  h?: string;
  /** Present when the document is cited but not in the corpus: the page of /chua-co/ listing it. */
  u?: number;
}

export interface NameLookup {
  issuer(id: string): string | undefined;
  province(id: string): string | undefined;
  /** Page of /chua-co/ that lists a cited-but-missing key (1 when not given). */
  missingPage?(key: string): number | undefined;
}

/** The anchor id of an unresolved reference on the /chua-co/ page: its key, slugified. */
export function missingAnchor(key: string): string {
  return slugify(key);
}

/** Shard of a serial: its numeric value modulo {@link NUMBER_SHARDS} ("33" → 33, "130c" → 30). */
export function shardOf(serial: string): number {
  const digits = /^\d+/.exec(serialKey(serial));
  return digits ? Number(digits[0]) % NUMBER_SHARDS : 0;
}

function shorten(title: string): string {
  if (title.length <= TITLE_LIMIT) return title;
  const cut = title.slice(0, TITLE_LIMIT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), TITLE_LIMIT - 20)).trimEnd()}…`;
}

/** All entries, documents first, each in the shard of its serial. Empty shards are left out. */
export function buildNumberShards(graph: Pick<Graph, 'nodes' | 'unresolved'>, names: NameLookup): Map<number, NumberEntry[]> {
  const shards = new Map<number, NumberEntry[]>();
  const add = (serial: string, entry: NumberEntry) => {
    const shard = shardOf(serial);
    const list = shards.get(shard) ?? [];
    list.push(entry);
    shards.set(shard, list);
  };
  for (const node of graph.nodes) {
    if (!node.number) continue;
    const parsed = parseDocumentNumber(node.number);
    if (!parsed) continue;
    const entry: NumberEntry = { id: node.id, n: node.number, t: node.type, y: node.year };
    const issuer = names.issuer(node.issuer) ?? node.issuer;
    if (issuer) entry.o = issuer;
    const province = node.province ? (names.province(node.province) ?? node.province) : undefined;
    if (province) entry.p = province;
    entry.h = shorten(node.title);
    add(parsed.serial, entry);
  }
  for (const ref of graph.unresolved) {
    if (!ref.number) continue;
    const parsed = parseDocumentNumber(ref.number);
    if (!parsed) continue;
    const entry: NumberEntry = { id: ref.key, n: ref.number, t: ref.type, y: ref.year, u: names.missingPage?.(ref.key) ?? 1 };
    if (ref.issuer) entry.o = ref.issuer;
    const province = ref.province ? (names.province(ref.province) ?? ref.province) : undefined;
    if (province) entry.p = province;
    add(parsed.serial, entry);
  }
  return shards;
}
