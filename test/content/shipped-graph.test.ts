/**
 * The shipped corpus keeps the promise of a truthful graph (issue #15): no relation runs
 * back in time, no edge comes from a summary body, and every edge shows either the
 * sentence of the full text it was read from or its provenance (where the official text
 * says it and the page it was read on). Also: no declared status without its source.
 */
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/lib/content/corpus.ts';
import { buildGraph } from '../../src/lib/graph/build.ts';
import { isBefore } from '../../src/lib/schema/dates.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the shipped corpus', () => {
  const corpus = loadCorpus(ROOT);
  const { graph } = buildGraph(corpus, { today: '2026-12-07' });
  const node = new Map(graph.nodes.map((n) => [n.id, n]));

  it('loads every document', () => {
    expect(corpus.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(graph.nodes.length).toBeGreaterThanOrEqual(45);
  });

  it('has no time-reversed relation: every edge points at a document issued no later', () => {
    const reversed = graph.edges.filter((e) => isBefore(node.get(e.from)!.issued, node.get(e.to)!.issued));
    expect(reversed).toEqual([]);
    // Declared relations to documents not in the corpus obey the same rule by their key's year.
    for (const u of graph.unresolved) {
      for (const c of u.citedBy.filter((x) => x.via === 'relation')) {
        expect(Number(u.year), `${c.id} → ${u.key}`).toBeLessThanOrEqual(Number(node.get(c.id)!.issued.slice(0, 4)));
      }
    }
  });

  it('has no edge that originates in a summary body', () => {
    const fromSummaries = graph.edges.filter((e) => e.origin !== 'explicit' && !node.get(e.from)!.fullText);
    expect(fromSummaries).toEqual([]);
    // and no summary sentence became the evidence of a declared relation either
    const summaryEvidence = graph.edges.filter((e) => !node.get(e.from)!.fullText && e.evidence.length > 0);
    expect(summaryEvidence).toEqual([]);
  });

  it('shows for every edge its evidence sentence or its provenance (where + source)', () => {
    const bare = graph.edges.filter(
      (e) => !(e.evidence.length > 0 && e.evidence.every((ev) => ev.sentence.length > 0)) && !(e.provenance?.where && e.provenance.source),
    );
    expect(bare).toEqual([]);
    for (const u of graph.unresolved) {
      for (const c of u.citedBy.filter((x) => x.via === 'relation')) expect(c.provenance?.where && c.provenance.source).toBeTruthy();
    }
  });

  it('gives every status other than unknown its date and source', () => {
    const unsourced = graph.nodes.filter((n) => n.status !== 'unknown' && !(n.statusAsOf && n.statusSource));
    expect(unsourced.map((n) => n.id)).toEqual([]);
  });

  it('computes a dated status: Luật 10/2022/QH15 is in force from 01/7/2023, with its history and its 2025 amendment', () => {
    const law = node.get('luat-10-2022-qh15-2022')!;
    expect(law.effectiveStatus).toMatchObject({ status: 'in-force', since: '2023-07-01' });
    // Luật 97/2025/QH15 amends it (recorded with its provenance), from the day it takes effect.
    expect(law.history.map((h) => [h.kind, h.date, h.by])).toEqual([
      ['issued', '2022-11-10', null],
      ['effective', '2023-07-01', null],
      ['amended', '2025-07-01', 'luat-97-2025-qh15-2025'],
    ]);
  });
});
