/** What a course module page and its printable handout both show, computed in one place. */
import type { CourseFrontmatter } from '../schema/course.ts';
import type { GraphNode } from '../graph/types.ts';
import { siteData } from '../site/data.ts';
import { applyBase } from '../site/urls.ts';
import { readingList, relatedImplementations } from './reading-list.ts';
import { readingIds } from './modules.ts';
import { demoteHeadings } from './body.ts';

export interface CourseEntry {
  id: string;
  data: CourseFrontmatter;
  rendered?: { html?: string } | undefined;
}

export function coursePage(entry: CourseEntry, base: string) {
  const site = siteData();
  const graph = site.graph;
  const items = readingList(entry.data, graph);
  const ids = readingIds(items);
  const nodes = new Map<string, GraphNode>();
  for (const id of ids) {
    const node = site.node(id);
    if (node) nodes.set(id, node);
  }
  return {
    graph,
    items,
    ids,
    /** The module's documents by id, for the implementation records that name them. */
    nodes,
    records: relatedImplementations(graph, ids),
    body: demoteHeadings(applyBase(entry.rendered?.html ?? '', base)),
  };
}
