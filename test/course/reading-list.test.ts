import { describe, expect, it } from 'vitest';
import { readingList, relatedImplementations } from '../../src/lib/course/reading-list.ts';
import { graph, node } from './graph-fixture.ts';
import type { ImplementationRecord } from '../../src/lib/graph/types.ts';

const a = node({ id: 'chi-thi-16-ct-ttg-2016', type: 'chi-thi', number: '16/CT-TTg', issued: '2016-05-16', citation: 'A' });
const b = node({ id: 'chi-thi-33-ct-ttg-2021', type: 'chi-thi', number: '33/CT-TTg', issued: '2021-11-26', citation: 'B' });

function record(id: string, date: string, reportsOn: string[]): ImplementationRecord {
  return { id, file: `content/thuc-tien/${id}.mdx`, title: id, date, province: null, reportsOn, topics: [], figures: [], sources: [] };
}

describe('readingList', () => {
  it('keeps teaching order, numbers from 1 and marks documents missing from the graph', () => {
    const items = readingList(
      { readings: [{ document: b.id, note: 'n1' }, { document: 'khong-co', note: 'n2' }, { document: a.id, note: 'n3' }] },
      graph([a, b]),
    );
    expect(items.map((i) => [i.position, i.id, i.node?.id ?? null, i.note])).toEqual([
      [1, b.id, b.id, 'n1'],
      [2, 'khong-co', null, 'n2'],
      [3, a.id, a.id, 'n3'],
    ]);
  });
});

describe('relatedImplementations', () => {
  it('keeps records reporting on any of the documents, newest first', () => {
    const g = graph([a, b], {
      implementations: [
        record('tra-vinh-2021', '2021-04-19', [a.id, 'chuong-trinh-79']),
        record('khac', '2022-01-01', ['nghi-quyet-25-nq-tw-2013']),
        record('hai-duong-2022', '2022', [b.id]),
      ],
    });
    expect(relatedImplementations(g, [a.id, b.id]).map((r) => r.id)).toEqual(['hai-duong-2022', 'tra-vinh-2021']);
    expect(relatedImplementations(g, ['khong-co'])).toEqual([]);
  });
});

describe('sortCourses and readingIds', () => {
  it('orders by `order`, then by Vietnamese title, unordered modules last', async () => {
    const { sortCourses, readingIds } = await import('../../src/lib/course/modules.ts');
    const mk = (id: string, title: string, order?: number) => ({
      id,
      data: { title, audience: 'x', duration: 'x', objectives: ['x'], readings: [{ document: 'a', note: 'x' }], questions: [], topics: [], order },
    });
    const sorted = sortCourses([mk('d', 'Đối thoại'), mk('c', 'Dân vận'), mk('b', 'Z', 2), mk('a', 'Y', 1)]);
    expect(sorted.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    const items = readingList({ readings: [{ document: b.id, note: '' }, { document: 'khong-co', note: '' }] }, graph([a, b]));
    expect(readingIds(items)).toEqual([b.id]);
  });
});
