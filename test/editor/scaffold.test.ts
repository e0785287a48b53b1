import { describe, expect, it } from 'vitest';
import { readTail, scaffoldFromCitation, findUnresolved } from '../../src/lib/editor/scaffold.ts';
import type { UnresolvedReference } from '../../src/lib/graph/types.ts';
import { corpus, registries, TODAY } from './support.ts';

const entries = corpus.map((e) => ({ ...e, file: `content/van-ban/${e.id}.mdx` }));
const opts = { registries, corpus: entries, today: TODAY };

describe('reading a citation line', () => {
  it('splits "của …" from "về …", and quoted titles', () => {
    expect(readTail(' của Thủ tướng Chính phủ về tăng cường kỷ luật, kỷ cương; các việc khác')).toEqual({
      issuerText: 'Thủ tướng Chính phủ',
      title: 'Về tăng cường kỷ luật, kỷ cương',
    });
    expect(readTail(' của Ban Thường vụ Tỉnh ủy “Về tiếp xúc, đối thoại của người đứng đầu”. Sau đó')).toEqual({
      issuerText: 'Ban Thường vụ Tỉnh ủy',
      title: 'Về tiếp xúc, đối thoại của người đứng đầu',
    });
    expect(readTail(', ngày ký')).toEqual({ issuerText: null, title: null });
  });

  it('resolves a local issuer only with its province', () => {
    const line = 'Quy chế số 03-QC/TU ngày 18/3/2021 của Ban Thường vụ Tỉnh ủy về tiếp xúc, đối thoại của người đứng đầu';
    const without = scaffoldFromCitation(line, opts);
    expect(without.ok).toBe(true);
    if (without.ok) {
      expect(without.scaffold.frontmatter.issuer).toBeUndefined();
      expect(without.scaffold.missing.find((m) => m.field === 'issuer')?.reason).toMatch(/nhiều cơ quan/);
    }
    const withProvince = scaffoldFromCitation(line, { ...opts, province: 'hai-duong' });
    expect(withProvince.ok && withProvince.scaffold).toMatchObject({
      id: 'quy-che-03-qc-tu-2021-hai-duong',
      frontmatter: { issuer: 'tinh-uy-hai-duong', province: 'hai-duong', issued: '2021-03-18' },
    });
  });

  it('refuses a line without a numbered citation', () => {
    const r = scaffoldFromCitation('Luật Tiếp công dân', opts);
    expect(r.ok).toBe(false);
    expect(scaffoldFromCitation('   ', opts).ok).toBe(false);
  });
});

describe('finding a missing document by key', () => {
  const list: UnresolvedReference[] = [
    { key: '35-CT/TW@2014', type: 'chi-thi', number: '35-CT/TW', year: 2014, province: null, issuer: null, citedBy: [] },
    { key: '11-QĐi/TW@2019', type: 'quy-dinh', number: '11-QĐi/TW', year: 2019, province: null, issuer: null, citedBy: [] },
  ];
  it('accepts the key in any spacing or case, or its slug', () => {
    expect(findUnresolved(list, '35-CT/TW@2014')?.key).toBe('35-CT/TW@2014');
    expect(findUnresolved(list, '35-ct-tw-2014')?.key).toBe('35-CT/TW@2014');
    expect(findUnresolved(list, '11-QĐ/TW@2019')?.key).toBe('11-QĐi/TW@2019');
    expect(findUnresolved(list, '11-qd-tw-2019')?.key).toBe('11-QĐi/TW@2019');
    expect(findUnresolved(list, '35-CT/TW@2015')).toBeNull();
  });
});
