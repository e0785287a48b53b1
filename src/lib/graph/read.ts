/**
 * Reading .generated/graph.json back. The file is generated, so it can be stale, cut short
 * by a full disk or edited by hand: a tool that reads it gets the graph, or a sentence on
 * what is wrong (then it rebuilds the graph) — never a SyntaxError or a TypeError later.
 */
import { readFileSync } from 'node:fs';
import { fileErrorMessage } from '../files/errors.ts';
import type { Graph } from './types.ts';

/** The graph in `path`, or what is wrong with the file (in Vietnamese). */
export function readGraphFile(path: string): Graph | string {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return e instanceof SyntaxError ? 'không phải JSON hợp lệ' : fileErrorMessage(e, 'đọc được', path);
  }
  const g = data as Partial<Graph> | null;
  const wellFormed =
    !!g &&
    typeof g === 'object' &&
    Array.isArray(g.nodes) &&
    Array.isArray(g.unresolved) &&
    g.unresolved.every(
      (u) => u && typeof u.key === 'string' && Array.isArray(u.citedBy) && u.citedBy.every((c) => c && typeof c.id === 'string' && typeof c.evidence?.sentence === 'string' && typeof c.evidence.line === 'number'),
    );
  return wellFormed ? (g as Graph) : 'thiếu danh sách văn bản hay văn bản được dẫn chiếu (nodes, unresolved) hoặc sai dạng';
}
