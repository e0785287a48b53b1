/**
 * Search on a site published under a subpath (DANVAN_BASE=/danvan/): the page, Pagefind,
 * its index chunks and the number index are all fetched under the base, and result links
 * carry it. Builds its own copy of the site, so it runs after the main browser tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser.ts';
import { serveStatic, type StaticServer } from './support/server.ts';
import { projectRoot } from './support/site.ts';

const DIST = 'dist-search-subpath';
const BASE = '/danvan/';
let server: StaticServer;
let browser: Browser;

/** The environment without what Vitest adds to mirror import.meta.env (BASE_URL=/ would override the base). */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return { ...env, DANVAN_DIST: DIST, DANVAN_BASE: BASE };
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: projectRoot,
    env: buildEnv(),
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`Dựng trang với DANVAN_BASE=${BASE} thất bại:\n${build.stdout}\n${build.stderr}`);
  server = await serveStatic(join(projectRoot, DIST), BASE);
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (!process.env['KEEP_SUBPATH']) rmSync(join(projectRoot, DIST), { recursive: true, force: true });
});

describe('search under a subpath', () => {
  it('fetches everything under the base and links results under it', async () => {
    const { page, consoleErrors } = await openPage(browser, server.url);
    const paths: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => paths.push(new URL(r.url()).pathname));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.url}tim-kiem/?q=${encodeURIComponent('kết luận 114')}`);
    await page.waitForSelector('[data-direct-hits]:not([hidden]) li a');
    await page.waitForSelector('[data-results]:not([hidden]) li a');
    const direct = await page.$eval('[data-direct-hits] li a', (a) => new URL((a as HTMLAnchorElement).href).pathname);
    const result = await page.$eval('[data-results] li a', (a) => new URL((a as HTMLAnchorElement).href).pathname);
    expect(direct).toBe(`${BASE}van-ban/ket-luan-114-kl-tw-2015/`);
    expect(result.startsWith(`${BASE}van-ban/`)).toBe(true);
    expect(paths.some((p) => p.startsWith(`${BASE}pagefind/`))).toBe(true);
    expect(paths.some((p) => p.startsWith(`${BASE}tim-kiem/so/`))).toBe(true);
    expect(paths.filter((p) => !p.startsWith(BASE))).toEqual([]);
    expect(failed).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
