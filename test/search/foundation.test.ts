import { describe, expect, it } from 'vitest';
import { documentIdOfUrl, foundationFile, foundationWeights } from '../../src/lib/search/foundation.ts';
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

  it('lists the heaviest pages only, heaviest first, ties in id order', () => {
    const file = foundationFile(new Map([['c', 1], ['a', 3], ['b', 1], ['d', 0.5], ['z', 0]]), 3);
    expect(Object.entries(file)).toEqual([['a', 3], ['b', 1], ['c', 1]]);
  });

  it('reads the document id of a document page URL, under any base', () => {
    expect(documentIdOfUrl('/van-ban/luat-10-2022-qh15-2022/')).toBe('luat-10-2022-qh15-2022');
    expect(documentIdOfUrl('/kb/van-ban/chi-thi-30-ct-tw-1998/')).toBe('chi-thi-30-ct-tw-1998');
    expect(documentIdOfUrl('/chu-de/dan-chu-co-so/')).toBeNull();
    expect(documentIdOfUrl('/van-ban/')).toBeNull();
  });
});
