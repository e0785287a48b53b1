/**
 * Malformed frontmatter: YAML syntax, missing fields, wrong types, impossible dates,
 * unknown ids. Each case injects one fault into a copy of the good corpus and asserts
 * the exact set of diagnostics (file, line, field, code, severity).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DOCS, E, W, cleanup, lineWith, read, replaceIn, runCase, write, type FaultCase } from './helpers.ts';

afterAll(cleanup);

const { d33, d114, d1553, d79, rec, course } = DOCS;

const cases: FaultCase[] = [
  {
    name: 'YAML: unclosed flow list is reported on the line that opened it',
    inject: (r) => replaceIn(r, d33, 'topics: [dan-van-chinh-quyen]', 'topics: [dan-van-chinh-quyen'),
    expected: (r) => [E(d33, lineWith(r, d33, 'topics: ['), 'yaml-syntax')],
  },
  {
    name: 'YAML: unclosed quote is reported on the line that opened it',
    inject: (r) => replaceIn(r, d33, 'signer: "Phạm Minh Chính"', 'signer: "Phạm Minh Chính'),
    expected: (r) => [E(d33, lineWith(r, d33, 'signer:'), 'yaml-syntax')],
  },
  {
    name: 'YAML: a key given twice',
    inject: (r) => replaceIn(r, d33, 'fullText: false\n', 'fullText: false\nissuer: bo-chinh-tri\n'),
    expected: (r) => [E(d33, lineWith(r, d33, 'issuer: bo-chinh-tri'), 'yaml-syntax')],
  },
  {
    name: 'YAML: an unquoted value containing ": "',
    inject: (r) => replaceIn(r, d33, 'summary: "Chỉ thị về dân vận chính quyền ban hành cuối năm 2021."', 'summary: Chỉ thị: dân vận chính quyền'),
    expected: (r) => [E(d33, lineWith(r, d33, 'summary:'), 'yaml-syntax')],
  },
  {
    name: 'YAML: tab indentation',
    inject: (r) => replaceIn(r, d33, '  - title: "Kế', '\t- title: "Kế'),
    expected: (r) => {
      const l = lineWith(r, d33, '\t- title');
      return [E(d33, l, 'yaml-syntax'), E(d33, l + 1, 'yaml-syntax')];
    },
  },
  {
    name: 'frontmatter opened but never closed',
    inject: (r) => replaceIn(r, d114, '---\n\nKết luận', '\nKết luận'),
    expected: () => [E(d114, 1, 'yaml-syntax')],
  },
  {
    name: 'no frontmatter at all',
    inject: (r) => write(r, d114, read(r, d114).replace(/^---\n[\s\S]*?\n---\n/, '')),
    expected: () => [E(d114, 1, 'frontmatter-missing')],
  },
  {
    name: 'missing required field (issuer)',
    inject: (r) => replaceIn(r, d33, 'issuer: thu-tuong-chinh-phu\n', ''),
    expected: () => [E(d33, 2, 'field-missing', 'issuer')],
  },
  {
    name: 'missing required field (sources) and empty one (title) in the same file',
    inject: (r) => {
      replaceIn(r, d114, 'sources:\n  - title: "Kế hoạch triển khai công tác dân vận của cơ quan hành chính nhà nước năm 2022, tỉnh Hải Dương"\n    publisher: "UBND tỉnh Hải Dương"\n', '');
      replaceIn(r, d114, 'title: "Về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp"', 'title: ""');
    },
    expected: (r) => [E(d114, 2, 'field-missing', 'sources'), E(d114, lineWith(r, d114, 'title: ""'), 'schema-too-small', 'title')],
  },
  {
    name: 'empty sources list',
    inject: (r) =>
      replaceIn(r, d114, 'sources:\n  - title: "Kế hoạch triển khai công tác dân vận của cơ quan hành chính nhà nước năm 2022, tỉnh Hải Dương"\n    publisher: "UBND tỉnh Hải Dương"\n', 'sources: []\n'),
    expected: (r) => [E(d114, lineWith(r, d114, 'sources: []'), 'schema-too-small', 'sources')],
  },
  {
    name: 'wrong type: string for a boolean',
    inject: (r) => replaceIn(r, d33, 'fullText: false', 'fullText: "no"'),
    expected: (r) => [E(d33, lineWith(r, d33, 'fullText:'), 'field-type', 'fullText')],
  },
  {
    name: 'wrong type: a YAML number where the số ký hiệu is text',
    inject: (r) => replaceIn(r, d33, 'number: "33/CT-TTg"', 'number: 33'),
    expected: () => [E(d33, 3, 'field-type', 'number')],
  },
  {
    name: 'wrong type: a list where text is expected',
    inject: (r) => replaceIn(r, d33, 'signer: "Phạm Minh Chính"', 'signer: [Phạm Minh Chính]'),
    expected: () => [E(d33, 6, 'field-type', 'signer')],
  },
  {
    name: 'unknown field, with the close spelling suggested',
    inject: (r) => replaceIn(r, d33, 'statusAsOf:', 'statusAsof:'),
    expected: () => [E(d33, 10, 'field-unknown', 'statusAsof')],
  },
  {
    name: 'unknown type',
    inject: (r) => replaceIn(r, d33, 'type: chi-thi', 'type: chỉ-thị'),
    expected: () => [E(d33, 2, 'unknown-type', 'type')],
  },
  {
    name: 'status outside the vocabulary',
    inject: (r) => replaceIn(r, d33, 'status: unknown', 'status: active'),
    expected: () => [E(d33, 9, 'schema-invalid-value', 'status')],
  },
  {
    name: 'a source URL that is not a URL',
    inject: (r) => replaceIn(r, d114, '    publisher: "UBND tỉnh Hải Dương"', '    url: "không phải địa chỉ"'),
    expected: (r) => [E(d114, lineWith(r, d114, 'url:'), 'schema-invalid-format', 'sources.0.url')],
  },
  {
    name: 'date: 30 February',
    inject: (r) => replaceIn(r, d33, 'issued: "2021-11-26"', 'issued: "2021-02-30"'),
    expected: () => [E(d33, 4, 'date-invalid', 'issued')],
  },
  {
    name: 'date: month 13, unquoted (reported as impossible and as unquoted)',
    inject: (r) => replaceIn(r, d33, 'issued: "2021-11-26"', 'issued: 2021-13-45'),
    expected: () => [E(d33, 4, 'date-invalid', 'issued'), E(d33, 4, 'date-unquoted', 'issued')],
  },
  {
    name: 'date: a real day, unquoted',
    inject: (r) => replaceIn(r, d33, 'issued: "2021-11-26"', 'issued: 2021-11-26'),
    expected: () => [E(d33, 4, 'date-unquoted', 'issued')],
  },
  {
    name: 'date: a YAML number (issued: 2021)',
    inject: (r) => replaceIn(r, d33, 'issued: "2021-11-26"', 'issued: 2021'),
    expected: () => [E(d33, 4, 'date-not-string', 'issued')],
  },
  {
    name: 'date: Vietnamese order 26/11/2021',
    inject: (r) => replaceIn(r, d33, 'issued: "2021-11-26"', 'issued: "26/11/2021"'),
    expected: () => [E(d33, 4, 'date-invalid', 'issued')],
  },
  {
    name: 'date: impossible day inside a source',
    inject: (r) => replaceIn(r, rec, '    date: "2021-04"', '    date: "2021-04-31"'),
    expected: (r) => [E(rec, lineWith(r, rec, '2021-04-31'), 'date-invalid', 'sources.0.date')],
  },
  {
    name: 'statusAsOf in the future',
    inject: (r) => replaceIn(r, d33, 'statusAsOf: "2026-11-01"', 'statusAsOf: "2027-01-15"'),
    expected: () => [E(d33, 10, 'status-as-of-future', 'statusAsOf')],
  },
  {
    name: 'unknown issuer (a suggestion is offered)',
    inject: (r) => replaceIn(r, d33, 'issuer: thu-tuong-chinh-phu', 'issuer: thu-tuong'),
    expected: () => [E(d33, 5, 'unknown-issuer', 'issuer')],
  },
  {
    name: 'unknown co-issuer',
    inject: (r) => replaceIn(r, d79, 'coIssuers: [ban-can-su-dang-chinh-phu]', 'coIssuers: [ban-can-su-chinh-phu]'),
    expected: (r) => [E(d79, lineWith(r, d79, 'coIssuers:'), 'unknown-issuer', 'coIssuers.0')],
  },
  {
    name: 'unknown topic',
    inject: (r) => replaceIn(r, d33, 'topics: [dan-van-chinh-quyen]', 'topics: [dan-van-chinh-quyen, dan-van-kheo-leo]'),
    expected: () => [E(d33, 8, 'unknown-topic', 'topics.1')],
  },
  {
    name: 'unknown province in an implementation record',
    inject: (r) => replaceIn(r, rec, 'province: tra-vinh', 'province: tra-vinhh'),
    expected: () => [E(rec, 4, 'unknown-province', 'province')],
  },
  {
    name: 'unknown document in reportsOn',
    inject: (r) => replaceIn(r, rec, 'reportsOn: [chi-thi-16-ct-ttg-2016,', 'reportsOn: [chi-thi-16-ct-ttg-2015,'),
    expected: () => [E(rec, 5, 'unknown-document', 'reportsOn.0')],
  },
  {
    name: 'unknown document in a course reading list',
    inject: (r) => replaceIn(r, course, 'document: chi-thi-33-ct-ttg-2021', 'document: chi-thi-33-2021'),
    expected: (r) => [E(course, lineWith(r, course, 'chi-thi-33-2021'), 'unknown-document', 'readings.2.document')],
  },
  {
    name: 'a local document without its province',
    inject: (r) => replaceIn(r, d1553, 'province: tra-vinh\n', ''),
    // The province is part of the id, so the file name no longer matches either.
    expected: () => [E(d1553, 0, 'file-name'), E(d1553, 5, 'province-missing', 'province')],
  },
  {
    name: 'a report dated before the document it reports on',
    inject: (r) => replaceIn(r, rec, 'date: "2021-04-19"', 'date: "2016-01-04"'),
    expected: () => [E(rec, 5, 'report-before-document', 'reportsOn.0'), E(rec, 5, 'report-before-document', 'reportsOn.1')],
  },
  {
    name: 'a 1 000-character title (likely pasted text) is a warning',
    inject: (r) => replaceIn(r, d114, 'title: "Về nâng cao', `title: "${'công tác dân vận '.repeat(60)}Về nâng cao`),
    expected: () => [W(d114, 6, 'field-too-long', 'title')],
  },
  {
    name: 'a 5 000-character title is an error (over the field limit) and the file is not loaded',
    inject: (r) => replaceIn(r, d114, 'title: "Về nâng cao', `title: "${'công tác dân vận '.repeat(300)}Về nâng cao`),
    expected: () => [E(d114, 6, 'field-over-limit', 'title')],
  },
  {
    name: 'warnings for missing optional facts: number, full date, statusReason, summary',
    inject: (r) => {
      replaceIn(r, d33, 'number: "33/CT-TTg"\n', '');
      replaceIn(r, d33, 'issued: "2021-11-26"', 'issued: "2021-11"');
      replaceIn(r, d33, 'statusReason: "Chưa đối chiếu hiệu lực với nguồn chính thức."\n', '');
      replaceIn(r, d33, 'summary: "Chỉ thị về dân vận chính quyền ban hành cuối năm 2021."\n', '');
    },
    keep: ['summary-missing'],
    // Without a number the id is type + issuer + date, so the file name is reported too.
    expected: (r) => [
      E(d33, 0, 'file-name'),
      W(d33, 2, 'number-missing', 'number'),
      W(d33, 3, 'issued-partial', 'issued'),
      W(d33, lineWith(r, d33, 'title: "Về'), 'summary-missing', 'summary'),
      W(d33, lineWith(r, d33, 'status:'), 'status-reason-missing', 'statusReason'),
    ],
  },
];

describe('frontmatter messages', () => {
  it('say what was found and what is expected', async () => {
    const { copyGood, check } = await import('./helpers.ts');
    const root = copyGood();
    replaceIn(root, d33, 'type: chi-thi', 'type: Chỉ thị');
    replaceIn(root, d114, 'issued: "2015-07-14"', 'issued: "14/7/2015"');
    replaceIn(root, d1553, 'issuer: ubnd-tinh-tra-vinh', 'issuer: ubnd-tra-vinh');
    const byCode = new Map(check(root).diagnostics.map((d) => [d.code, d.message]));
    expect(byCode.get('unknown-type')).toContain('"Chỉ thị"');
    expect(byCode.get('unknown-type')).toContain('Có phải ý bạn là "chi-thi"?');
    expect(byCode.get('date-invalid')).toContain('"2015-07-14"');
    expect(byCode.get('unknown-issuer')).toContain('"ubnd-tinh-tra-vinh"');
  });
});

describe('frontmatter faults', () => {
  it('has at least 30 frontmatter cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const [actual, expected] = runCase(c);
    expect(actual).toEqual(expected);
  });
});
