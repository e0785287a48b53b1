import { describe, expect, it } from 'vitest';
import { withHeapLimit } from '../../scripts/lib/heap.ts';

const GB = 2 ** 30;

describe('heap limit of the build steps', () => {
  it('raises V8’s default to 60 % of a large machine, at most 16 GB', () => {
    expect(withHeapLimit({}, 24 * GB)['NODE_OPTIONS']).toBe(`--max-old-space-size=${Math.floor(24 * 1024 * 0.6)}`);
    expect(withHeapLimit({}, 64 * GB)['NODE_OPTIONS']).toBe('--max-old-space-size=16384');
  });
  it('keeps the default on a small machine, and a limit the user set', () => {
    expect(withHeapLimit({}, 4 * GB)['NODE_OPTIONS']).toBeUndefined();
    expect(withHeapLimit({ NODE_OPTIONS: '--max-old-space-size=2048' }, 24 * GB)['NODE_OPTIONS']).toBe('--max-old-space-size=2048');
    expect(withHeapLimit({ NODE_OPTIONS: '--enable-source-maps' }, 24 * GB)['NODE_OPTIONS']).toBe(`--enable-source-maps --max-old-space-size=${Math.floor(24 * 1024 * 0.6)}`);
  });
});
