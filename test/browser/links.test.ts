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
        sources.some((src) => src === "'unsafe-inline'" || src === "'unsafe-eval'" || src === "'wasm-unsafe-eval'" || src === '*' || /^https?:/.test(src))
      );
    });
    expect(bad.map((f) => f.slice(dir.length))).toEqual([]);
  });

  it('has no placeholder address anywhere and, without DANVAN_SITE, nothing that needs an absolute URL', () => {
    const withPlaceholder: string[] = [];
    const walk = (d: string) => {
      for (const name of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, name.name);
        if (name.isDirectory()) walk(p);
        else if (/\.(html|xml|json|csv|txt|js)$/.test(name.name) && readFileSync(p, 'utf8').includes('example.vn')) withPlaceholder.push(p.slice(dir.length));
      }
    };
    walk(dir);
    expect(withPlaceholder).toEqual([]);
    if (process.env.DANVAN_TEST_DIST) return; // another build may have its address
    expect(existsSync(join(dir, 'sitemap.xml'))).toBe(false);
    const feed = readFileSync(join(dir, 'feed.xml'), 'utf8');
    expect(feed).toMatch(/<id>tag:danvan-kb,2026:\/van-ban\/[a-z0-9-]+\/<\/id>/);
    expect(feed).toMatch(/<link href="\/van-ban\/[a-z0-9-]+\/"\/>/);
    const html = readFileSync(join(dir, 'van-ban/chi-thi-33-ct-ttg-2021/index.html'), 'utf8');
    expect(html).not.toContain('rel="canonical"');
    expect(html).toContain('<meta property="og:title" content="Chỉ thị số 33/CT-TTg');
    expect(html).toContain('<meta property="og:description"');
  });
});

describe('words on the built pages', () => {
  const dir = builtSite();
  const pages: Array<[string, string]> = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) pages.push([p.slice(dir.length), readFileSync(p, 'utf8')]);
    }
  };
  walk(dir);
  const text = (html: string) => html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, '');

  it('no doubled dates, no space before a comma, no jargon, no raw id as link text', () => {
    const problems: string[] = [];
    for (const [path, html] of pages) {
      const t = text(html);
      for (const m of t.matchAll(/(?:ngày|năm|tháng) ([\d/]+) (?:ngày|năm|tháng) \1(?![\d/])/g)) problems.push(`${path}: doubled date “${m[0]}”`);
      for (const m of t.matchAll(/\S \,/g)) problems.push(`${path}: space before comma “${m[0]}”`);
      if (t.includes('khai báo trong dữ liệu')) problems.push(`${path}: jargon`);
      for (const m of html.matchAll(/<a\b[^>]*>([a-z0-9]+(?:-[a-z0-9]+){3,})<\/a>/g)) problems.push(`${path}: raw id “${m[1]}” as link text`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('every page names its favicon (print pages too)', () => {
    expect(pages.filter(([, html]) => !html.includes('rel="icon"')).map(([p]) => p)).toEqual([]);
  });
});
