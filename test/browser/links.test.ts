/** Runs after the build (browser project): every internal link of dist/ resolves, and no inline code. */
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtSite } from './support/site.ts';
import { checkLinks, inlineCode } from '../site/link-check.ts';

describe('built site links', () => {
  const dir = builtSite();

  it('every internal href/src and #anchor resolves', () => {
    const r = checkLinks(dir, '/');
    expect(r.pages).toBeGreaterThan(20);
    expect(r.links).toBeGreaterThan(r.pages * 10);
    expect(r.problems.slice(0, 20)).toEqual([]);
  });

  it('no page has inline script or style (the CSP forbids them)', () => {
    expect(inlineCode(dir, '/').slice(0, 20)).toEqual([]);
  });

  it('every sitemap URL is a built page', () => {
    const xml = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(locs.length).toBeGreaterThan(20);
    const missing = locs.filter((p) => !existsSync(join(dir, p, 'index.html')));
    expect(missing).toEqual([]);
  });
});
