/** Runs build steps as child processes with the same Node, timing each one. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

export interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
}

export function runStep(name: string, args: string[], options: SpawnSyncOptions = {}): StepResult {
  const started = performance.now();
  process.stdout.write(`\n▶ ${name}\n`);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', ...options });
  const seconds = (performance.now() - started) / 1000;
  const ok = r.status === 0;
  process.stdout.write(`${ok ? '✔' : '✘'} ${name} (${seconds.toFixed(1)} s)\n`);
  return { name, ok, seconds };
}
