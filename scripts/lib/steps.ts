/** Runs build steps as child processes with the same Node, timing each one. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
}

let current: ChildProcess | null = null;

/**
 * Stops the step running now and resolves once it has exited, so that a signal handler
 * cleans up after the step (and after whatever the step cleans up itself), not beside it.
 */
export function stopCurrentStep(): Promise<void> {
  const child = current;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

export function runStep(name: string, args: string[], options: SpawnOptions = {}): Promise<StepResult> {
  const started = performance.now();
  process.stdout.write(`\n▶ ${name}\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', ...options });
    current = child;
    const finish = (ok: boolean) => {
      current = null;
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
