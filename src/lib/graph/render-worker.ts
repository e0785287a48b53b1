/**
 * Worker thread of the render pool (render-pool.ts): waits for its task, builds the
 * corpus index from the entries it is sent, then renders its share of the bodies and
 * posts the outputs back in small batches, so the main thread takes them in while the
 * rest render.
 */
import { parentPort } from 'node:worker_threads';
import { buildCorpusIndex, findReferences } from '../citations/index.ts';
import type { CitationContext } from '../citations/types.ts';
import { renderBody } from './render-body.ts';
import { bodyDataJson } from './body-cache.ts';
import type { WorkerReply, WorkerTask } from './render-pool.ts';

const BATCH = 32;

parentPort!.once('message', ({ init, jobs }: WorkerTask) => {
  const index = init.withEngine ? buildCorpusIndex(init.entries, init.provinces) : null;
  const find = index ? (text: string, ctx: CitationContext) => findReferences(text, index, ctx) : null;
  let batch: WorkerReply['results'] = [];
  let html: string[] = [];
  // The HTML goes back as UTF-8 bytes in one transferred buffer per batch: not copied
  // between threads, off the main thread's heap, and already what the bundle file holds.
  const post = (done: boolean) => {
    const bytes = new Uint8Array(html.reduce((n, h) => n + Buffer.byteLength(h), 0));
    const view = Buffer.from(bytes.buffer);
    let offset = 0;
    batch.forEach((entry, k) => {
      const length = view.write(html[k]!, offset);
      entry[2] = offset;
      entry[3] = length;
      offset += length;
    });
    const cpu = done ? process.threadCpuUsage() : null;
    const reply: WorkerReply = { results: batch, html: bytes.buffer, ...(cpu ? { done, cpuSeconds: (cpu.user + cpu.system) / 1e6 } : {}) };
    parentPort!.postMessage(reply, [bytes.buffer]);
    batch = [];
    html = [];
  };
  for (const job of jobs) {
    const out = renderBody(job.input, find);
    html.push(out.html);
    // As the JSON text the cache file stores: the main thread parses it for the graph and
    // writes the very text to the cache, so nothing is serialised twice.
    batch.push([job.i, bodyDataJson(out), 0, 0]);
    if (batch.length === BATCH) post(false);
  }
  post(true);
});
