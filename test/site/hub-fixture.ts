/** A synthetic corpus around one much-cited document, for the tests of bounded document pages. */
import type { Evidence, GraphEdge, GraphNode } from '../../src/lib/graph/types.ts';
import { loadRegistries } from '../../src/lib/content/corpus.ts';
import { indexSite, type SiteData } from '../../src/lib/site/data.ts';
import { graph, node } from '../course/graph-fixture.ts';
import { root } from './helpers.ts';

const registries = loadRegistries(root);

const evidence = (n: number): Evidence[] =>
  Array.from({ length: n }, (_, i) => ({ sentence: `Câu văn thứ ${i + 1} nhắc đến văn bản trung tâm, đủ dài như một câu thật trong văn bản.`, heading: 'Nhiệm vụ', anchor: 'nhiem-vu', line: 10 + i }));

const day = (i: number) => `${2011 + (i % 14)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;

/**
 * A hub issued in 2010 and `citing` documents that cite it (each with 6 evidence
 * sentences), 100 that implement it as read from the text, 5 that implement it in
 * frontmatter, one explicit chain three steps long and one inferred edge at depth 2.
 */
export function hubSite(citing: number): SiteData {
  const nodes: GraphNode[] = [node({ id: 'hub', type: 'chi-thi', number: '1/CT-TTg', issued: '2010-01-05', citation: '' })];
  const edges: GraphEdge[] = [];
  const add = (id: string, issued: string) => nodes.push(node({ id, type: 'ke-hoach', number: `${nodes.length}/KH-UBND`, issued, citation: '' }));
  const edge = (from: string, to: string, type: GraphEdge['type'], origin: GraphEdge['origin'], ev = 1): void => {
    edges.push({ from, to, type, origin, evidence: evidence(ev) });
  };
  for (let i = 0; i < citing; i++) {
    add(`c-${i}`, day(i));
    edge(`c-${i}`, 'hub', 'cites', 'text', 6);
  }
  for (let i = 0; i < 100; i++) {
    add(`inf-${i}`, day(i + 3));
    edge(`inf-${i}`, 'hub', 'implements', 'inferred');
  }
  for (let i = 0; i < 5; i++) {
    add(`exp-${i}`, `2010-0${i + 2}-01`);
    edge(`exp-${i}`, 'hub', 'implements', 'explicit');
  }
  // exp-0 ← chain-1 ← chain-2 ← chain-3: frontmatter relations, followed at any depth.
  add('chain-1', '2012-01-01');
  add('chain-2', '2013-01-01');
  add('chain-3', '2014-01-01');
  edge('chain-1', 'exp-0', 'implements', 'explicit');
  edge('chain-2', 'chain-1', 'implements', 'explicit');
  edge('chain-3', 'chain-2', 'implements', 'explicit');
  // inf-0 ← far: read from the text two steps away from the hub, so not in its lineage;
  // inf-1 ← declared: a frontmatter relation hanging off a text reading, not followed either.
  add('far', '2024-06-01');
  edge('far', 'inf-0', 'implements', 'inferred');
  add('declared', '2024-07-01');
  edge('declared', 'inf-1', 'implements', 'explicit');
  const g = graph(nodes, { edges });
  edges.forEach((e, i) => {
    (g.outgoing[e.from] ??= []).push(i);
    (g.incoming[e.to] ??= []).push(i);
  });
  return indexSite(g, registries);
}
