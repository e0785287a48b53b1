/**
 * Runs a command as a child and measures its peak memory as the sum of the resident
 * sizes of its whole process tree (Node steps, Vite workers),
 * sampled from /proc. The tree is grouped by the child's direct children, so one run of
 * scripts/build.ts gives the peak of each build step. Without /proc (not Linux) the
 * peaks are reported as null rather than guessed.
 */
import { spawn } from 'node:child_process';
import { withHeapLimit } from './heap.ts';
import { createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpuTicks, stealBetween } from './bench-report.ts';

const PAGE = 4096;
const INTERVAL_MS = 150;

export interface TreePeaks {
  /** Peak of the whole tree (the child and every descendant), bytes. */
  total: number | null;
  /** Peak per direct child of the command, keyed by that child's command line. */
  byChild: Map<string, number>;
  /**
   * CPU seconds (user + system) of the whole tree, and per direct child's tree: the last
   * sample of each process, so a process's final 150 ms may be missed. Less moved than wall
   * time by other programs on a shared machine, not immune: a crowded machine's caches make
   * the same work take more CPU (benchmarks/README.md, 2026-12-07 afternoon).
   */
  cpu: number | null;
  cpuByChild: Map<string, number>;
}

export interface RunResult {
  code: number;
  seconds: number;
  stdout: string;
  peaks: TreePeaks;
  /** Share of the machine's CPU time the host took while this command ran (/proc/stat steal, %); null without /proc. */
  steal: number | null;
}

interface Proc {
  ppid: number;
  rss: number;
  /** CPU time used so far (user + system), clock ticks. */
  cpu: number;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

function snapshot(): Map<number, Proc> {
  const out = new Map<number, Proc>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(name), { ppid: Number(f[1]), rss: Number(f[21]) * PAGE, cpu: Number(f[11]) + Number(f[12]) });
    } catch {
      // The process ended between readdir and read.
    }
  }
  return out;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/**
 * Runs `args` with this Node (or with `command`, another program); stdout is kept (and
 * copied to `logFile`), stderr is logged.
 */
export function runMeasured(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; command?: string }): Promise<RunResult> {
  const started = performance.now();
  const ticks = cpuTicks();
  const log = createWriteStream(options.logFile);
  const env = options.command ? options.env : withHeapLimit(options.env);
  const child = spawn(options.command ?? process.execPath, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (b: Buffer) => {
    stdout += b.toString();
    log.write(b);
  });
  child.stderr.on('data', (b: Buffer) => log.write(b));
  const proc = existsSync('/proc/self/stat');
  const peaks: TreePeaks = { total: proc ? 0 : null, byChild: new Map(), cpu: proc ? 0 : null, cpuByChild: new Map() };
  /** Last CPU reading of every process seen in the tree, and the direct child it runs under. */
  const cpuOf = new Map<number, { ticks: number; under: string | null }>();
  const sample = () => {
    if (!proc || child.pid === undefined) return;
    const procs = snapshot();
    const children = new Map<number, number[]>();
    for (const [pid, p] of procs) {
      if (!children.has(p.ppid)) children.set(p.ppid, []);
      children.get(p.ppid)!.push(pid);
    }
    const treeRss = (pid: number): number => (procs.get(pid)?.rss ?? 0) + (children.get(pid) ?? []).reduce((s, c) => s + treeRss(c), 0);
    peaks.total = Math.max(peaks.total ?? 0, treeRss(child.pid));
    const noteCpu = (pid: number, under: string | null): void => {
      cpuOf.set(pid, { ticks: procs.get(pid)?.cpu ?? 0, under });
      for (const c of children.get(pid) ?? []) noteCpu(c, under);
    };
    cpuOf.set(child.pid, { ticks: procs.get(child.pid)?.cpu ?? 0, under: null });
    for (const c of children.get(child.pid) ?? []) {
      // Read again at every sample, not once per process: between fork and exec a child
      // still shows its parent's command line (a window this sandbox makes long enough to
      // be sampled), and a shell that execs changes it; a name kept from the first sample
      // left whole build steps without a peak or CPU figure ("–" in the report).
      const key = cmdline(c);
      if (!key) continue;
      peaks.byChild.set(key, Math.max(peaks.byChild.get(key) ?? 0, treeRss(c)));
      noteCpu(c, key);
    }
  };
  const sumCpu = () => {
    if (peaks.cpu === null) return;
    let total = 0;
    for (const { ticks, under } of cpuOf.values()) {
      total += ticks;
      if (under !== null) peaks.cpuByChild.set(under, (peaks.cpuByChild.get(under) ?? 0) + ticks / TICKS_PER_SECOND);
    }
    peaks.cpu = total / TICKS_PER_SECOND;
  };
  const timer = setInterval(sample, INTERVAL_MS);
  return new Promise((resolve) => {
    // A program that cannot be started counts as a failed run.
    child.on('error', (e) => log.write(`${e.message}\n`));
    child.on('close', (code) => {
      clearInterval(timer);
      sumCpu();
      log.end();
      resolve({ code: code ?? 1, seconds: (performance.now() - started) / 1000, stdout, peaks, steal: stealBetween(ticks, cpuTicks()) });
    });
  });
}

/** CPU seconds of the direct child(ren) whose command line contains `needle`. */
export function childCpu(peaks: TreePeaks, needle: string): number | null {
  let sum: number | null = null;
  for (const [cmd, seconds] of peaks.cpuByChild) if (cmd.includes(needle)) sum = (sum ?? 0) + seconds;
  return sum;
}

/** Peak of the direct child whose command line contains `needle`. */
export function childPeak(peaks: TreePeaks, needle: string): number | null {
  let best: number | null = null;
  for (const [cmd, rss] of peaks.byChild) if (cmd.includes(needle)) best = Math.max(best ?? 0, rss);
  return best;
}
