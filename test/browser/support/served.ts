/**
 * The built site served on loopback with one Chromium, for a test file: started before its
 * tests and closed after them. Read `site.server` and `site.browser` inside tests.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticServer } from './server.ts';
import { builtSite } from './site.ts';

export interface ServedSite {
  server: StaticServer;
  browser: Browser;
}

export function servedSite(): Readonly<ServedSite> {
  const site = {} as ServedSite;
  beforeAll(async () => {
    site.server = await serveStatic(builtSite(), '/');
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
