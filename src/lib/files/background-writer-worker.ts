/** Worker of background-writer.ts: one atomic write per message, in the order sent. */
import { parentPort } from 'node:worker_threads';
import { writeFileAtomic } from './atomic.ts';
import type { WriteRequest } from './background-writer.ts';

parentPort!.on('message', ({ path, content }: WriteRequest) => {
  try {
    writeFileAtomic(path, content);
    parentPort!.postMessage({});
  } catch (e) {
    parentPort!.postMessage({ error: `${path}: ${e instanceof Error ? e.message : String(e)}` });
  }
});
