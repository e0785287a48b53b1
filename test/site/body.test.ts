import { describe, expect, it } from 'vitest';
import { prepareBody } from '../../src/lib/site/body.ts';

describe('prepareBody', () => {
  const html = '<h2 id="muc-dich">Mục đích &amp; yêu cầu</h2><p>Theo <a href="__BASE__van-ban/a/" class="cite">Quyết định số 1</a> và <span class="cite cite-unresolved" title="x">Chỉ thị số 2</span>.</p><h3>Không mã</h3>';
  it('puts the base into links and counts unresolved mentions', () => {
    const body = prepareBody(html, '/danvan/');
    expect(body.html).toContain('href="/danvan/van-ban/a/"');
    expect(body.html).not.toContain('__BASE__');
    expect(body.unresolved).toBe(1);
  });
  it('adds an anchor link to headings that have an id', () => {
    const body = prepareBody(html, '/');
    expect(body.html).toContain('<h2 id="muc-dich">Mục đích &amp; yêu cầu <a class="heading-anchor" href="#muc-dich"');
    expect(body.headings).toEqual([{ id: 'muc-dich', text: 'Mục đích & yêu cầu', level: 2 }]);
    expect(body.html).toContain('<h3>Không mã</h3>');
  });
});
