import { describe, expect, it } from 'vitest';
import { foundationFile, foundationWeights } from '../../src/lib/search/foundation.ts';
import type { Graph, GraphEdge, GraphNode } from '../../src/lib/graph/types.ts';

const node = (id: string, summaryMentions: string[] = []) => ({ id, summaryMentions }) as unknown as GraphNode;
const edge = (from: string, type: GraphEdge['type'], to: string) => ({ from, to, type, origin: 'explicit', evidence: [] }) as GraphEdge;
const graph = (nodes: GraphNode[], edges: GraphEdge[]): Pick<Graph, 'nodes' | 'edges'> => ({ nodes, edges });

describe('foundation weights', () => {
  it('counts each document building on another once, a bare reference half', () => {
    const w = foundationWeights(
      graph(
        [node('law'), node('decree', ['law']), node('plan'), node('report', ['law', 'directive']), node('directive'), node('conclusion', ['directive'])],
        [edge('decree', 'guides', 'law'), edge('plan', 'implements', 'law'), edge('plan', 'basedOn', 'decree'), edge('report', 'cites', 'law')],
      ),
    );
    // law: decree guides (1, its summary mention adds nothing more), plan implements (1), report cites and names it (½).
    expect(w.get('law')).toBe(2.5);
    expect(w.get('decree')).toBe(1);
    expect(w.get('directive')).toBe(1);
    expect(w.has('plan')).toBe(false);
  });

  it('does not make a replaced document a foundation of its successor', () => {
    const w = foundationWeights(
      graph([node('old'), node('new', ['old']), node('later', ['old'])], [edge('new', 'replaces', 'old'), edge('new', 'continues', 'old')]),
    );
    // Only "later"'s mention counts: the successor neither builds on nor refers to what it replaces.
    expect(w.get('old')).toBe(0.5);
    expect(foundationWeights(graph([node('a', ['a'])], [edge('a', 'cites', 'a')])).size).toBe(0);
  });

  it('lists the heaviest records only, heaviest first, ties in ordinal order', () => {
    const file = foundationFile(new Map([[3, 1], [1, 3], [2, 1], [4, 0.5], [9, 0]]), 3);
    expect(file).toEqual([[1, 3], [2, 1], [3, 1]]);
  });
});
