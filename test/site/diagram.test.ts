import { describe, expect, it } from 'vitest';
import { fixtureGraph, fixtureSite } from './helpers.ts';
import { collectNeighbourhood } from '../../src/lib/graph/neighbourhood.ts';
import { layoutDiagram, dateValue, type DiagramNodeInput } from '../../src/lib/diagram/layout.ts';
import { renderDiagramSvg } from '../../src/lib/diagram/svg.ts';
import { escapeHtml } from '../../src/lib/text/html.ts';
import { pathPoints } from '../../src/lib/diagram/route.ts';
import { DIAGRAM_EDGES_PER_DOCUMENT, diagramGraph, documentDiagram } from '../../src/lib/site/diagram.ts';
import { hubSite } from './hub-fixture.ts';
import { siteUrls } from '../../src/lib/site/urls.ts';

const node = (id: string, date: string, hop = 1): DiagramNodeInput => ({ id, date, hop, lines: [id], title: id, href: `/${id}/` });

describe('collectNeighbourhood', () => {
  it('reaches two hops in both directions', () => {
    const hood = collectNeighbourhood(fixtureGraph(), 'quyet-dinh-23-qd-tw-2021');
    const hops = Object.fromEntries(hood.nodes.map((n) => [n.id, n.hop]));
    expect(hops).toEqual({
      'quyet-dinh-23-qd-tw-2021': 0,
      'quyet-dinh-290-qd-tw-2010': 1,
      'chi-thi-33-ct-ttg-2021': 1,
      'nghi-quyet-25-nq-tw-2013': 2,
      'ke-hoach-1-kh-ubnd-2022-vi-du': 2,
    });
  });
  it('stops at one hop when asked', () => {
    const hood = collectNeighbourhood(fixtureGraph(), 'quyet-dinh-23-qd-tw-2021', { hops: 1 });
    expect(hood.nodes.map((n) => n.id).sort()).toEqual(['chi-thi-33-ct-ttg-2021', 'quyet-dinh-23-qd-tw-2021', 'quyet-dinh-290-qd-tw-2010']);
  });
  it('caps the number of documents, keeping strong relations and counting the rest', () => {
    const hood = collectNeighbourhood(fixtureGraph(), 'quyet-dinh-23-qd-tw-2021', { maxNodes: 2 });
    expect(hood.nodes.map((n) => n.id)).toEqual(['quyet-dinh-23-qd-tw-2021', 'quyet-dinh-290-qd-tw-2010']);
    expect(hood.omitted).toBe(1);
  });
});

