/**
 * The heap limit of the build's Node processes. V8's default old space (about 4 GB) is what
 * the check + graph step needs at ≈ 60,000 documents; at 100,000 it died of "heap out of
 * memory" after 160 s while the machine had 20 GB free. Every step therefore runs with a limit
 * of 60 % of this machine's memory (at most 16 GB) unless NODE_OPTIONS already sets one; a
 * limit is a ceiling, not a reservation, so small corpora use what they used before.
 */
import { totalmem } from 'node:os';

const DEFAULT_HEAP_MB = 4096;
const CEILING_MB = 16_384;

export function withHeapLimit(env: NodeJS.ProcessEnv, memoryBytes = totalmem()): NodeJS.ProcessEnv {
  const current = env['NODE_OPTIONS'] ?? '';
  if (/--max-old-space-size/.test(current)) return env;
  const mb = Math.min(CEILING_MB, Math.floor((memoryBytes / 2 ** 20) * 0.6));
  if (mb <= DEFAULT_HEAP_MB) return env;
  return { ...env, NODE_OPTIONS: `${current} --max-old-space-size=${mb}`.trim() };
}
