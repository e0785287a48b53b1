/** Runs build steps as child processes with the same Node, timing each one. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { withHeapLimit } from './heap.ts';

export interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
}

/** Steps running now (two at once when the search index is built beside Astro). */
const running = new Set<ChildProcess>();

/**
 * Stops the steps running now and resolves once they have exited, so that a signal handler
 * cleans up after them (and after whatever a step cleans up itself), not beside them.
 */
export function stopCurrentStep(): Promise<void> {
  const exits: Promise<void>[] = [];
  for (const child of running) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    exits.push(new Promise<void>((resolve) => child.once('exit', () => resolve())));
    child.kill('SIGTERM');
  }
  return Promise.all(exits).then(() => undefined);
}

export function runStep(name: string, args: string[], options: SpawnOptions = {}): Promise<StepResult> {
  const started = performance.now();
  process.stdout.write(`\n▶ ${name}\n`);
  return new Promise((resolve) => {
    // The step's own children (Astro's processes) inherit the heap limit through NODE_OPTIONS.
    const child = spawn(process.execPath, args, { stdio: 'inherit', ...options, env: withHeapLimit(options.env ?? process.env) });
    running.add(child);
    const finish = (ok: boolean) => {
      running.delete(child);
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(`${ok ? '✔' : '✘'} ${name} (${seconds.toFixed(1)} s)\n`);
      resolve({ name, ok, seconds });
    };
    child.on('error', (err) => {
      process.stderr.write(`Không chạy được bước "${name}": ${err.message}\n`);
      finish(false);
    });
    child.on('exit', (code) => finish(code === 0));
  });
}
