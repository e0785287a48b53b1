/**
 * A course module's reading list joined with the graph: each reading's document node
 * (or null when the id is not in the corpus, which `npm run check` reports), and the
 * implementation records that report on the module's documents.
 */
import type { CourseFrontmatter } from '../schema/course.ts';
import type { Graph, GraphNode, ImplementationRecord } from '../graph/types.ts';

export interface ReadingItem {
  /** 1-based position in teaching order. */
  position: number;
  id: string;
  /** The trainer's note on why this document is read. */
  note: string;
  node: GraphNode | null;
}

export function readingList(course: Pick<CourseFrontmatter, 'readings'>, graph: Pick<Graph, 'nodes'>): ReadingItem[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return course.readings.map((r, i) => ({ position: i + 1, id: r.document, note: r.note, node: byId.get(r.document) ?? null }));
}

/** Implementation records that report on at least one of the documents, newest first. */
export function relatedImplementations(
  graph: Pick<Graph, 'implementations'>,
  documentIds: Iterable<string>,
): ImplementationRecord[] {
  const ids = new Set(documentIds);
  return graph.implementations
    .filter((r) => r.reportsOn.some((id) => ids.has(id)))
    .sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1));
}
