/**
 * npm test: every test the project has, in the order that makes failures cheap to find:
 * type-check → unit tests → build the site → browser tests against the built site.
 * Ends with one plain "N passed, N failed" line summing both vitest projects.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_TODAY } from '../test/today.ts';
import { runStep, type StepResult } from './lib/steps.ts';

const root = join(import.meta.dirname, '..');
const reports = mkdtempSync(join(tmpdir(), 'danvan-test-'));
const vitest = 'node_modules/vitest/vitest.mjs';
const only = process.argv.slice(2);
// Every step runs on the tests' pinned day, whatever the clock or the caller's DANVAN_TODAY
// say: the site the browser tests read is built as the tests' own builds are.
const env = { ...process.env, DANVAN_TODAY: TEST_TODAY };

async function vitestStep(project: string): Promise<{ result: StepResult; report: string }> {
  const report = join(reports, `${project}.json`);
  const result = await runStep(
    `Kiểm thử ${project}`,
    [vitest, 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...only],
    { cwd: root, env },
  );
  return { result, report };
}

const results: StepResult[] = [];
const jsonReports: string[] = [];

results.push(await runStep('Kiểm tra kiểu (astro sync + tsc)', ['scripts/run.mjs', 'typecheck'], { cwd: root, env }));
const unit = await vitestStep('unit');
results.push(unit.result);
jsonReports.push(unit.report);
// Two Astro processes whatever the machine's cores, so that build-guarantees.test.ts compares
// a site rendered in parts with one rendered by a single process.
const build = await runStep('Dựng trang để kiểm thử trình duyệt (npm run build)', ['scripts/build.ts'], { cwd: root, env: { ...env, DANVAN_BUILD_PROCESSES: '2' } });
results.push(build);
if (build.ok) {
  const browser = await vitestStep('browser');
  results.push(browser.result);
  jsonReports.push(browser.report);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of jsonReports) {
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
const failedSteps = results.filter((r) => !r.ok);
console.log('\nTóm tắt:');
for (const r of results) console.log(`  ${r.ok ? '✔' : '✘'} ${r.name} (${r.seconds.toFixed(1)} s)`);
// A failed step that is not a test run (type-check, build) counts as one failure.
const stepFailures = failedSteps.filter((r) => !r.name.startsWith('Kiểm thử')).length;
console.log(`${passed} passed, ${failed + stepFailures} failed, ${skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
