/** Runs after the build (browser project): every internal link of dist/ resolves, and no inline code. */
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
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

  it('every page carries a CSP that allows only this origin and no inline script', () => {
    const pages: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.html')) pages.push(join(d, e.name));
      }
    };
    walk(dir);
    expect(pages.length).toBeGreaterThan(20);
    const bad = pages.filter((file) => {
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(file, 'utf8'))?.[1];
      if (!csp) return true;
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
      const sources = [...directives.values()].flat();
      return (
        directives.get('default-src')?.join(' ') !== "'self'" ||
        !directives.get('script-src')?.includes("'self'") ||
        sources.some((src) => src === "'unsafe-inline'" || src === "'unsafe-eval'" || src === '*' || /^https?:/.test(src))
      );
    });
    expect(bad.map((f) => f.slice(dir.length))).toEqual([]);
  });

  it('every sitemap URL is a built page', () => {
    const xml = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(locs.length).toBeGreaterThan(20);
    const missing = locs.filter((p) => !existsSync(join(dir, p, 'index.html')));
    expect(missing).toEqual([]);
  });
});
