/**
 * node scripts/lib/bench-dev-page.ts <content root> <file to edit> <astro cache dir>
 *
 * The editor's loop as an editor sees it: `npm run dev` (scripts/dev.ts) on the given
 * corpus, the edited document's page open in Chromium, then one sentence appended to its
 * body; timed from the save until the open page shows the sentence (the graph rebuilt in
 * the dev process, the page told to reload and drawn again). The file is restored and the
 * server stopped afterwards. Prints one JSON line: { startSeconds, seconds }.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../../src/lib/files/atomic.ts';
import { launchBrowser } from '../../test/browser/support/browser.ts';
import { editorEnv, freePort } from '../../test/browser/support/dev-server.ts';

const [root, file, astroCache] = process.argv.slice(2);
if (!root || !file || !astroCache) {
  console.error('usage: node scripts/lib/bench-dev-page.ts <content-root> <file> <astro-cache-dir>');
  process.exit(2);
}
const projectRoot = join(import.meta.dirname, '../..');
/** Nothing here waits longer: a figure beyond it is a failure, not a measurement. */
const BOUND_MS = 120_000;

async function until(what: string, test: () => Promise<boolean> | boolean, log: () => string): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < BOUND_MS) {
    if (await Promise.resolve().then(test).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`not within ${BOUND_MS} ms: ${what}\n${log().slice(-3000)}`);
}

const port = await freePort();
const serverStarted = performance.now();
const server = spawn(process.execPath, [join(projectRoot, 'scripts/dev.ts'), '--port', String(port)], {
  cwd: projectRoot,
  env: { ...editorEnv(), DANVAN_CONTENT_ROOT: root, DANVAN_CACHE_DIR: astroCache },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
const log = () => output;

const original = readFileSync(file, 'utf8');
const browser = await launchBrowser();
try {
  await until('dev server started', () => /Xem trước: http:/.test(output) || server.exitCode !== null, log);
  if (server.exitCode !== null) throw new Error(`dev server exited:\n${output.slice(-3000)}`);
  const page = await browser.newPage();
  const url = `http://127.0.0.1:${port}/van-ban/${basename(file, '.mdx')}/`;
  await page.goto(url, { timeout: BOUND_MS });
  const startSeconds = (performance.now() - serverStarted) / 1000;
  const marker = `Câu viết thêm để đo vòng xem trước số ${port}.`;
  const saved = performance.now();
  appendFileSync(file, `\n${marker}\n`);
  await until('the open page shows the saved sentence', async () => (await page.textContent('main'))?.includes(marker) ?? false, log);
  const seconds = (performance.now() - saved) / 1000;
  if (process.env.DANVAN_BENCH_VERBOSE) console.error(output);
  console.log(JSON.stringify({ startSeconds, seconds }));
} finally {
  writeFileAtomic(file, original);
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
}
