/**
 * Named documents: the grammar that reads their names (where a name ends), the
 * named-documents registry (content/registries/named-documents.yaml) and the choice of
 * the version a mention means.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadRegistries } from '../../src/lib/content/corpus.ts';
import { namedDocumentRegistrySchema } from '../../src/lib/schema/named-documents.ts';
import { buildCorpusIndex, findReferences } from '../../src/lib/citations/index.ts';
import { extractMentions } from '../../src/lib/citations/extract.ts';
import { NAME_EXAMPLES } from '../../src/lib/citations/patterns.ts';
import { chooseVersion } from '../../src/lib/citations/versions.ts';

const root = join(import.meta.dirname, '..', '..');
const diagnostics: { file: string; message: string }[] = [];
const registry = loadRegistries(root, diagnostics as never).namedDocuments ?? [];
const index = buildCorpusIndex([], [], registry);

function refs(text: string, date?: string) {
  return findReferences(text, index, { date: date ?? null }).map((r) => ({ text: r.text, year: r.year, key: r.key, number: r.number }));
}

describe('names by grammar: each example mention ends where its example says', () => {
  it.each(NAME_EXAMPLES.map((e) => [e.text, e.mention]))('%s', (text, mention) => {
    const found = extractMentions(text, [], index.names).map((m) => text.slice(m.start, m.end));
    expect(found).toContain(mention);
  });

  it('stops before the clause that follows, and never runs into the next document', () => {
    expect(refs('Điều lệ Đảng quy định rõ; Luật Đất đai và Luật Nhà ở đều').map((r) => r.text)).toEqual(['Điều lệ Đảng', 'Luật Đất đai', 'Luật Nhà ở']);
    expect(refs('theo Luật Bảo hiểm xã hội 2014 đã có hiệu lực')).toEqual([{ text: 'Luật Bảo hiểm xã hội 2014', year: 2014, key: null, number: null }]);
  });

  it('leaves out what is not a document: the law in general, discipline, drafts, a law school, headings', () => {
    for (const text of [
      'tuân thủ Hiến pháp và pháp luật',
      'giữ nghiêm kỷ luật Đảng',
      'góp ý dự thảo Luật Đất đai (sửa đổi)',
      'sinh viên Trường Đại học Luật Hà Nội',
      'tư vấn của Công ty Luật Minh An',
      'LUẬT\nTIẾP CÔNG DÂN',
      'xây dựng điều lệ hội',
      'các luật, pháp lệnh liên quan',
    ]) {
      expect(refs(text), text).toEqual([]);
    }
  });
});

describe('named-documents registry', () => {
  it('validates against its schema, every replacement is an entry, every id is unique', () => {
    expect(diagnostics.filter((d) => d.file.includes('named-documents'))).toEqual([]);
    expect(namedDocumentRegistrySchema.safeParse(registry).success).toBe(true);
    const ids = new Set(registry.map((d) => d.id));
    expect(ids.size).toBe(registry.length);
    for (const d of registry) for (const r of d.replacedBy) expect(ids.has(r), `${d.id} → ${r}`).toBe(true);
  });

  it.each(registry.map((d) => [d.id, d.example, Number(d.issued.slice(0, 4))] as const))('%s: its example means that version', (_id, example, year) => {
    const [r] = refs(`Căn cứ ${example};`);
    expect(r?.text).toBe(example);
    expect(r?.year).toBe(year);
  });
});

describe('the version a mention means', () => {
  it('the year or date written picks it; a name of its own is its own family', () => {
    expect(refs('Luật Khiếu nại, tố cáo năm 1998; Luật Khiếu nại năm 2011; Luật Tố cáo năm 2018').map((r) => r.year)).toEqual([1998, 2011, 2018]);
    expect(refs('Luật Công đoàn năm 2012; Luật Công đoàn năm 2024').map((r) => r.year)).toEqual([2012, 2024]);
    // A year no version has: kept as written, linked to nothing.
    expect(refs('Luật Công đoàn năm 1990')).toEqual([{ text: 'Luật Công đoàn năm 1990', year: 1990, key: null, number: null }]);
  });

  it('with none, the version in force on the citing date; with no date and several versions, none', () => {
    expect(refs('theo Luật Công đoàn', '2020-05-01')[0]!.year).toBe(2012);
    expect(refs('theo Luật Công đoàn', '2025-03-01')[0]!.year).toBe(2012); // the 2024 law took effect on 01/7/2025
    expect(refs('theo Luật Công đoàn', '2025-08-01')[0]!.year).toBe(2024);
    expect(refs('theo Luật Công đoàn')[0]!.year).toBeNull();
    expect(refs('theo luật Mặt trận Tổ quốc Việt Nam', '2010-01-01')[0]!.year).toBe(1999);
    expect(refs('Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;', '2020-01-01')[0]!.year).toBe(2013);
    expect(refs('theo Luật Tiếp công dân')[0]!.year).toBe(2013); // one version: no date needed
  });

  it('the amending law of 2019 is its own document: its date does not pass to the laws it amends', () => {
    const r = refs(
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;',
    );
    expect(r.map((x) => x.year)).toEqual([2015, 2019]);
    expect(r[1]!.text.startsWith('Luật sửa đổi')).toBe(true);
  });

  it('a law written with its number is a numbered mention', () => {
    expect(refs('Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15;')).toEqual([
      { text: 'Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15', year: 2022, key: '10/2022/QH15@2022', number: '10' },
    ]);
  });

  it('chooseVersion never guesses between versions', () => {
    const family = registry.filter((d) => d.names.includes('Tố cáo'));
    expect(chooseVersion(family, { date: null, year: null }, null).version).toBeNull();
    expect(chooseVersion(family, { date: null, year: null }, '2017-01-01').version?.id).toBe('luat-to-cao-2011');
    expect(chooseVersion(family, { date: null, year: null }, '2010-01-01').version).toBeNull(); // neither passed yet
  });
});
