import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BodyBundle, writeBodyBundle } from '../../src/lib/graph/body-bundle.ts';

const dir = mkdtempSync(join(tmpdir(), 'danvan-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('body bundle', () => {
  it('gives back every body by id, whatever its characters, with its key', () => {
    const path = join(dir, 'a.bundle');
    const bodies = [
      { id: 'z-last', key: 'k3', html: '<p>Đảng ủy 😀 tiếp tục thực hiện</p>\n' },
      { id: 'a-first', key: 'k1', html: '' },
      { id: 'm-middle', key: 'k2', html: '<h2 id="x">Nhiệm vụ</h2>\n<p>Chỉ thị số 33/CT-TTg\u00a0…</p>\n'.repeat(1500) },
    ];
    writeBodyBundle(path, bodies);
    const bundle = new BodyBundle(path);
    for (const b of bodies) {
      expect(bundle.html(b.id)).toBe(b.html);
      expect(bundle.index().get(b.id)?.key).toBe(b.key);
    }
    expect(bundle.html('missing')).toBeNull();
    expect([...bundle.index().keys()]).toEqual(['a-first', 'm-middle', 'z-last']);
    // The reader for many bodies in a row gives the same, a long body after a short one included.
    const read = bundle.reader();
    for (const b of [...bodies, ...bodies].reverse()) expect(read(b.id)).toBe(b.html);
    expect(read('missing')).toBeNull();
    bundle.close();
    expect(new BodyBundle(join(dir, 'none.bundle')).reader()('a')).toBeNull();
  });

  it('writes the same bytes for the same bodies in any order', () => {
    const bodies = [
      { id: 'b', key: '2', html: '<p>hai</p>' },
      { id: 'a', key: '1', html: '<p>một</p>' },
    ];
    writeBodyBundle(join(dir, 'x.bundle'), bodies);
    writeBodyBundle(join(dir, 'y.bundle'), [...bodies].reverse());
    expect(readFileSync(join(dir, 'x.bundle'))).toEqual(readFileSync(join(dir, 'y.bundle')));
  });

  it('notices a bundle replaced on disk, and reads a missing or foreign file as empty', () => {
    const path = join(dir, 'c.bundle');
    writeBodyBundle(path, [{ id: 'a', key: '1', html: 'cũ' }]);
    const bundle = new BodyBundle(path);
    expect(bundle.html('a')).toBe('cũ');
    writeBodyBundle(path, [{ id: 'a', key: '2', html: 'mới hơn' }]);
    expect(bundle.html('a')).toBe('mới hơn');
    writeFileSync(path, '<p>an old body file</p>');
    expect(bundle.index().size).toBe(0);
    expect(bundle.html('a')).toBeNull();
    expect(new BodyBundle(join(dir, 'none.bundle')).html('a')).toBeNull();
  });
});
