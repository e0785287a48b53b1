/**
 * Worker thread of the render pool (render-pool.ts): builds the corpus index once from
 * the entries it is sent, then renders the bodies it is given and posts the outputs
 * back in small batches, so the main thread can write files while the rest render.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildCorpusIndex, findReferences } from '../citations/index.ts';
import type { CitationContext } from '../citations/types.ts';
import { renderBody, type BodyOutput } from './render-body.ts';
import type { WorkerInit, WorkerJob, WorkerReply } from './render-pool.ts';

const init = workerData as WorkerInit;
const index = init.withEngine ? buildCorpusIndex(init.entries, init.provinces) : null;
const find = index ? (text: string, ctx: CitationContext) => findReferences(text, index, ctx) : null;
const BATCH = 32;

parentPort!.on('message', (jobs: WorkerJob[]) => {
  let batch: [number, BodyOutput][] = [];
  for (const job of jobs) {
    batch.push([job.i, renderBody(job.input, find)]);
    if (batch.length === BATCH) {
      parentPort!.postMessage({ results: batch } satisfies WorkerReply);
      batch = [];
    }
  }
  const cpu = process.threadCpuUsage();
  parentPort!.postMessage({ results: batch, done: true, cpuSeconds: (cpu.user + cpu.system) / 1e6 } satisfies WorkerReply);
});
