/**
 * The environment every npm script runs in (scripts/run.mjs): plain JavaScript, loaded
 * before the Node version is checked.
 *
 * Memory from glibc's malloc (Buffers, strings read from files) is backed by huge pages
 * where the kernel allows them on request (transparent huge pages in "madvise" mode, as on
 * this project's machine). Touching fresh memory costs there ≈ 4 ms per MB in 4 KB pages:
 * a graph build after one change at 10,000 documents touches ≈ 700 MB, and spent a fifth
 * of its time in those faults (benchmarks/README.md). The setting is inherited by every
 * process a script starts; other C libraries and systems ignore it, and a value already
 * given for it is kept.
 */
export function withHugePages(env) {
  const current = env.GLIBC_TUNABLES ?? '';
  if (current.includes('glibc.malloc.hugetlb')) return env;
  return { ...env, GLIBC_TUNABLES: current ? `${current}:glibc.malloc.hugetlb=1` : 'glibc.malloc.hugetlb=1' };
}
