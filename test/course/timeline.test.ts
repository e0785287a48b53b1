import { describe, expect, it } from 'vitest';
import { layoutTimeline, timelineFor, yearPosition, chartLabel } from '../../src/lib/course/timeline.ts';
import { graph, node } from './graph-fixture.ts';

const docs = [
  { id: 'qd-23', label: 'Quyết định 23-QĐ/TW', issued: '2021-07-30' },
  { id: 'qd-290', label: 'Quyết định 290-QĐ/TW', issued: '2010-02-25' },
  { id: 'ct-33', label: 'Chỉ thị 33/CT-TTg', issued: '2021-11-26' },
  { id: 'nq-25', label: 'Nghị quyết 25-NQ/TW', issued: '2013-06' },
];

describe('yearPosition', () => {
  it('orders dates within a year and puts partial dates mid-period', () => {
    expect(yearPosition('2021-07-30')).toBeLessThan(yearPosition('2021-11-26'));
    expect(yearPosition('2021-11-26')).toBeLessThan(2022);
    expect(yearPosition('2021')).toBe(2021.5);
    expect(Math.floor(yearPosition('2013-06'))).toBe(2013);
  });
});

describe('layoutTimeline', () => {
  const layout = layoutTimeline(docs, [
    { from: 'qd-23', to: 'qd-290', type: 'replaces' },
    { from: 'qd-23', to: 'qd-290', type: 'replaces' },
    { from: 'ct-33', to: 'khong-co', type: 'implements' },
  ]);

  it('places documents left to right by date, on the axis', () => {
    expect(layout.documents.map((d) => d.id)).toEqual(['qd-290', 'nq-25', 'qd-23', 'ct-33']);
    const xs = layout.documents.map((d) => d.x);
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(layout.axisStart);
      expect(x).toBeLessThanOrEqual(layout.axisEnd);
    }
    expect(layout.ticks[0]!.year).toBe(2010);
    expect(layout.ticks.at(-1)!.year).toBe(2022);
  });

  it('puts labels of close dates in different lanes, never overlapping, inside the drawing', () => {
    const [, , d23, d33] = layout.documents;
    expect(d23!.lane).not.toBe(d33!.lane);
    const lanes = new Map<number, { lo: number; hi: number }[]>();
    for (const d of layout.documents) {
      const half = (Math.max(d.label.length, 10) * 7.8) / 2;
      const box = { lo: d.labelX - half, hi: d.labelX + half };
      expect(box.lo).toBeGreaterThanOrEqual(0);
      expect(box.hi).toBeLessThanOrEqual(layout.width);
      for (const other of lanes.get(d.lane) ?? []) expect(box.lo >= other.hi || box.hi <= other.lo).toBe(true);
      lanes.set(d.lane, [...(lanes.get(d.lane) ?? []), box]);
      expect(d.labelY).toBeGreaterThan(layout.axisY);
      expect(d.labelY).toBeLessThan(layout.height);
    }
  });

  it('draws each relation once, only between documents on the chart, above the axis', () => {
    expect(layout.relations.map((r) => `${r.from}>${r.to}`)).toEqual(['qd-23>qd-290']);
    const arc = layout.relations[0]!;
    expect(arc.labelY).toBeGreaterThan(0);
    expect(arc.labelY).toBeLessThan(layout.axisY);
    const x23 = layout.documents.find((d) => d.id === 'qd-23')!.x;
    expect(arc.d.startsWith(`M${Math.round(x23 * 10) / 10} `)).toBe(true);
  });

  it('stacks arcs that span the same stretch', () => {
    const stacked = layoutTimeline(docs, [
      { from: 'qd-23', to: 'qd-290', type: 'replaces' },
      { from: 'ct-33', to: 'nq-25', type: 'implements' },
    ]);
    const [first, second] = stacked.relations;
    expect(first!.labelY).not.toBe(second!.labelY);
  });

  it('needs no arc room when there are no relations', () => {
    const flat = layoutTimeline(docs, []);
    expect(flat.relations).toEqual([]);
    expect(flat.axisY).toBeLessThan(layout.axisY);
  });
});

describe('timelineFor', () => {
  it('keeps only lineage edges between the chosen documents, never pointing forward in time', () => {
    const g = graph(
      [
        node({ id: 'a', type: 'quyet-dinh', number: '290-QĐ/TW', issued: '2010-02-25', citation: '' }),
        node({ id: 'b', type: 'quyet-dinh', number: '23-QĐ/TW', issued: '2021-07-30', citation: '' }),
        node({ id: 'c', type: 'ket-luan', number: '114-KL/TW', issued: '2015-07-14', citation: '' }),
      ],
      {
        edges: [
          { from: 'b', to: 'a', type: 'replaces', origin: 'explicit', evidence: [] },
          { from: 'b', to: 'c', type: 'cites', origin: 'text', evidence: [] },
          { from: 'c', to: 'a', type: 'implements', origin: 'inferred', evidence: [] },
          // 2010 cannot implement 2015: a misread sentence, left off the chart.
          { from: 'a', to: 'c', type: 'implements', origin: 'inferred', evidence: [] },
        ],
      },
    );
    const t = timelineFor(g, ['a', 'b', 'c']);
    expect(t.documents.map((d) => d.label)).toEqual(['Quyết định 290-QĐ/TW', 'Quyết định 23-QĐ/TW', 'Kết luận 114-KL/TW']);
    expect(t.relations).toEqual([
      { from: 'b', to: 'a', type: 'replaces', inferred: false },
      { from: 'c', to: 'a', type: 'implements', inferred: true },
    ]);
    expect(timelineFor(g, ['a', 'c']).relations).toEqual([{ from: 'c', to: 'a', type: 'implements', inferred: true }]);
    expect(chartLabel({ type: 'quyet-dinh', number: null, year: 2020 })).toBe('Quyết định (2020)');
  });
});
