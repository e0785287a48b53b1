/**
 * The README's promises about lost files, lost sites and hostile input each name the test
 * that holds them, in both languages: the named files must exist and be the same in both.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../check/helpers.ts';

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const section = (heading: string) => {
  const start = readme.indexOf(heading);
  expect(start, heading).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start);
  return readme.slice(start, end < 0 ? undefined : end);
};
const promises = (text: string) => text.split('\n- ').slice(1).map((p) => ({ text: p, tests: [...p.matchAll(/`(test\/[^`]+\.test\.ts)`/g)].map((m) => m[1]!) }));

describe('README guarantees about data loss and hostile input', () => {
  const vi = promises(section('### Không mất tệp, không mất trang'));
  const en = promises(section('### No lost file, no lost site'));

  it('every promise names an existing test, in Vietnamese and in English alike', () => {
    expect(vi.length).toBeGreaterThanOrEqual(11);
    expect(en.map((p) => p.tests)).toEqual(vi.map((p) => p.tests));
    for (const p of [...vi, ...en]) {
      expect(p.tests.length, p.text).toBeGreaterThan(0);
      for (const t of p.tests) expect(existsSync(join(PROJECT_ROOT, t)), t).toBe(true);
    }
  });
});
