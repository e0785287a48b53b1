/**
 * The environment every npm script runs in (scripts/lib/huge-pages.mjs): malloc's memory on
 * huge pages, without overriding what the user set.
 */
import { describe, expect, it } from 'vitest';
import { withHugePages } from '../../scripts/lib/huge-pages.mjs';

describe('huge pages for the scripts’ processes', () => {
  it('asks glibc for them, beside other tunables, and keeps a value the user chose', () => {
    expect(withHugePages({}).GLIBC_TUNABLES).toBe('glibc.malloc.hugetlb=1');
    expect(withHugePages({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }).GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1');
    expect(withHugePages({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }).GLIBC_TUNABLES).toBe('glibc.malloc.hugetlb=0');
  });
});
