/**
 * `npm run build` keeps the document pages whose inputs did not change since the previous
 * build (src/lib/site/page-reuse.ts). On a copy of the shipped content: build, then change
 * a title that other pages show, a body, and add a document that carries out another; build
 * again keeping pages, and build the same content from nothing. The two sites must be the
 * same byte for byte, the pages that show a change must be new, and the others kept (a kept
 * page is the previous build's file, linked: same inode).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { projectRoot } from './support/site.ts';
import { startBuild } from './support/build.ts';

const root = mkdtempSync(join(tmpdir(), 'danvan-reuse-'));
cpSync(join(projectRoot, 'content'), join(root, 'content'), { recursive: true });
const env = { DANVAN_CONTENT_ROOT: root, DANVAN_CACHE_DIR: join(root, 'astro-cache') };
// Inside the project, so that the build runs its two Astro processes as `npm run build` does.
const KEPT = '.dist-reuse';
const FRESH = '.dist-reuse-fresh';

afterAll(() => {
  for (const d of [KEPT, FRESH]) rmSync(join(projectRoot, d), { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const p = join(dir, name);
    if (statSync(p).isFile()) out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
  }
  return out;
}

/** The inode of each document page: a kept page keeps it. */
function pageInodes(dist: string): Map<string, number> {
  const folder = join(projectRoot, dist, 'van-ban');
  const out = new Map<string, number>();
  for (const id of readdirSync(folder)) {
    const st = statSync(join(folder, id, 'index.html'), { throwIfNoEntry: false });
    if (st) out.set(id, st.ino);
  }
  return out;
}

async function build(dist: string): Promise<string> {
  const b = startBuild(dist, env);
  expect(await b.done, b.output()).toBe(0);
  return b.output();
}

const doc = (id: string) => join(root, 'content/van-ban', `${id}.mdx`);
const edit = (id: string, from: string, to: string) => {
  const text = readFileSync(doc(id), 'utf8');
  expect(text).toContain(from);
  writeFileSync(doc(id), text.replace(from, to));
};

describe('npm run build keeps unchanged document pages', () => {
  it('re-renders what a change shows on and gives the site a build from nothing gives', async () => {
    const first = await build(KEPT);
    expect(first).not.toMatch(/Giữ lại trang của [1-9]/);
    const before = pageInodes(KEPT);
    expect(before.size).toBeGreaterThan(150);

    // A title shown on the pages of the eight documents that carry out this law.
    edit('luat-10-2022-qh15-2022', 'title: "', 'title: "(Tên sửa để thử) ');
    // A body, of a document nothing else links to.
    writeFileSync(doc('chi-thi-14-ct-ttg-2012'), `${readFileSync(doc('chi-thi-14-ct-ttg-2012'), 'utf8')}\nCác bộ, ngành báo cáo kết quả trước ngày 15 tháng 12.\n`);
    // A new plan carrying out Chỉ thị 33/CT-TTg: its page is new, and 33's lists it.
    const plan = readFileSync(doc('ke-hoach-172-kh-ubnd-2023-thanh-hoa'), 'utf8')
      .replace('number: "172/KH-UBND"', 'number: "999/KH-UBND"')
      .replace('issued: "2023-06-26"', 'issued: "2024-03-04"')
      .replace(/relations:\n {2}implements:\n {4}- id: quyet-dinh-346-qd-ttg-2023/, 'relations:\n  implements:\n    - id: chi-thi-33-ct-ttg-2021');
    writeFileSync(doc('ke-hoach-999-kh-ubnd-2024-thanh-hoa'), plan);

    const second = await build(KEPT);
    const kept = Number(/Giữ lại trang của (\d+) văn bản/.exec(second)?.[1]);
    const after = pageInodes(KEPT);
    const rendered = [...after.keys()].filter((id) => before.get(id) !== after.get(id));
    expect(rendered).toEqual(expect.arrayContaining([
      'luat-10-2022-qh15-2022',
      'ke-hoach-172-kh-ubnd-2023-thanh-hoa', // carries out the law: shows its title
      'chi-thi-14-ct-ttg-2012',
      'chi-thi-33-ct-ttg-2021',
      'ke-hoach-999-kh-ubnd-2024-thanh-hoa',
    ]));
    expect(rendered).not.toContain('chi-thi-02-ct-tw-2021');
    expect(kept).toBe(after.size - rendered.length);
    expect(kept).toBeGreaterThan(after.size / 2);

    await build(FRESH);
    const keptSite = hashTree(join(projectRoot, KEPT));
    const freshSite = hashTree(join(projectRoot, FRESH));
    const differing = [...freshSite.keys()].filter((k) => keptSite.get(k) !== freshSite.get(k));
    const extra = [...keptSite.keys()].filter((k) => !freshSite.has(k));
    expect({ differing, extra }).toEqual({ differing: [], extra: [] });
  }, 600_000);
});
