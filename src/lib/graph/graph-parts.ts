/**
 * The parts of the graph last written (parts.ts), kept between runs so that a build after
 * one change serialises one document's part, not 10,000: .generated/cache/graph-parts.json.
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

export const GRAPH_PARTS_FILE = `${GENERATED_DIR}/cache/graph-parts.json`;
const VERSION = 'danvan-graph-parts 1';

type StoredItem = [group: string, head: UnresolvedHead, issuer: string | null, id: string, line: number, range: Range];
type StoredPart = [
  hash: string,
  deps: string[],
  diagnostics: Diagnostic[],
  edgeMeta: EdgeMeta[],
  edges: Range,
  ambiguityCount: number,
  ambiguities: Range,
  counts: WorkPart['counts'],
  summaryMentions: string[],
  unresolved: StoredItem[],
  declared: StoredItem[],
];

interface StoredFile {
  version: string;
  code: string;
  graph: [size: number, mtimeMs: number, ino: number];
  parts: Record<string, StoredPart>;
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
  let stored: StoredFile;
  try {
    stored = JSON.parse(readFileSync(path, 'utf8')) as StoredFile;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') say(`Bộ đệm phần đồ thị ${GRAPH_PARTS_FILE} không đọc được: bỏ qua và dựng lại.`);
    return out;
  }
  const stamp = graphStamp(root);
  if (!stored || stored.version !== VERSION || stored.code !== code || !stamp || !Array.isArray(stored.graph) || stored.graph.some((v, i) => v !== stamp[i])) return out;
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
  const item = ([group, head, issuer, id, line, range]: StoredItem): UnresolvedItem => ({ group, head, issuer, id, line, text: slice(range) });
  try {
    for (const [work, p] of Object.entries(stored.parts)) {
      const [hash, deps, diagnostics, edgeMeta, edges, ambiguityCount, ambiguities, counts, summaryMentions, unresolved, declared] = p;
      out.set(work, {
        hash, deps, diagnostics, edgeMeta, edgesText: slice(edges), ambiguityCount, ambiguitiesText: slice(ambiguities), counts, summaryMentions,
        unresolved: unresolved.map(item), declared: declared.map(item),
      });
    }
  } catch {
    say(`Bộ đệm phần đồ thị ${GRAPH_PARTS_FILE} sai dạng: bỏ qua và dựng lại.`);
    out.clear();
  }
  return out;
}

/**
 * Records the parts just written to graph.json (parts[i] of body works[i], ranges from
 * serialiseGraph for the documents' parts, which come first). Called after graph.json is
 * in place. Never throws: without this file the next build serialises every part again.
 */
export function writeGraphParts(root: string, code: string, works: readonly string[], parts: readonly WorkPart[], ranges: readonly PartRanges[]): void {
  const stamp = graphStamp(root);
  if (!stamp) return;
  const stored: StoredFile = { version: VERSION, code, graph: stamp, parts: {} };
  const none: PartRanges = { edges: [0, 0], ambiguities: [0, 0], unresolved: [], declared: [] };
  parts.forEach((p, i) => {
    const r = ranges[i] ?? none;
    const items = (list: UnresolvedItem[], at: Range[]) => list.map((it, k): StoredItem => [it.group, it.head, it.issuer, it.id, it.line, at[k]!]);
    stored.parts[works[i]!] = [p.hash, p.deps, p.diagnostics, p.edgeMeta, r.edges, p.ambiguityCount, r.ambiguities, p.counts, p.summaryMentions, items(p.unresolved, r.unresolved), items(p.declared, r.declared)];
  });
  try {
    const path = join(root, GRAPH_PARTS_FILE);
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, JSON.stringify(stored), undefined, { durable: false });
  } catch {
    // Only a slower next build.
  }
}
