import { describe, expect, it } from 'vitest';
import { limiter } from '../../src/lib/concurrency.ts';

describe('limiter', () => {
  it('never runs more than the limit at once, runs every task and keeps results in place', async () => {
    const limit = limiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        limit(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, (i * 7) % 5));
          active--;
          return i * 2;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
  });

  it('a failing task frees its slot and rejects only its own promise', async () => {
    const limit = limiter(1);
    const failed = limit(async () => {
      throw new Error('x');
    });
    await expect(failed).rejects.toThrow('x');
    await expect(limit(async () => 'ok')).resolves.toBe('ok');
  });
});
