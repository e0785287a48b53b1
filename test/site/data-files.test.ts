/**
 * The site files written from data beside Astro (src/lib/site/data-files.ts,
 * scripts/write-data-files.ts): every document's feed and the open-data files, at the
 * paths the pages link to, under the site's base and address.
 */
import { describe, expect, it, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { dataFiles, sitePathFile } from '../../src/lib/site/data-files.ts';
import { placeFlatOutputs } from '../../src/lib/site/flat-outputs.ts';
import { relatedFeedXml } from '../../src/lib/site/feeds.ts';
import { openDataPieces } from '../../src/lib/site/open-data.ts';
import { astroBaseUrl, astroSite, siteSettings } from '../../src/lib/site/settings.ts';
import { siteUrls } from '../../src/lib/site/urls.ts';
import { fixtureSite, root as projectRoot } from './helpers.ts';

const data = fixtureSite();
const text = (content: string | Iterable<string>) => (typeof content === 'string' ? content : [...content].join(''));

describe('the data files of the site', () => {
  const urls = siteUrls('/danvan/');
  const site = 'https://danvan.test/';

  it('are the open-data files and one feed per document, at the paths the pages link to', () => {
    const files = [...dataFiles(data, urls, site)];
    expect(files.map((f) => f.path).slice(0, 2)).toEqual(['api/documents.json', 'api/graph.json']);
    expect(files.filter((f) => f.kind === 'feed').map((f) => f.path).sort()).toEqual(data.nodes.map((n) => `van-ban/${n.id}/theo-doi.xml`).sort());
    const feed = files.find((f) => f.path === 'van-ban/chi-thi-33-ct-ttg-2021/theo-doi.xml')!;
    expect(text(feed.content)).toBe(relatedFeedXml(data, data.node('chi-thi-33-ct-ttg-2021')!, urls, site));
    expect(text(feed.content)).toContain('<link rel="self" href="https://danvan.test/danvan/van-ban/chi-thi-33-ct-ttg-2021/theo-doi.xml"/>');
    expect(text(files[1]!.content)).toBe([...openDataPieces('graph', data, urls, site)].join(''));
  });

  it('never leave the site folder', () => {
    expect(sitePathFile('van-ban/chi-thi-33-ct-ttg-2021/theo-doi.xml')).toBe('van-ban/chi-thi-33-ct-ttg-2021/theo-doi.xml');
    for (const bad of ['van-ban/%2E%2E/x.xml', 'van-ban/a%2Fb/x.xml', '../x', 'a//b', '/a']) expect(() => sitePathFile(bad), bad).toThrow(/không hợp lệ/);
  });
});

describe('the site settings, read as Astro reads them', () => {
  it('takes DANVAN_BASE and DANVAN_SITE, with "/" and no address by default', () => {
    expect(siteSettings({})).toEqual({ base: '/', site: undefined });
    expect(siteSettings({ DANVAN_BASE: '/danvan/', DANVAN_SITE: 'https://danvan.test' })).toEqual({ base: '/danvan/', site: 'https://danvan.test' });
    expect(siteSettings({ DANVAN_BASE: '', DANVAN_SITE: '' })).toEqual({ base: '/', site: undefined });
  });
  it('gives the base and address that pages get (BASE_URL with trailingSlash "always", site as a URL)', () => {
    expect(['/', '/danvan', 'danvan', 'danvan/', '/danvan/'].map(astroBaseUrl)).toEqual(['/', '/danvan/', '/danvan/', '/danvan/', '/danvan/']);
    expect(astroSite('https://danvan.test')).toBe('https://danvan.test/');
    expect(astroSite(undefined)).toBeNull();
    expect(() => astroSite('danvan.test')).toThrow();
  });
});

describe('scripts/write-data-files.ts', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const filesUnder = (d: string) =>
    readdirSync(d, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(d, join(e.parentPath, e.name)))
      .sort();

  /** A content root holding only what the step reads: the fixture graph and the real registries. */
  function fixtureRoot(): string {
    dir = mkdtempSync(join(tmpdir(), 'danvan-data-files-'));
    cpSync(join(projectRoot, 'content/registries'), join(dir, 'content/registries'), { recursive: true });
    mkdirSync(join(dir, '.generated'));
    writeFileSync(join(dir, '.generated/graph.json'), readFileSync(join(import.meta.dirname, 'fixtures', 'graph.json')));
    return dir;
  }
  /** Runs the step with `env` over the shell's, without any site setting of the shell. */
  const run = (out: string, env: Record<string, string>) => {
    const shell = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^DANVAN_(GRAPH_FILE|BASE|SITE|CONTENT_ROOT)$/.test(k)));
    return spawnSync(process.execPath, ['scripts/write-data-files.ts', out], { cwd: projectRoot, env: { ...shell, ...env }, encoding: 'utf8' });
  };

  it('writes every data file under the base and address from the environment, byte for byte', () => {
    const contentRoot = fixtureRoot();
    const flat = join(contentRoot, 'flat');
    const r = run(flat, { DANVAN_CONTENT_ROOT: contentRoot, DANVAN_BASE: '/danvan', DANVAN_SITE: 'https://danvan.test' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${data.nodes.length} nguồn tin theo dõi văn bản và 2 tệp dữ liệu mở`));
    const out = join(contentRoot, 'site');
    expect(placeFlatOutputs(out, flat)).toBe(data.nodes.length + 2);
    const urls = siteUrls('/danvan/');
    const expected = [...dataFiles(data, urls, 'https://danvan.test/')];
    expect(filesUnder(out)).toEqual(expected.map((f) => f.path).sort());
    for (const f of expected) expect(readFileSync(join(out, f.path), 'utf8'), f.path).toBe(text(f.content));
  });

  it('never writes into a folder that exists already, and says why it stopped', () => {
    const contentRoot = fixtureRoot();
    const out = join(contentRoot, 'flat');
    mkdirSync(out);
    writeFileSync(join(out, '0'), 'kept');
    const r = run(out, { DANVAN_CONTENT_ROOT: contentRoot });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Ghi nguồn tin theo dõi và dữ liệu mở thất bại: .*đã có/);
    expect(filesUnder(out)).toEqual(['0']);
    expect(readFileSync(join(out, '0'), 'utf8')).toBe('kept');
  });

  it('refuses a site address that is not one, and a missing graph, in words', () => {
    const contentRoot = fixtureRoot();
    const bad = run(join(contentRoot, 'a'), { DANVAN_CONTENT_ROOT: contentRoot, DANVAN_SITE: 'danvan.test' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('DANVAN_SITE="danvan.test" không phải địa chỉ');
    rmSync(join(contentRoot, '.generated'), { recursive: true });
    const missing = run(join(contentRoot, 'b'), { DANVAN_CONTENT_ROOT: contentRoot });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Chưa có đồ thị văn bản/);
  });
});
