/**
 * Build guarantees stated in the README: two builds of the same commit give a
 * byte-identical dist/, and an interrupted build leaves the previous dist/ intact.
 * Runs after `npm test` has built dist/ once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtSite, projectRoot } from './support/site.ts';
import { startBuild } from './support/build.ts';

function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

const scratch = ['.dist-repro', '.dist-atomic'];
afterAll(() => {
  for (const name of scratch) rmSync(join(projectRoot, name), { recursive: true, force: true });
});

describe('reproducible builds', () => {
  // npm test builds dist/ with two Astro processes (scripts/test.ts sets DANVAN_BUILD_PROCESSES=2),
  // so this also shows that the pages rendered in parts and merged are those of one process.
  it('a second build of the same content, in one Astro process, is byte-identical to dist/', async () => {
    const first = hashTree(builtSite());
    const build = startBuild('.dist-repro', { DANVAN_BUILD_PROCESSES: '1' });
    expect(await build.done, build.output()).toBe(0);
    const second = hashTree(join(projectRoot, '.dist-repro'));
    expect(build.output()).toMatch(/Astro dựng trang bằng 1 tiến trình/);
    expect(first.size).toBeGreaterThan(10);
    const differing = [...first.keys()].filter((k) => second.get(k) !== first.get(k));
    const extra = [...second.keys()].filter((k) => !first.has(k));
    expect({ differing, extra }).toEqual({ differing: [], extra: [] });
  }, 600_000);
});

describe('atomic output', () => {
  it('an interrupted build leaves the previous dist/ as it was and no temporary folder', async () => {
    const dist = join(projectRoot, '.dist-atomic');
    rmSync(dist, { recursive: true, force: true });
    mkdirSync(dist);
    writeFileSync(join(dist, 'marker.txt'), 'previous build');
    const build = startBuild('.dist-atomic');
    // Interrupt once the site step has started writing into the temporary folder.
    const deadline = Date.now() + 240_000;
    while (!/Dựng trang \(Astro\)/.test(build.output()) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1500));
    build.child.kill('SIGTERM');
    const code = await build.done;
    expect(code).not.toBe(0);
    expect(readdirSync(dist)).toEqual(['marker.txt']);
    expect(readFileSync(join(dist, 'marker.txt'), 'utf8')).toBe('previous build');
    const leftovers = readdirSync(projectRoot).filter((n) => n.startsWith('.dist-atomic.'));
    expect(leftovers).toEqual([]);
    expect(existsSync(join(projectRoot, 'dist', 'index.html'))).toBe(true);
  }, 600_000);
});
