import { describe, expect, it } from 'vitest';
import { formatDate, shortName, statusFromSlug, STATUS_ORDER, STATUS_SLUGS, RELATION_LABELS } from '../../src/lib/site/labels.ts';
import { RELATION_TYPES } from '../../src/lib/schema/document.ts';
import { absoluteUrl, applyBase, normalizeBase, siteUrls } from '../../src/lib/site/urls.ts';

describe('formatDate', () => {
  it('writes day/month/year the administrative way', () => {
    expect(formatDate('2021-11-26')).toBe('26/11/2021');
    expect(formatDate('2016-09-05')).toBe('05/9/2016');
    expect(formatDate('2019-02-18')).toBe('18/02/2019');
  });
  it('keeps partial dates partial', () => {
    expect(formatDate('2021-07')).toBe('7/2021');
    expect(formatDate('2025')).toBe('2025');
  });
});

describe('labels', () => {
  it('has a forward and an inverse label for every relation type', () => {
    for (const t of RELATION_TYPES) {
      expect(RELATION_LABELS[t].forward).toBeTruthy();
      expect(RELATION_LABELS[t].inverse).not.toBe(RELATION_LABELS[t].forward);
    }
  });
  it('round-trips status slugs', () => {
    for (const s of STATUS_ORDER) expect(statusFromSlug(STATUS_SLUGS[s])).toBe(s);
    expect(statusFromSlug('khong-co')).toBeNull();
  });
  it('names a document with or without a number', () => {
    expect(shortName({ type: 'chi-thi', number: '33/CT-TTg', issued: '2021-11-26' })).toBe('Chỉ thị số 33/CT-TTg');
    expect(shortName({ type: 'ke-hoach', number: null, issued: '2022-03-01' })).toBe('Kế hoạch ngày 01/3/2022');
  });
});

describe('urls', () => {
  it('normalises the base', () => {
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('/danvan')).toBe('/danvan/');
    expect(normalizeBase('danvan/')).toBe('/danvan/');
  });
  it('puts every path under the base with a trailing slash', () => {
    const u = siteUrls('/danvan/');
    expect(u.document('chi-thi-33-ct-ttg-2021')).toBe('/danvan/van-ban/chi-thi-33-ct-ttg-2021/');
    expect(u.year(2021)).toBe('/danvan/nam/2021/');
    expect(u.status('superseded')).toBe('/danvan/hieu-luc/da-bi-thay-the/');
    expect(u.search('kl 114')).toBe('/danvan/tim-kiem/?q=kl%20114');
    expect(siteUrls('/').home()).toBe('/');
  });
  it('makes absolute URLs from site and base', () => {
    expect(absoluteUrl('https://x.vn', '/danvan/van-ban/a/')).toBe('https://x.vn/danvan/van-ban/a/');
    expect(absoluteUrl('https://x.vn/', '/')).toBe('https://x.vn/');
  });
  it('replaces the body base placeholder', () => {
    expect(applyBase('<a href="__BASE__van-ban/a/">x</a>', '/danvan/')).toBe('<a href="/danvan/van-ban/a/">x</a>');
    expect(applyBase('<a href="__BASE__van-ban/a/">x</a>', '/')).toBe('<a href="/van-ban/a/">x</a>');
  });
});

describe('names with dates', () => {
  it('says a (partial) date with the right word, once', async () => {
    const { datePhrase, nameWithDate, shortName } = await import('../../src/lib/site/labels.ts');
    expect(datePhrase('2021-11-26')).toBe('ngày 26/11/2021');
    expect(datePhrase('2022-03')).toBe('tháng 3/2022');
    expect(datePhrase('2022')).toBe('năm 2022');
    expect(shortName({ type: 'ke-hoach', number: null, issued: '2022' })).toBe('Kế hoạch năm 2022');
    expect(nameWithDate({ type: 'ke-hoach', number: null, issued: '2022' })).toBe('Kế hoạch năm 2022');
    expect(nameWithDate({ type: 'chi-thi', number: '33/CT-TTg', issued: '2021-11-26' })).toBe('Chỉ thị số 33/CT-TTg ngày 26/11/2021');
  });
});
