/**
 * The parts of the graph last written (parts.ts), kept between runs so that a build after
 * one change serialises one document's part, not 10,000: .generated/cache/graph-parts.txt.
 *
 * It holds, per body ("<collection>/<id>"), the part's digest and small facts (edges'
 * targets and types, unresolved items' groups, counts, diagnostics), and where the part's
 * serialised edges, ambiguities and unresolved entries are in graph.json; a reused part's
 * bytes are read from graph.json itself. So the file is only valid with the very graph.json
 * it was written after: it records that file's size, modification time and inode, and
 * the code version; a mismatch (graph.json rewritten by an older build, edited, cut short)
 * or an unreadable file means no part is reused (with a message when the file is damaged),
 * and the next write replaces it.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { writeFileAtomic } from '../files/atomic.ts';
import type { EdgeMeta, PartRanges, Range, UnresolvedHead, UnresolvedItem, WorkPart } from './parts.ts';
import { GENERATED_DIR, GRAPH_FILE } from './types.ts';

export const GRAPH_PARTS_FILE = `${GENERATED_DIR}/cache/graph-parts.txt`;
const VERSION = 'danvan-graph-parts 3';

/**
 * Layout: a header line (JSON: version, code, graph.json's stamp), then one line per body,
 * "<collection>/<id>\t<facts JSON>\t<ranges JSON>". The facts of a part do not change while
 * the part is reused, so its JSON is kept (WorkPart.stored) and written back as it was read;
 * only the ranges move.
 */
type StoredItem = [group: string, head: UnresolvedHead, issuer: string | null, id: string, line: number];
type StoredFacts = [
  hash: string,
  deps: string[],
  diagnostics: Diagnostic[],
  edgeMeta: EdgeMeta[],
  ambiguityCount: number,
  counts: WorkPart['counts'],
  summaryMentions: string[],
  unresolved: StoredItem[],
  declared: StoredItem[],
];
/**
 * Byte ranges in graph.json: edges, ambiguities, the unresolved and declared items, then a
 * document's node with the digest it was made from (null for other bodies).
 */
type StoredRanges = [edges: Range, ambiguities: Range, unresolved: Range[], declared: Range[], node: [hash: string, start: number, end: number] | null];

interface Header {
  version: string;
  code: string;
  graph: [size: number, mtimeMs: number, ino: number];
}

function graphStamp(root: string): [number, number, number] | null {
  const st = statSync(join(root, GRAPH_FILE), { throwIfNoEntry: false });
  return st ? [st.size, st.mtimeMs, st.ino] : null;
}

/**
 * The parts stored for the graph.json now in `root`, by body, with their bytes; an empty
 * map when there are none usable. `say` is told when the file is damaged.
 */
export function readGraphParts(root: string, code: string, say: (message: string) => void = () => {}): Map<string, WorkPart> {
  const out = new Map<string, WorkPart>();
  const path = join(root, GRAPH_PARTS_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') say(`Bộ đệm phần đồ thị ${GRAPH_PARTS_FILE} không đọc được: bỏ qua và dựng lại.`);
    return out;
  }
  const damaged = () => {
    say(`Bộ đệm phần đồ thị ${GRAPH_PARTS_FILE} sai dạng: bỏ qua và dựng lại.`);
    out.clear();
    return out;
  };
  const firstEnd = text.indexOf('\n');
  let header: Header;
  try {
    header = JSON.parse(text.slice(0, firstEnd < 0 ? text.length : firstEnd)) as Header;
  } catch {
    return damaged();
  }
  const stamp = graphStamp(root);
  // Another version, other code or another graph.json: not a fault, nothing to say.
  if (!header || header.version !== VERSION || header.code !== code || !stamp || !Array.isArray(header.graph) || header.graph.some((v, i) => v !== stamp[i])) return out;
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, GRAPH_FILE));
  } catch {
    return out;
  }
  if (bytes.length !== stamp[0]) return out;
  const slice = ([start, end]: Range) => {
    if (!(start >= 0 && end >= start && end <= bytes.length)) throw new Error('range');
    return bytes.subarray(start, end);
  };
  try {
    for (let start = firstEnd + 1; start < text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const t1 = text.indexOf('\t', start);
      const t2 = text.indexOf('\t', t1 + 1);
      if (t1 < 0 || t2 < 0 || t2 > end) throw new Error('line');
      const factsJson = text.slice(t1 + 1, t2);
      const [hash, deps, diagnostics, edgeMeta, ambiguityCount, counts, summaryMentions, unresolved, declared] = JSON.parse(factsJson) as StoredFacts;
      const [edges, ambiguities, unresolvedAt, declaredAt, node] = JSON.parse(text.slice(t2 + 1, end)) as StoredRanges;
      const item = (at: Range[]) => ([group, head, issuer, id, line]: StoredItem, k: number): UnresolvedItem => ({ group, head, issuer, id, line, text: slice(at[k]!) });
      out.set(text.slice(start, t1), {
        hash, deps, diagnostics, edgeMeta, edgesText: slice(edges), ambiguityCount, ambiguitiesText: slice(ambiguities), counts, summaryMentions,
        unresolved: unresolved.map(item(unresolvedAt)), declared: declared.map(item(declaredAt)), stored: factsJson,
        ...(node ? { node: { hash: String(node[0]), text: slice([node[1], node[2]]) } } : {}),
      });
      start = end + 1;
    }
  } catch {
    return damaged();
  }
  return out;
}

/** The JSON of a part's facts (kept on the part: a reused part writes back what it read). */
function factsJson(p: WorkPart): string {
  const items = (list: UnresolvedItem[]) => list.map((it): StoredItem => [it.group, it.head, it.issuer, it.id, it.line]);
  return (p.stored ??= JSON.stringify([p.hash, p.deps, p.diagnostics, p.edgeMeta, p.ambiguityCount, p.counts, p.summaryMentions, items(p.unresolved), items(p.declared)] satisfies StoredFacts));
}

/**
 * Records the parts just written to graph.json (parts[i] of body works[i], ranges from
 * serialiseGraph for the documents' parts, which come first). Called after graph.json is
 * in place. Never throws: without this file the next build serialises every part again.
 */
export function writeGraphParts(root: string, code: string, works: readonly string[], parts: readonly WorkPart[], ranges: readonly PartRanges[]): void {
  const stamp = graphStamp(root);
  if (!stamp) return;
  const none: PartRanges = { node: [0, 0], edges: [0, 0], ambiguities: [0, 0], unresolved: [], declared: [] };
  const lines: string[] = [`${JSON.stringify({ version: VERSION, code, graph: stamp } satisfies Header)}\n`];
  parts.forEach((p, i) => {
    const r = ranges[i] ?? none;
    // A node's bytes are recorded only where serialiseGraph placed them (documents' parts).
    const node = ranges[i] && p.node ? ([p.node.hash, r.node[0], r.node[1]] as [string, number, number]) : null;
    lines.push(`${works[i]}\t${factsJson(p)}\t${JSON.stringify([r.edges, r.ambiguities, r.unresolved, r.declared, node] satisfies StoredRanges)}\n`);
  });
  try {
    const path = join(root, GRAPH_PARTS_FILE);
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, lines.join(''), undefined, { durable: false });
  } catch {
    // Only a slower next build.
  }
}
