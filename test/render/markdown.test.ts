import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/render/markdown.ts';

describe('renderMarkdown', () => {
  it('gives headings stable, deduplicated anchor ids', () => {
    const { html, headings } = renderMarkdown('## Nhiệm vụ trọng tâm\n\n## Nhiệm vụ trọng tâm\n\n### Nhiệm vụ trọng tâm 2\n\n## Nhiệm vụ trọng tâm\n\n## Đối thoại với dân');
    expect(headings.map((h) => h.id)).toEqual([
      'nhiem-vu-trong-tam',
      'nhiem-vu-trong-tam-2',
      'nhiem-vu-trong-tam-2-2',
      'nhiem-vu-trong-tam-3',
      'doi-thoai-voi-dan',
    ]);
    expect(html).toContain('<h2 id="doi-thoai-voi-dan">Đối thoại với dân</h2>');
  });

  it('never passes raw HTML through', () => {
    const { html } = renderMarkdown('<script>alert(1)</script>\n\nChữ <img src=x onerror="alert(1)"> và <b>đậm</b>.\n\n<div onclick="x()">khối</div>');
    expect(html).not.toMatch(/<script|onerror|onclick|<img|<b>|<div/);
    expect(html).toContain('<p>Chữ  và đậm.</p>');
  });

  it('drops links with a scheme that could run code, keeping their text', () => {
    const { html, links } = renderMarkdown('[bấm](javascript:alert(1)) và [ảnh](data:text/html,x) và [thư](mailto:a@b.vn)');
    expect(html).not.toMatch(/javascript:|data:text/);
    expect(html).toContain('<span class="link-removed">bấm</span>');
    expect(html).toContain('<a href="mailto:a@b.vn" rel="noopener">thư</a>');
    expect(links.unsafe.map((u) => u.url)).toEqual(['javascript:alert(1)', 'data:text/html,x']);
  });

  it('writes document links with the base placeholder and external links with rel="noopener"', () => {
    const { html, links } = renderMarkdown(
      'Xem [Chỉ thị 33](/van-ban/chi-thi-33-ct-ttg-2021/#nhiem-vu), [Quyết định 23](../van-ban/quyet-dinh-23-qd-tw-2021.mdx), ' +
        '[chuyên đề](/chuyen-de/quy-che/), [mục](#muc) và [nguồn](https://example.vn/a).\n\n[tham chiếu][r]\n\n[r]: https://example.vn/r',
    );
    expect(html).toContain('<a href="__BASE__van-ban/chi-thi-33-ct-ttg-2021/#nhiem-vu">Chỉ thị 33</a>');
    expect(html).toContain('<a href="__BASE__van-ban/quyet-dinh-23-qd-tw-2021/">Quyết định 23</a>');
    expect(html).toContain('<a href="__BASE__chuyen-de/quy-che/">chuyên đề</a>');
    expect(html).toContain('<a href="#muc">mục</a>');
    expect(html).toContain('<a href="https://example.vn/a" rel="noopener">nguồn</a>');
    expect(html).toContain('<a href="https://example.vn/r" rel="noopener">tham chiếu</a>');
    expect(links.documents.map((d) => d.id)).toEqual(['chi-thi-33-ct-ttg-2021', 'quyet-dinh-23-qd-tw-2021']);
  });
});
