import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldTables, withFieldTables, FIELDS_END, FIELDS_START } from '../../src/lib/editor/field-table.ts';
import { documentFrontmatterSchema, sourceSchema, RELATION_TYPES } from '../../src/lib/schema/document.ts';
import { ROOT } from './support.ts';

const readme = readFileSync(join(ROOT, 'content/README.md'), 'utf8');

describe('editors\' guide (content/README.md)', () => {
  it('holds exactly the field tables generated from the schemas (regenerate: node scripts/run.mjs gen-content-readme)', () => {
    expect(readme).toContain(FIELDS_START);
    expect(readme).toContain(FIELDS_END);
    expect(withFieldTables(readme)).toBe(readme);
  });

  it('lists every field of the schemas, with required ones marked', () => {
    const tables = fieldTables();
    for (const key of Object.keys(documentFrontmatterSchema.shape)) expect(tables).toContain(`| \`${key}\` |`);
    for (const key of Object.keys(sourceSchema.shape)) expect(tables).toContain(`| \`${key}\` |`);
    for (const key of RELATION_TYPES) expect(tables).toContain(`| \`${key}\` |`);
    expect(tables).toMatch(/\| `issued` \| [^|]+ \| bắt buộc \|/);
    expect(tables).toMatch(/\| `number` \| [^|]+ \| không \|/);
    expect(tables).toMatch(/\| `sources` \| [^|]+ \| bắt buộc, ít nhất 1 \|/);
  });

  it('describes the commands editors run', () => {
    for (const cmd of ['npm run import --', 'npm run new --', '--from-missing', 'npm run check', '--force']) expect(readme).toContain(cmd);
  });
});
