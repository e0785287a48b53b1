import { describe, expect, it } from 'vitest';
import { demoteHeadings } from '../../src/lib/course/body.ts';

describe('demoteHeadings', () => {
  it('moves every heading one level down, attributes kept, other tags untouched', () => {
    const html = '<h2 id="a">Một</h2><p>x <a href="#h2">h2</a></p><h3>Hai</h3><hr><header>y</header><h6>z</h6>';
    expect(demoteHeadings(html)).toBe('<h3 id="a">Một</h3><p>x <a href="#h2">h2</a></p><h4>Hai</h4><hr><header>y</header><h6>z</h6>');
  });
});
