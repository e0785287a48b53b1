/**
 * Search transfer cost of a built site, measured in Chromium: what an ordinary page loads
 * (must hold no search code), what the first query from the header box adds (search code,
 * manifest, word shards, posting lists, fragments, number index), and what later queries add.
 * Sizes are bytes as served; "gzip" estimates a compressing host (every file is text).
 *
 *   node scripts/bench-search.ts <built-site-folder> [base=/]
 */
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../test/browser/support/browser.ts';
import { serveStatic } from '../test/browser/support/server.ts';
import { argPath, commandLine } from './lib/cli.ts';

const USAGE = 'usage: node scripts/bench-search.ts <built-site-folder> [base]';
const { positionals } = commandLine({ usage: USAGE, options: {}, positionals: { min: 1, max: 2 } });
const dir = argPath(positionals[0]!);
const base = positionals[1] ?? '/';

interface Fetch {
  path: string;
  bytes: number;
  gzip: number;
}
const server = await serveStatic(dir, base);
const browser = await launchBrowser();
const page = await (await browser.newContext()).newPage();
let log: Fetch[] = [];
page.on('response', async (r) => {
  try {
    const body = await r.body();
    const path = new URL(r.url()).pathname;
    log.push({ path, bytes: body.length, gzip: Math.min(body.length, gzipSync(body).length) });
  } catch {
    /* redirects and aborted requests have no body */
  }
});
const settle = async () => {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
};
const take = () => {
  const out = log;
  log = [];
  return out;
};
const kb = (n: number) => (n / 1024).toFixed(1);
const sum = (fs: Fetch[], k: 'bytes' | 'gzip') => fs.reduce((s, f) => s + f[k], 0);
const rows: string[] = [];
const row = (label: string, fs: Fetch[]) => {
  rows.push(`| ${label} | ${fs.length} | ${kb(sum(fs, 'bytes'))} | ${kb(sum(fs, 'gzip'))} |`);
};

await page.goto(`${server.url}van-ban/`);
await settle();
const ordinary = take();
row('ordinary page (van-ban/), search code only', ordinary.filter((f) => /search|tim-kiem\/(chi-muc|so)/.test(f.path)));
row('ordinary page (van-ban/), everything', ordinary);

const queries = ['dân vận', 'chỉ thị 33', 'dang uy', 'kl 114', 'xay dung dang', 'tiếp công dân'];
for (const [i, q] of queries.entries()) {
  await page.fill('#hop-tim-kiem', q);
  await page.waitForSelector('[data-search-panel]:not([hidden])');
  await settle();
  const fetched = take();
  row(`${i === 0 ? 'first' : 'later'} query "${q}" (header box)`, fetched);
  if (i === 0) {
    for (const f of fetched) rows.push(`|   ${f.path} | | ${kb(f.bytes)} | ${kb(f.gzip)} |`);
  }
}

await browser.close();
await server.close();
console.log('| step | requests | KB as served | KB gzip (est.) |\n|---|---|---|---|');
console.log(rows.join('\n'));
