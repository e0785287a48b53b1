import { describe, expect, it } from 'vitest';
import { lineageView, relationPhrase, withoutAnachronisms } from '../../src/lib/course/lineage-view.ts';
import type { GraphEdge } from '../../src/lib/graph/types.ts';
import { graph, node } from './graph-fixture.ts';

const qd290 = node({ id: 'qd-290', type: 'quyet-dinh', number: '290-QĐ/TW', issued: '2010-02-25', citation: '' });
const qd23 = node({ id: 'qd-23', type: 'quyet-dinh', number: '23-QĐ/TW', issued: '2021-07-30', citation: '' });
const ct33 = node({ id: 'ct-33', type: 'chi-thi', number: '33/CT-TTg', issued: '2021-11-26', citation: '' });
const kh = node({ id: 'kh-2022', type: 'ke-hoach', number: null, issued: '2022', citation: '' });
const lone = node({ id: 'lone', type: 'chi-thi', number: '1/CT-TTg', issued: '2020-01-01', citation: '' });

function indexed(edges: GraphEdge[]) {
  const superseded = { ...qd290, effectiveStatus: { status: 'superseded' as const, reason: '', by: 'qd-23', chain: ['qd-290', 'qd-23'] } };
  const g = graph([superseded, qd23, ct33, kh, lone], { edges });
  edges.forEach((e, i) => {
    (g.outgoing[e.from] ??= []).push(i);
    (g.incoming[e.to] ??= []).push(i);
  });
  return g;
}

const edge = (from: string, to: string, type: GraphEdge['type'], origin: GraphEdge['origin'] = 'explicit'): GraphEdge => ({ from, to, type, origin, evidence: [] });

const g = indexed([
  edge('qd-23', 'qd-290', 'replaces'),
  // 30/7/2021 cannot carry out a directive of 26/11/2021: a misread sentence.
  edge('qd-23', 'ct-33', 'implements', 'inferred'),
  edge('kh-2022', 'ct-33', 'implements'),
  edge('qd-23', 'lone', 'cites', 'text'),
]);

describe('withoutAnachronisms', () => {
  it('drops lineage edges pointing forward in time and rebuilds the indices', () => {
    const clean = withoutAnachronisms(g);
    expect(clean.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['qd-23>qd-290', 'kh-2022>ct-33', 'qd-23>lone']);
    for (const [id, list] of Object.entries(clean.outgoing)) for (const i of list) expect(clean.edges[i]!.from).toBe(id);
    for (const [id, list] of Object.entries(clean.incoming)) for (const i of list) expect(clean.edges[i]!.to).toBe(id);
  });
});

describe('lineageView', () => {
  it('on the replacing document: lists the replaced one, oldest first, and nothing anachronistic', () => {
    const view = lineageView(g, 'qd-23')!;
    expect(view.lines.map((l) => l.node.id)).toEqual(['qd-290', 'qd-23']);
    const [old, self] = view.lines;
    expect(self!.isSelf).toBe(true);
    expect(old!.other?.id).toBe('qd-23');
    expect(relationPhrase(old!)).toBe('bị thay thế bởi');
    expect(view.current).toBeNull();
  });

  it('on the replaced document: points forward to the one in force', () => {
    const view = lineageView(g, 'qd-290')!;
    expect(view.lines.map((l) => l.node.id)).toEqual(['qd-290', 'qd-23']);
    expect(relationPhrase(view.lines[1]!)).toBe('thay thế');
    expect(view.current?.id).toBe('qd-23');
  });

  it('renders nothing for a document without lineage (plain citations do not count)', () => {
    expect(lineageView(g, 'lone')).toBeNull();
    expect(lineageView(g, 'khong-co')).toBeNull();
  });

  it('marks inferred relations', () => {
    const inferred = indexed([edge('kh-2022', 'ct-33', 'implements', 'inferred')]);
    const view = lineageView(inferred, 'ct-33')!;
    expect(view.lines.find((l) => l.node.id === 'kh-2022')?.inferred).toBe(true);
    expect(relationPhrase(view.lines.find((l) => l.node.id === 'kh-2022')!)).toBe('triển khai, thực hiện');
  });
});