describe('layoutDiagram', () => {
  it('places older documents to the left', () => {
    const l = layoutDiagram('b', [node('a', '2010-02-25'), node('b', '2021-07-30', 0), node('c', '2013-06-03')], []);
    const x = Object.fromEntries(l.nodes.map((n) => [n.id, n.x]));
    expect(x.a!).toBeLessThan(x.c!);
    expect(x.c!).toBeLessThan(x.b!);
    const years = l.ticks.map((t) => Number(t.label));
    expect(years.length).toBeGreaterThan(2);
    expect(years.every((y) => y > 2010 && y <= 2021)).toBe(true);
    // A tick sits where a document of 1 January that year would be centred.
    const xs = l.ticks.map((t) => t.x);
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
    expect(xs[0]!).toBeGreaterThan(x.a! + l.options.nodeWidth / 2);
  });
  it('never overlaps two boxes', () => {
    const nodes = [node('c', '2021-07-30', 0), ...Array.from({ length: 8 }, (_, i) => node(`n${i}`, `2021-0${1 + (i % 3)}-01`))];
    const l = layoutDiagram('c', nodes, []);
    const w = l.options.nodeWidth;
    const h = l.options.nodeHeight;
    for (const a of l.nodes) {
      for (const b of l.nodes) {
        if (a === b) continue;
        const overlap = Math.abs(a.x - b.x) < w && Math.abs(a.y - b.y) < h;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
      expect(a.x + w).toBeLessThanOrEqual(l.width);
      expect(a.y + h).toBeLessThanOrEqual(l.height);
    }
  });
  it('reads partial dates as the middle of their period', () => {
    expect(dateValue('2021')).toBeCloseTo(2021.5);
    expect(dateValue('2021-01-01')).toBe(2021);
  });
});

describe('renderDiagramSvg', () => {
  it('is titled, escaped, links neighbours and has no inline style', () => {
    const l = layoutDiagram('a', [node('a', '2020-01-01', 0), { ...node('b', '2021-01-01'), title: 'B & <C>' }], [
      { from: 'b', to: 'a', type: 'implements', inferred: true },
    ]);
    const svg = renderDiagramSvg(l, { idPrefix: 'x', title: 'Tiêu đề', desc: 'Mô tả' });
    expect(svg).toMatch(/^<svg[^>]*aria-labelledby="x-title x-desc"/);
    expect(svg).toContain('<title id="x-title">Tiêu đề</title>');
    expect(svg).toContain('B &amp; &lt;C&gt;');
    expect(svg).toContain('href="/b/"');
    expect(svg).not.toContain('href="/a/"');
    expect(svg).toContain('dg-rel-implements dg-inferred');
    expect(svg).not.toMatch(/style=|<style/);
  });
  it('escapes quotes', () => {
    expect(escapeHtml(`"'`)).toBe('&quot;&#39;');
  });
});

describe('documentDiagram', () => {
  it('gives the same relations as a text list', () => {
    const d = documentDiagram(fixtureSite(), 'chi-thi-33-ct-ttg-2021', siteUrls('/'))!;
    expect(d.links.map((l) => `${l.from.id} ${l.label} ${l.to.id}`).sort()).toEqual([
      'chi-thi-33-ct-ttg-2021 dẫn chiếu nghi-quyet-25-nq-tw-2013',
      'chi-thi-33-ct-ttg-2021 dẫn chiếu quyet-dinh-23-qd-tw-2021',
      'ke-hoach-1-kh-ubnd-2022-vi-du triển khai, thực hiện chi-thi-33-ct-ttg-2021',
      'quyet-dinh-23-qd-tw-2021 thay thế quyet-dinh-290-qd-tw-2010',
    ]);
  });
});

describe('documentDiagram around a hub cited by 500 documents', () => {
  const data = hubSite(500);

  it('walks at most DIAGRAM_EDGES_PER_DOCUMENT relations of any document', () => {
    const view = diagramGraph(data);
    expect(data.graph.incoming['hub']!.length).toBeGreaterThan(600);
    for (const n of data.graph.nodes) {
      expect((view.incoming[n.id] ?? []).length + (view.outgoing[n.id] ?? []).length).toBeLessThanOrEqual(DIAGRAM_EDGES_PER_DOCUMENT);
    }
  });

  it('draws the same documents as a walk over every relation', () => {
    for (const id of ['hub', 'c-1', 'inf-0', 'exp-0', 'chain-2']) {
      const full = collectNeighbourhood(data.graph, id, { hops: 2, maxNodes: 14, issued: (x) => data.node(x)?.issued });
      const drawn = documentDiagram(data, id, siteUrls('/'))!;
      const ids = new Set(drawn.links.flatMap((l) => [l.from.id, l.to.id]));
      expect([...ids].sort(), id).toEqual(full.nodes.map((n) => n.id).sort());
    }
  });

  it('counts the direct relations it leaves out, as listed in the relations panel', () => {
    const d = documentDiagram(data, 'hub', siteUrls('/'))!;
    // 500 citing + 105 implementing documents, 13 drawn.
    expect(d.omitted).toBe(605 - 13);
    expect(documentDiagram(data, 'c-1', siteUrls('/'))!.omitted).toBe(0);
  });
});

describe('edge routing', () => {
  /** Small deterministic generator, so a failure names its seed. */
  function random(seed: number): () => number {
    let s = seed >>> 0;
    return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  }

  for (let seed = 1; seed <= 100; seed++) {
    it(`draws no line through a box and no two arrowheads on one point (seed ${seed})`, () => {
      const r = random(seed);
      const count = 3 + Math.floor(r() * 12);
      const nodes = Array.from({ length: count }, (_, i) =>
        node(`n${i}`, `${2005 + Math.floor(r() * 18)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`, i === 0 ? 0 : 1 + Math.floor(r() * 2)),
      );
      const edges = nodes.slice(1).flatMap((n, i) => {
        const out = [{ from: n.id, to: 'n0', type: 'cites' as const, inferred: false }];
        if (r() < 0.5) out.push({ from: n.id, to: `n${1 + Math.floor(r() * i)}`, type: 'cites' as const, inferred: false });
        return out.filter((e) => e.from !== e.to);
      });
      const l = layoutDiagram('n0', nodes, edges);
      const { nodeWidth: w, nodeHeight: h } = l.options;
      const boxes = l.nodes;
      const arrowTips = new Set<string>();
      for (const e of l.edges) {
        const pts = pathPoints(e.d);
        // Every segment stays outside every box but its own two.
        for (const b of boxes) {
          if (b.id === e.from || b.id === e.to) continue;
          for (let i = 0; i + 1 < pts.length; i++) {
            const [p, q] = [pts[i]!, pts[i + 1]!];
            const inside = Math.max(p[0], q[0]) > b.x && Math.min(p[0], q[0]) < b.x + w && Math.max(p[1], q[1]) > b.y && Math.min(p[1], q[1]) < b.y + h;
            expect(inside, `${e.from}→${e.to} crosses ${b.id}`).toBe(false);
          }
        }
        const tip = pts[pts.length - 1]!.join(',');
        expect(arrowTips.has(tip), `two arrowheads at ${tip}`).toBe(false);
        arrowTips.add(tip);
      }
    });
  }
});
