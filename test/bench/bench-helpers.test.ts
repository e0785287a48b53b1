/**
 * The bench's own helpers: reading a graph build's summary (the bench reports how many
 * bodies a rebuild extracted, re-linked and reused from it), and the Hugo site it writes
 * for the "same files with Hugo" row.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reuseOf } from '../../scripts/lib/bench-report.ts';
import { childCpu, childPeak, runMeasured } from '../../scripts/lib/bench-process.ts';
import { prepareHugoSite } from '../../scripts/lib/bench-hugo.ts';
import { listFiles } from '../../src/lib/content/corpus.ts';
import { tempCorpus } from '../graph/helpers.ts';

const SCRIPT = join(import.meta.dirname, '../../scripts/build-graph.ts');
const DEV_UPDATE_SCRIPT = join(import.meta.dirname, '../../scripts/lib/bench-dev-update.ts');
const tmp = tempCorpus();
const work = mkdtempSync(join(tmpdir(), 'danvan-bench-'));
afterAll(() => {
  tmp.remove();
  rmSync(work, { recursive: true, force: true });
});

const hugoInstalled = (() => {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('bench helpers', () => {
  it("reads the graph build's summary: extracted, re-linked, reused whole", () => {
    const run = () => spawnSync(process.execPath, [SCRIPT, '--root', tmp.root, '--threads', '1'], { encoding: 'utf8' }).stdout;
    expect(reuseOf(run())).toEqual({ reextracted: 9, relinked: 0, cached: 0 });
    expect(reuseOf(run())).toEqual({ reextracted: 0, relinked: 0, cached: 9 });
    tmp.appendBody('van-ban', 'chi-thi-16-ct-ttg-2016', 'Một câu viết thêm.');
    expect(reuseOf(run())).toEqual({ reextracted: 1, relinked: 0, cached: 8 });
    expect(reuseOf('no summary')).toEqual({ reextracted: null, relinked: null, cached: null });
  });

  it("times the editor's loop as the dev server runs it (saves, then an addition) and puts the content back", () => {
    const edited = join(tmp.root, 'content/van-ban/chi-thi-16-ct-ttg-2016.mdx');
    const before = readFileSync(edited, 'utf8');
    const filesBefore = listFiles(join(tmp.root, 'content'), '.mdx');
    const r = spawnSync(process.execPath, [DEV_UPDATE_SCRIPT, tmp.root, edited], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    // Each save extracts the edited body only; the addition extracts the new one only.
    expect(out).toMatchObject({ extracted: 1, relinked: 0, cached: filesBefore.length - 1, add: { extracted: 1, cached: filesBefore.length } });
    expect(out.laterSeconds).toHaveLength(3);
    for (const x of [out.seconds, ...out.laterSeconds, out.add.seconds]) expect(x).toBeGreaterThan(0);
    // The edited file is as it was, the added one gone, and the graph is the content's again.
    expect(readFileSync(edited, 'utf8')).toBe(before);
    expect(listFiles(join(tmp.root, 'content'), '.mdx')).toEqual(filesBefore);
    const graph = JSON.parse(readFileSync(join(tmp.root, '.generated/graph.json'), 'utf8'));
    expect(graph.nodes.map((n: { id: string }) => n.id)).not.toContain('chi-thi-816-ct-ttg-2016');
    expect(graph.nodes.map((n: { file: string }) => n.file).sort()).toEqual(filesBefore.filter((f) => f.includes('/van-ban/')).map((f) => f.slice(tmp.root.length + 1)).sort());
  });

  it('writes a Hugo site whose content files are the corpus files themselves', () => {
    const site = join(work, 'site');
    const args = prepareHugoSite(tmp.root, site, join(work, 'out'));
    expect(args).toEqual(['--source', site, '--destination', join(work, 'out'), '--quiet']);
    const sources = listFiles(join(tmp.root, 'content'), '.mdx');
    const linked = listFiles(join(site, 'content'), '.md');
    expect(linked).toHaveLength(sources.length);
    // Hard links: the same file, not a copy.
    const source = join(tmp.root, 'content/van-ban/chi-thi-16-ct-ttg-2016.mdx');
    expect(statSync(join(site, 'content/van-ban/chi-thi-16-ct-ttg-2016.md')).ino).toBe(statSync(source).ino);
  });

  it.skipIf(!hugoInstalled)('Hugo builds one page per content file with its title and body', () => {
    const out = join(work, 'out');
    const r = spawnSync('hugo', prepareHugoSite(tmp.root, join(work, 'site'), out), { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const pages = listFiles(out, '.html');
    expect(pages).toHaveLength(listFiles(join(tmp.root, 'content'), '.mdx').length);
    const page = join(out, 'van-ban/chi-thi-16-ct-ttg-2016/index.html');
    expect(existsSync(page)).toBe(true);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('<h1>Về tăng cường và đổi mới công tác dân vận');
    expect(html).toContain('Chỉ thị giao cho cơ quan hành chính các cấp');
  });

  it.skipIf(!existsSync('/proc/self/stat'))('measures the CPU time of a command and of each child it starts, and the steal meanwhile', async () => {
    // A parent that starts a child burning about 0.6 s of CPU, then burns 0.3 s itself.
    // CPU time, not wall time: on a loaded machine the same wall time holds less CPU.
    const burn = (ms: number) => `const t = process.cpuUsage(); while (process.cpuUsage(t).user < ${ms * 1000}) {}`;
    const script = `const { spawnSync } = require('node:child_process'); spawnSync(process.execPath, ['-e', ${JSON.stringify(`${burn(600)} // burner`)}]); ${burn(300)}`;
    const r = await runMeasured(['-e', script], { cwd: work, env: process.env, logFile: join(work, 'cpu.log') });
    expect(r.code).toBe(0);
    // Sampled every 150 ms: the last moments of a process may be missed, never added.
    expect(r.peaks.cpu!).toBeGreaterThan(0.4);
    expect(r.peaks.cpu!).toBeLessThan(r.seconds + 0.5);
    expect(childCpu(r.peaks, 'burner')!).toBeGreaterThan(0.3);
    expect(childCpu(r.peaks, 'burner')!).toBeLessThan(r.peaks.cpu!);
    expect(r.steal === null || (r.steal >= 0 && r.steal <= 100)).toBe(true);
  });

  it.skipIf(!existsSync('/proc/self/stat'))('names each child by the command it ends up running, not by the first one seen', async () => {
    // The child is first a shell (sampled during its sleep), then execs Node on a script
    // whose name the shell's own command line does not contain: only the second name finds
    // it. A step seen first between fork and exec is the same case.
    const burnScript = join(work, 'exec-target-burner.mjs');
    writeFileSync(burnScript, 'const t = process.cpuUsage(); const keep = Buffer.alloc(64 * 2 ** 20, 1); while (process.cpuUsage(t).user < 500_000) {} keep.fill(2);\n');
    const shell = `sleep 0.5; exec "$NODE" "$DIR/exec-target-$PART.mjs"`;
    const script = `require('node:child_process').spawnSync('sh', ['-c', ${JSON.stringify(shell)}], { stdio: 'inherit' });`;
    const env = { ...process.env, NODE: process.execPath, DIR: work, PART: 'burner' };
    const r = await runMeasured(['-e', script], { cwd: work, env, logFile: join(work, 'exec.log') });
    expect(r.code).toBe(0);
    expect(childCpu(r.peaks, 'exec-target-burner.mjs')!).toBeGreaterThan(0.3);
    expect(childPeak(r.peaks, 'exec-target-burner.mjs')!).toBeGreaterThan(64 * 2 ** 20);
  });
});
