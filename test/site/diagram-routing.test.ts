/**
 * Edge routing scores each candidate route by the boxes it crosses using bit sets, testing
 * the segments fixed by a route's start or end once and skipping starts and ends that
 * cannot win (the diagram was about half of a document page's rendering time). It must
 * choose exactly the routes that testing every polyline whole chooses.
 */
import { describe, expect, it } from 'vitest';
import { layoutDiagram, type DiagramNodeInput } from '../../src/lib/diagram/layout.ts';
import { routeEdges } from '../../src/lib/diagram/route.ts';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const node = (id: string, date: string, hop: number): DiagramNodeInput => ({ id, date, hop, lines: [id], title: id, href: `/${id}/` });

describe('edge routing: bit-set scoring', () => {
  it('picks the same routes as scoring every polyline whole, on 300 random neighbourhoods', () => {
    let edgesSeen = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const r = random(seed);
      const count = 3 + Math.floor(r() * 12);
      const nodes = Array.from({ length: count }, (_, i) =>
        node(`n${i}`, `${2005 + Math.floor(r() * 18)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`, i === 0 ? 0 : 1 + Math.floor(r() * 2)),
      );
      // Dense neighbourhoods too: routes that cannot avoid every box are where the two differ most.
      const density = r();
      const edges = nodes.slice(1).flatMap((n) => {
        const out = [{ from: n.id, to: 'n0', type: 'cites' as const, inferred: false }];
        for (let k = 0; k < 3; k++) if (r() < density) out.push({ from: n.id, to: `n${Math.floor(r() * count)}`, type: 'cites' as const, inferred: false });
        return out.filter((e, j) => e.from !== e.to && out.findIndex((x) => x.to === e.to) === j);
      });
      const l = layoutDiagram('n0', nodes, edges);
      const o = l.options;
      const lanes = l.nodes.map((b) => b.lane);
      const minLane = Math.min(...lanes);
      const options = {
        nodeWidth: o.nodeWidth,
        nodeHeight: o.nodeHeight,
        gapY: o.gapY,
        laneTop: (lane: number) => Math.round((o.axisHeight + o.margin + (lane - minLane) * (o.nodeHeight + o.gapY)) * 10) / 10,
        minLane,
        maxLane: Math.max(...lanes),
      };
      const drawn = l.edges.map((e) => ({ from: e.from, to: e.to }));
      const fast = routeEdges(l.nodes, drawn, options);
      expect(fast, `seed ${seed}`).toEqual(l.edges.map((e) => e.d));
      expect(routeEdges(l.nodes, drawn, options, 'whole'), `seed ${seed}`).toEqual(fast);
      edgesSeen += drawn.length;
    }
    expect(edgesSeen).toBeGreaterThan(1500);
  });
});
