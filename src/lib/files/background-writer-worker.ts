/** Worker of background-writer.ts: one atomic write per message, in the order sent. */
import { renameSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { WriteRequest } from './background-writer.ts';

parentPort!.on('message', ({ path, content }: WriteRequest) => {
  try {
    writeFileSync(`${path}.tmp`, content);
    renameSync(`${path}.tmp`, path);
    parentPort!.postMessage({});
  } catch (e) {
    parentPort!.postMessage({ error: `${path}: ${e instanceof Error ? e.message : String(e)}` });
  }
});
