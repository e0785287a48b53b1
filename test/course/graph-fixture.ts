/** Small hand-made graph nodes for the course tests: only the fields the course code reads matter. */
import type { Graph, GraphNode, ImplementationRecord } from '../../src/lib/graph/types.ts';

export function node(partial: Partial<GraphNode> & Pick<GraphNode, 'id' | 'type' | 'number' | 'issued' | 'citation'>): GraphNode {
  const year = Number(partial.issued.slice(0, 4));
  return {
    file: `content/van-ban/${partial.id}.mdx`,
    year,
    issuer: 'bo-chinh-tri',
    coIssuers: [],
    signer: null,
    title: 'Tiêu đề',
    province: null,
    level: 'trung-uong',
    topics: [],
    status: 'unknown',
    statusAsOf: '2026-11-22',
    statusSource: null,
    statusReason: null,
    effectiveFrom: null,
    effectiveTo: null,
    effectiveStatus: { status: 'unknown', reason: '' },
    history: [],
    summaryMentions: [],
    fullText: false,
    summary: null,
    featured: false,
    aliases: [],
    sources: [],
    key: null,
    ...partial,
  };
}

export function graph(nodes: GraphNode[], extra: Partial<Graph> = {}): Graph {
  return {
    version: 1,
    nodes,
    edges: [],
    incoming: {},
    outgoing: {},
    unresolved: [],
    ambiguities: [],
    implementations: [] as ImplementationRecord[],
    diagnostics: [],
    stats: { documents: nodes.length, references: 0, resolved: 0, unresolved: 0, ambiguous: 0, warnings: 0 },
    ...extra,
  };
}
