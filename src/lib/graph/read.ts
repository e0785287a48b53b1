/**
 * Reading .generated/graph.json back: the one reader of every consumer (pages, search
 * index, CLI, the graph build's own read-back). The file is generated, so it can be stale,
 * cut short by a full disk or edited by hand: a tool that reads it gets the graph, or a
 * sentence on what is wrong (then it rebuilds the graph) — never a SyntaxError or a
 * TypeError later.
 *
 * At 100,000 documents the file is ≈ 700 MB, longer than any JavaScript string can be:
 * it is read as bytes and, above a size, parsed by runs of elements (files/large-json.ts),
 * so it reads at any size.
 */
import { readJsonFile, type LargeJsonOptions } from '../files/large-json.ts';
import { fileErrorMessage } from '../files/errors.ts';
import type { Graph } from './types.ts';

const isRecord = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The graph in `path`, or what is wrong with the file (in Vietnamese). `options` chooses
 * between one JSON.parse and the path by runs (tests force the latter on small graphs).
 */
export function readGraphFile(path: string, options?: LargeJsonOptions): Graph | string {
  let data: unknown;
  try {
    data = readJsonFile(path, options);
  } catch (e) {
    if (e instanceof SyntaxError) return 'không phải JSON hợp lệ';
    // A string too long or memory exhausted: said in words as well (the heap limit is the usual cause).
    if (e instanceof RangeError) return `quá lớn để đọc (${e.message})`;
    return fileErrorMessage(e, 'đọc được', path);
  }
  const g = data as Partial<Graph> | null;
  const wellFormed =
    !!g &&
    typeof g === 'object' &&
    Array.isArray(g.nodes) &&
    Array.isArray(g.edges) &&
    isRecord(g.incoming) &&
    isRecord(g.outgoing) &&
    Array.isArray(g.implementations) &&
    Array.isArray(g.unresolved) &&
    g.unresolved.every(
      (u) => u && typeof u.key === 'string' && Array.isArray(u.citedBy) && u.citedBy.every((c) => c && typeof c.id === 'string' && typeof c.evidence?.sentence === 'string' && typeof c.evidence.line === 'number'),
    );
  return wellFormed ? (g as Graph) : 'thiếu danh sách văn bản, quan hệ hay văn bản được dẫn chiếu (nodes, edges, incoming, outgoing, implementations, unresolved) hoặc sai dạng';
}
