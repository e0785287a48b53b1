/**
 * Worker thread of the render pool (render-pool.ts): waits for its task, builds the
 * corpus index from the entries it is sent, then renders its share of the bodies and
 * posts the outputs back in small batches, so the main thread takes them in while the
 * rest render.
 */
import { parentPort } from 'node:worker_threads';
import { buildCorpusIndex } from '../citations/index.ts';
import { citationFinder, renderBody } from './render-body.ts';
import { bodyDataJson } from './body-cache.ts';
import type { WorkerReply, WorkerTask } from './render-pool.ts';

const BATCH = 32;

parentPort!.once('message', ({ init, jobs }: WorkerTask) => {
  const index = init.withEngine ? buildCorpusIndex(init.entries, init.provinces, init.namedDocuments) : null;
  const finder = index ? citationFinder(index) : null;
  let indices: number[] = [];
  let texts: string[] = [];
  // Each body goes back as two texts in UTF-8, its data (as JSON: the very bytes the cache
  // file stores) and its HTML (the bytes the bundle holds), in one transferred buffer per
  // batch: not copied between threads and outside the main thread's heap.
  const post = (done: boolean) => {
    const bytes = new Uint8Array(texts.reduce((n, t) => n + Buffer.byteLength(t), 0));
    const view = Buffer.from(bytes.buffer);
    const spans: number[] = [];
    let offset = 0;
    for (const t of texts) {
      const length = view.write(t, offset);
      spans.push(offset, length);
      offset += length;
    }
    const results: WorkerReply['results'] = indices.map((i, k) => [i, spans[4 * k]!, spans[4 * k + 1]!, spans[4 * k + 2]!, spans[4 * k + 3]!]);
    const cpu = done ? process.threadCpuUsage() : null;
    const reply: WorkerReply = { results, bytes: bytes.buffer, ...(cpu ? { done, cpuSeconds: (cpu.user + cpu.system) / 1e6 } : {}) };
    parentPort!.postMessage(reply, [bytes.buffer]);
    indices = [];
    texts = [];
  };
  for (const job of jobs) {
    const out = renderBody(job.input, finder, job.raw ? { raw: job.raw } : {});
    indices.push(job.i);
    texts.push(bodyDataJson(out), out.html);
    if (indices.length === BATCH) post(false);
  }
  post(true);
});
