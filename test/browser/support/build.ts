/**
 * Running the real build (scripts/build.ts) from inside a test. Vitest mirrors
 * import.meta.env into process.env (BASE_URL=/, MODE, NODE_ENV=test …); a BASE_URL there
 * would override Astro's base in the child build, so those variables are removed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { projectRoot } from './site.ts';

export function shellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(key)) delete env[key];
  }
  return { ...env, ...extra };
}

/** Builds the site synchronously into `dist` (relative to the project); throws with the output on failure. */
export function buildSite(dist: string, extra: Record<string, string> = {}): void {
  const r = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: projectRoot,
    env: shellEnv({ DANVAN_DIST: dist, ...extra }),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`Dựng trang vào ${dist} thất bại:\n${r.stdout}\n${r.stderr}`);
}

/** Starts a build without waiting, for tests that interrupt it. */
export function startBuild(dist: string, extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['scripts/build.ts'], {
    cwd: projectRoot,
    env: shellEnv({ DANVAN_DIST: dist, ...extra }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, done, output: () => output };
}
