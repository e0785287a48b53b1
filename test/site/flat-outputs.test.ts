/**
 * Files written beside Astro into a flat folder and moved into the site at the end
 * (src/lib/site/flat-outputs.ts): each lands at its path, folders are made when missing,
 * and nothing already in the site is ever replaced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { FlatOutputWriter, FlatPlaceError, placeFlatOutputs, safeSitePath } from '../../src/lib/site/flat-outputs.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tree = (root: string) =>
  Object.fromEntries(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .map((p) => [relative(root, p), readFileSync(p, 'utf8')]),
  );

function flatFolder(files: Record<string, string | string[]>): string {
  const writer = new FlatOutputWriter(join(dir, 'flat'));
  for (const [path, content] of Object.entries(files)) {
    if (typeof content === 'string') writer.write(path, content);
    else writer.writePieces(path, content);
  }
  writer.finish();
  return writer.dir;
}

describe('flat output folders', () => {
  it('move every file to its site path, into the folders already there or new ones, then vanish', () => {
    dir = mkdtempSync(join(tmpdir(), 'danvan-flat-'));
    const site = join(dir, 'site');
    mkdirSync(join(site, 'van-ban/a'), { recursive: true });
    writeFileSync(join(site, 'van-ban/a/index.html'), 'page a');
    const flat = flatFolder({ 'van-ban/a/theo-doi.xml': 'feed a', 'api/graph.json': ['{"nodes":[', '1,2', ']}'], 'van-ban/b/theo-doi.xml': 'feed b' });
    expect(placeFlatOutputs(site, flat)).toBe(3);
    expect(tree(site)).toEqual({
      'van-ban/a/index.html': 'page a',
      'van-ban/a/theo-doi.xml': 'feed a',
      'van-ban/b/theo-doi.xml': 'feed b',
      'api/graph.json': '{"nodes":[1,2]}',
    });
    expect(existsSync(flat)).toBe(false);
  });

  it('never replace a file (or a link) already in the site, and name every such path', () => {
    dir = mkdtempSync(join(tmpdir(), 'danvan-flat-'));
    const site = join(dir, 'site');
    mkdirSync(join(site, 'van-ban/a'), { recursive: true });
    writeFileSync(join(site, 'van-ban/a/theo-doi.xml'), 'Astro wrote this');
    symlinkSync(join(dir, 'nowhere'), join(site, 'van-ban/a/link.xml'));
    const flat = flatFolder({ 'van-ban/a/theo-doi.xml': 'feed a', 'van-ban/a/link.xml': 'x', 'van-ban/c/theo-doi.xml': 'feed c' });
    let error: unknown;
    try {
      placeFlatOutputs(site, flat);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FlatPlaceError);
    expect((error as FlatPlaceError).existing).toEqual(['van-ban/a/link.xml', 'van-ban/a/theo-doi.xml']);
    expect(readFileSync(join(site, 'van-ban/a/theo-doi.xml'), 'utf8')).toBe('Astro wrote this');
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('refuse an unfinished folder, a folder that exists, and paths that leave the site', () => {
    dir = mkdtempSync(join(tmpdir(), 'danvan-flat-'));
    const writer = new FlatOutputWriter(join(dir, 'flat'));
    writer.write('a.xml', 'a');
    expect(() => placeFlatOutputs(join(dir, 'site'), writer.dir)).toThrow(/thiếu paths\.json/);
    expect(() => new FlatOutputWriter(join(dir, 'flat'))).toThrow(/EEXIST/);
    for (const bad of ['', '/a', 'a//b', '../a', 'a/./b', 'a/..', 'a\\b', 'a\0b']) expect(() => safeSitePath(bad), JSON.stringify(bad)).toThrow(/không hợp lệ/);
    expect(() => writer.write('../x', 'x')).toThrow(/không hợp lệ/);
    expect(safeSitePath('van-ban/x/theo-doi.xml')).toBe('van-ban/x/theo-doi.xml');
  });
});
