/**
 * Writes files from a worker thread, each to a temporary name and then renamed, so a
 * reader never sees half a file. The graph build hands it tens of megabytes of JSON:
 * encoding that text to UTF-8 and waiting on the disk would otherwise hold up the main
 * thread, which meanwhile serialises the next file.
 */
import { isMarkedAsUntransferable, Worker } from 'node:worker_threads';
import type { FileRange } from './atomic.ts';

export interface WriteRequest {
  path: string;
  /** As writeFileAtomic takes it: pieces may be ranges of existing files, copied by the writer thread. */
  content: string | Uint8Array | readonly (Uint8Array | FileRange)[];
}

export interface BackgroundWriter {
  /**
   * Queues a file. With `transfer`, the bytes' buffer moves to the writer thread instead of
   * being copied (it must be a buffer of their own, and is unusable here afterwards).
   */
  write(path: string, content: WriteRequest['content'], options?: { transfer?: boolean }): void;
  /** Resolves once every file is written and renamed; rejects with the first failure. */
  close(): Promise<void>;
}

export function startBackgroundWriter(): BackgroundWriter {
  const worker = new Worker(new URL('./background-writer-worker.ts', import.meta.url));
  let pending = 0;
  let failure: Error | null = null;
  let drained: (() => void) | null = null;
  worker.on('message', (reply: { error?: string }) => {
    if (reply.error && !failure) failure = new Error(reply.error);
    if (--pending === 0) drained?.();
  });
  worker.on('error', (e) => {
    failure ??= e;
    pending = 0;
    drained?.();
  });
  return {
    write(path, content, options = {}) {
      // A pooled buffer (small Buffers share Node's pool) cannot move: it is copied instead.
      const transfer = options.transfer && content instanceof Uint8Array && !isMarkedAsUntransferable(content.buffer) ? [content.buffer as ArrayBuffer] : [];
      // Counted only once posted: a write that throws here must not leave close() waiting for its reply.
      worker.postMessage({ path, content } satisfies WriteRequest, transfer);
      pending++;
    },
    async close() {
      if (pending > 0) await new Promise<void>((resolve) => (drained = resolve));
      await worker.terminate();
      if (failure) throw failure;
    },
  };
}
