/**
 * Renders the bodies of a graph build in worker threads: the per-body stage (parse,
 * engine, annotate, HTML) is independent per body once the corpus index exists, and it
 * is most of a cold build. Each worker builds the same index from the same entries, so
 * the output is the same as rendering in one thread (test/graph/script-incremental.test.ts).
 */
import { Worker } from 'node:worker_threads';
import type { CorpusEntry } from '../citations/types.ts';
import type { ProvinceName, TextExtraction } from '../citations/index.ts';
import type { NamedDocument } from '../schema/named-documents.ts';
import type { BodyInput } from './render-body.ts';
import { parseBodyData, type BodyData } from './body-cache.ts';

export interface WorkerInit {
  entries: CorpusEntry[];
  provinces: readonly ProvinceName[];
  namedDocuments: readonly NamedDocument[];
  withEngine: boolean;
}

/** One body for the pool. */
export interface PoolInput {
  input: BodyInput;
  /** The body's cached extraction: render it again without extracting. */
  raw?: TextExtraction;
}

export interface WorkerJob extends PoolInput {
  i: number;
}

/** One rendered body as it comes back: its data (parsed, and as the cache's JSON in UTF-8) and its HTML in UTF-8. */
export interface PooledBody {
  data: BodyData;
  json: Uint8Array;
  html: Uint8Array;
}

export interface WorkerReply {
  /** [input index, offset and length in `bytes` of its data as JSON (bodyDataJson), then of its HTML]. */
  results: [number, number, number, number, number][];
  /** The batch's texts in UTF-8, transferred. */
  bytes: ArrayBuffer;
  done?: boolean;
  /** CPU time the worker thread used, sent with `done` (for --timings). */
  cpuSeconds?: number;
}

export interface PoolOptions extends WorkerInit {
  threads: number;
  /** Workers started earlier with startRenderWorkers (they load their modules meanwhile); more are started if needed. */
  workers?: Worker[];
}

/** What a worker is sent once: the index input and its share of the bodies. */
export interface WorkerTask {
  init: WorkerInit;
  jobs: WorkerJob[];
}

/**
 * Starts render workers before their work is known: a worker spends a few hundred
 * milliseconds loading its modules, which can overlap with reading the corpus.
 */
export function startRenderWorkers(count: number): Worker[] {
  return Array.from({ length: count }, () => new Worker(new URL('./render-worker.ts', import.meta.url)));
}

export interface RenderPool {
  /** outputs[i] belongs to inputs[i]. */
  outputs: Promise<PooledBody[]>;
  /** CPU seconds per worker, filled in as they finish. */
  cpuSeconds: number[];
  /** Stops every worker (the outputs are then never delivered). */
  stop(): void;
}

export function startRenderPool(inputs: readonly PoolInput[], options: PoolOptions): RenderPool {
  const outputs: PooledBody[] = new Array(inputs.length);
  const threads = Math.max(1, Math.min(options.threads, inputs.length));
  const init: WorkerInit = { entries: options.entries, provinces: options.provinces, namedDocuments: options.namedDocuments, withEngine: options.withEngine };
  const workers: Worker[] = [];
  const cpuSeconds: number[] = [];
  const promise = new Promise<PooledBody[]>((resolve, reject) => {
    if (!inputs.length) {
      for (const w of options.workers ?? []) void w.terminate();
      return resolve([]);
    }
    for (const w of options.workers?.slice(threads) ?? []) void w.terminate();
    let running = threads;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    for (let t = 0; t < threads; t++) {
      const worker = options.workers?.[t] ?? startRenderWorkers(1)[0]!;
      workers.push(worker);
      // Interleaved shares: body sizes vary along the sorted ids, not across residues.
      const share: WorkerJob[] = [];
      for (let i = t; i < inputs.length; i += threads) share.push({ i, ...inputs[i]! });
      let finished = false;
      worker.on('message', (reply: WorkerReply) => {
        for (const [i, jsonAt, jsonLength, htmlAt, htmlLength] of reply.results) {
          const json = Buffer.from(reply.bytes, jsonAt, jsonLength);
          outputs[i] = { data: parseBodyData(json.toString('utf8')), json, html: new Uint8Array(reply.bytes, htmlAt, htmlLength) };
        }
        if (reply.done) {
          finished = true;
          cpuSeconds.push(reply.cpuSeconds ?? 0);
          void worker.terminate();
          if (--running === 0 && !failed) resolve(outputs);
        }
      });
      worker.on('error', fail);
      worker.on('exit', () => {
        if (!finished) fail(new Error('render worker stopped before finishing'));
      });
      worker.postMessage({ init, jobs: share } satisfies WorkerTask);
    }
  });
  return {
    outputs: promise,
    cpuSeconds,
    stop: () => {
      for (const w of [...workers, ...(options.workers ?? [])]) {
        w.removeAllListeners('exit');
        void w.terminate();
      }
    },
  };
}
