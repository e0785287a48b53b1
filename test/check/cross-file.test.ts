/**
 * Faults that need the whole corpus: file name vs identity, duplicate identities,
 * relations (missing, self, later, cycles), number forms, and the cascade rules (a
 * broken file is reported once, not again by every file that points to it).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DOCS, E, W, check, cleanup, copyGood, lineWith, read, replaceIn, runCase, write, type FaultCase } from './helpers.ts';
import { renameSync } from 'node:fs';
import { join } from 'node:path';

afterAll(cleanup);

const { d290, d23, d114, d16, d33, d79, d1553, course } = DOCS;

const cases: FaultCase[] = [
  {
    name: 'file name differs from the id derived from the identity',
    inject: (r) => renameSync(join(r, d114), join(r, 'content/van-ban/ket-luan-114-kl-tw-2016.mdx')),
    expected: () => [E('content/van-ban/ket-luan-114-kl-tw-2016.mdx', 0, 'file-name')],
  },
  {
    name: 'two files with the same identity',
    inject: (r) => write(r, 'content/van-ban/chi-thi-33-ct-ttg-2021-ban-sao.mdx', read(r, d33)),
    expected: () => [
      E('content/van-ban/chi-thi-33-ct-ttg-2021-ban-sao.mdx', 0, 'file-name'),
      E('content/van-ban/chi-thi-33-ct-ttg-2021-ban-sao.mdx', 3, 'duplicate-identity', 'number'),
      E(d33, 3, 'duplicate-identity', 'number'),
    ],
  },
  {
    name: 'the same identity in a subfolder, with the right file name',
    inject: (r) => write(r, 'content/van-ban/cu/quyet-dinh-23-qd-tw-2021.mdx', read(r, d23)),
    expected: () => [E('content/van-ban/cu/quyet-dinh-23-qd-tw-2021.mdx', 3, 'duplicate-identity', 'number'), E(d23, 3, 'duplicate-identity', 'number')],
  },
  {
    name: 'relation to a missing document',
    inject: (r) => replaceIn(r, d23, 'id: quyet-dinh-290-qd-tw-2010', 'id: quyet-dinh-290-qd-tw-2011'),
    expected: (r) => [E(d23, lineWith(r, d23, 'replaces:'), 'relation-missing-target', 'relations.replaces.0')],
  },
  {
    name: 'relation to itself',
    inject: (r) => replaceIn(r, d23, 'replaces: [{', 'replaces: [quyet-dinh-23-qd-tw-2021, {'),
    expected: (r) => [E(d23, lineWith(r, d23, 'replaces:'), 'relation-self', 'relations.replaces.0')],
  },
  {
    name: 'the same target twice in one relation list is a warning; a plain id is a relation without provenance (warning)',
    inject: (r) => replaceIn(r, d23, 'replaces: [{', 'replaces: [quyet-dinh-290-qd-tw-2010, {'),
    expected: (r) => [
      W(d23, lineWith(r, d23, 'replaces:'), 'relation-no-provenance', 'relations.replaces.0'),
      W(d23, lineWith(r, d23, 'replaces:'), 'relation-duplicate', 'relations.replaces.1'),
    ],
  },
  {
    name: 'implementing a document issued later',
    inject: (r) => replaceIn(r, d1553, 'implements: [{', 'implements: [chi-thi-33-ct-ttg-2021, {'),
    expected: (r) => [E(d1553, lineWith(r, d1553, 'implements:'), 'relation-target-later', 'relations.implements.0')],
  },
  {
    name: 'time runs forward for a citation too: citing a later document is an error naming both dates',
    inject: (r) => replaceIn(r, d1553, 'implements: [{', 'cites: [{ id: chi-thi-33-ct-ttg-2021, where: "Đoạn 2", source: "https://example.org/a" }]\n  implements: [{'),
    expected: (r) => [E(d1553, lineWith(r, d1553, 'cites:'), 'relation-target-later', 'relations.cites.0')],
  },
  {
    name: 'a key of a document not in the corpus passes; a key of a later year is time-reversed',
    inject: (r) => replaceIn(r, d1553, 'implements: [{', 'basedOn: [{ id: "25-NQ/TW@2013", where: "Căn cứ (phần mở đầu)", source: "https://example.org/b" }, "30/2020/NĐ-CP@2020"]\n  implements: [{'),
    expected: (r) => [E(d1553, lineWith(r, d1553, 'basedOn:'), 'relation-target-later', 'relations.basedOn.1')],
  },
  {
    name: 'a status other than unknown without its source is an error; without the date too',
    inject: (r) => {
      replaceIn(r, d290, 'statusSource: { title: "Danh mục văn bản của Đảng (dữ liệu thử)", url: "https://example.org/van-ban/quyet-dinh-290-qd-tw-2010" }\n', '');
      replaceIn(r, d33, 'status: unknown\nstatusAsOf: "2026-11-01"', 'status: in-force');
    },
    expected: (r) => [E(d290, lineWith(r, d290, 'status:'), 'status-source-missing', 'status'), E(d33, lineWith(r, d33, 'status:'), 'status-source-missing', 'status')],
  },
  {
    name: 'replacement cycle of two, where the older one also replaces a later document',
    inject: (r) => replaceIn(r, d290, 'fullText: false', 'relations:\n  replaces: [quyet-dinh-23-qd-tw-2021]\nfullText: false'),
    expected: (r) => {
      const l290 = lineWith(r, d290, 'replaces:');
      return [
        E(d290, l290, 'relation-target-later', 'relations.replaces.0'),
        E(d290, l290, 'replaces-cycle', 'relations.replaces.0'),
        E(d23, lineWith(r, d23, 'replaces:'), 'replaces-cycle', 'relations.replaces.0'),
        // 23 is in force yet "replaced" by 290 before its status was checked.
        W(d23, lineWith(r, d23, 'status:'), 'status-superseded', 'status'),
      ];
    },
  },
  {
    name: 'a document still marked in force after its replacement (warning)',
    inject: (r) => replaceIn(r, d290, 'status: not-in-force', 'status: in-force'),
    expected: (r) => [W(d290, lineWith(r, d290, 'status:'), 'status-superseded', 'status')],
  },
  {
    name: 'a relation to a broken file is not reported again',
    inject: (r) => replaceIn(r, d290, 'issuer: bo-chinh-tri', 'issuer: [bo-chinh-tri'),
    expected: (r) => [E(d290, lineWith(r, d290, 'issuer:'), 'yaml-syntax')],
  },
  {
    name: 'number: Party style on a State document',
    inject: (r) => replaceIn(r, d33, 'number: "33/CT-TTg"', 'number: "33-CT/TTg"'),
    expected: () => [E(d33, 3, 'number-form', 'number')],
  },
  {
    name: 'number: State style on a Party document',
    inject: (r) => replaceIn(r, d23, 'number: "23-QĐ/TW"', 'number: "23/QĐ-TW"'),
    expected: () => [E(d23, 3, 'number-form', 'number')],
  },
  {
    name: 'number: type code does not fit the type',
    inject: (r) => replaceIn(r, d33, 'number: "33/CT-TTg"', 'number: "33/QĐ-TTg"'),
    expected: () => [E(d33, 0, 'file-name'), E(d33, 3, 'number-type-code', 'number')],
  },
  {
    name: 'number: issuer code does not fit the issuer',
    inject: (r) => replaceIn(r, d23, 'number: "23-QĐ/TW"', 'number: "23-QĐ/BDVTW"'),
    expected: () => [E(d23, 0, 'file-name'), E(d23, 3, 'number-issuer-code', 'number')],
  },
  {
    name: 'number: joint symbol without the co-issuer that carries its code',
    inject: (r) => {
      replaceIn(r, d79, 'issuer: ban-dan-van-trung-uong', 'issuer: ban-bi-thu');
      replaceIn(r, d79, 'coIssuers: [ban-can-su-dang-chinh-phu]\n', '');
    },
    expected: () => [E(d79, 3, 'number-issuer-code', 'number')],
  },
  {
    name: 'number: year in the number disagrees with the date of issue',
    inject: (r) => replaceIn(r, d16, 'number: "16/CT-TTg"', 'number: "16/2015/CT-TTg"'),
    expected: () => [E(d16, 0, 'file-name'), E(d16, 3, 'number-year-mismatch', 'number')],
  },
  {
    name: 'number: not a số ký hiệu at all',
    inject: (r) => replaceIn(r, d33, 'number: "33/CT-TTg"', 'number: "Số 33 CT TTg"'),
    expected: () => [E(d33, 0, 'file-name'), E(d33, 3, 'number-form', 'number')],
  },
  {
    name: 'issued in the future',
    inject: (r) => {
      replaceIn(r, d114, 'issued: "2015-07-14"', 'issued: "2027-07-14"');
      renameSync(join(r, d114), join(r, 'content/van-ban/ket-luan-114-kl-tw-2027.mdx'));
    },
    expected: () => [E('content/van-ban/ket-luan-114-kl-tw-2027.mdx', 4, 'issued-future', 'issued')],
  },
];

describe('cross-file faults', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const [actual, expected] = runCase(c);
    expect(actual).toEqual(expected);
  });

  it('reports every file of a 40-document replacement cycle, each at its replaces line', () => {
    const root = copyGood();
    const n = 40;
    const id = (i: number) => `chi-thi-${i + 100}-ct-ttg-2020`;
    for (let i = 0; i < n; i++) {
      write(root, `content/van-ban/${id(i)}.mdx`, [
        '---',
        'type: chi-thi',
        `number: "${i + 100}/CT-TTg"`,
        'issued: "2020-01-02"',
        'issuer: thu-tuong-chinh-phu',
        'title: "Văn bản thử nghiệm chuỗi thay thế"',
        'status: unknown',
        'statusAsOf: "2026-11-01"',
        'statusReason: "Dữ liệu thử."',
        'relations:',
        `  replaces: [${id((i + 1) % n)}]`,
        'fullText: false',
        'sources: [{ title: "Dữ liệu thử" }]',
        '---',
        '',
        'Nội dung.',
        '',
      ].join('\n'));
    }
    const result = check(root);
    const cycle = result.diagnostics.filter((d) => d.code === 'replaces-cycle');
    expect(cycle.map((d) => [d.file, d.line, d.field])).toEqual(
      Array.from({ length: n }, (_, i) => [`content/van-ban/${id(i)}.mdx`, 11, 'relations.replaces.0']).sort(),
    );
    expect(cycle[0]!.message).toContain('40 văn bản');
    expect(result.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'replaces-cycle')).toEqual([]);
  });

  it('5 000 relation targets in one document: each missing one reported on its own line', () => {
    const root = copyGood();
    const targets = Array.from({ length: 5000 }, (_, i) => `    - chi-thi-${i}-ct-ttg-1999`).join('\n');
    replaceIn(root, d23, 'relations:\n', `relations:\n  cites:\n${targets}\n`);
    const first = lineWith(root, d23, 'chi-thi-0-ct-ttg-1999');
    const missing = check(root).diagnostics.filter((d) => d.code === 'relation-missing-target');
    expect(missing).toHaveLength(5000);
    expect(missing.every((d, i) => d.file === d23 && d.line === first + i && d.field === `relations.cites.${i}`)).toBe(true);
  });

  it('a time-reversed relation names both dates in its message', () => {
    const root = copyGood();
    replaceIn(root, d1553, 'implements: [{', 'implements: [chi-thi-33-ct-ttg-2021, {');
    const [d] = check(root).diagnostics.filter((x) => x.code === 'relation-target-later');
    expect(d!.message).toContain('2016-07-16');
    expect(d!.message).toContain('2021-11-26');
  });

  it('a reading list entry pointing at a broken document is not reported', () => {
    const root = copyGood();
    replaceIn(root, d33, 'status: unknown', 'status: [unknown');
    const result = check(root);
    expect(result.diagnostics.filter((d) => d.file === course)).toEqual([]);
  });
});
