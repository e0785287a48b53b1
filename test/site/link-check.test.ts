import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkLinks, inlineCode, pageUrl } from './link-check.ts';

const dir = join(import.meta.dirname, 'fixtures', 'mini');

describe('link checker', () => {
  it('maps files to page URLs under the base', () => {
    expect(pageUrl(dir, join(dir, 'index.html'), '/x/')).toBe('/x/');
    expect(pageUrl(dir, join(dir, 'van-ban/a/index.html'), '/x/')).toBe('/x/van-ban/a/');
  });
  it('reports missing pages, missing anchors, and nothing else', () => {
    const r = checkLinks(dir, '/x/');
    expect(r.pages).toBe(2);
    expect(r.problems.map((p) => `${p.page} ${p.link}`).sort()).toEqual([
      '/x/ #top',
      '/x/ /x/van-ban/a/#khong-co',
      '/x/ /x/van-ban/b/',
      // The page's own script is at /x/app.js, which this fixture does not have.
      '/x/van-ban/a/ /x/app.js',
    ]);
  });
  it('finds inline script and style but not JSON-LD', () => {
    const found = inlineCode(dir, '/x/').map((p) => p.problem);
    expect(found.sort()).toEqual(['script nội tuyến', 'style nội tuyến']);
  });
});
