/**
 * Malformed registries. A registry fault is reported once, in the registry: documents
 * using the broken entry are not flooded with "unknown issuer" errors.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DOCS, E, cleanup, lineWith, read, replaceIn, runCase, write, type FaultCase } from './helpers.ts';

afterAll(cleanup);

const { issuers, provinces, topics } = DOCS;

const cases: FaultCase[] = [
  {
    name: 'YAML syntax error in a registry (and no cascade into the documents)',
    inject: (r) => replaceIn(r, topics, '  name: Dân vận chính quyền', '  name: [Dân vận chính quyền'),
    expected: (r) => [E(topics, lineWith(r, topics, 'name: [Dân'), 'yaml-syntax')],
  },
  {
    name: 'registry file missing',
    inject: (r) => rmSync(join(r, topics)),
    expected: () => [E(topics, 0, 'registry-missing')],
  },
  {
    name: 'registry that is a map instead of a list',
    inject: (r) => write(r, provinces, 'tra-vinh:\n  name: Trà Vinh\nha-tinh:\n  name: Hà Tĩnh\n'),
    expected: () => [E(provinces, 1, 'field-type')],
  },
  {
    name: 'the same id twice',
    inject: (r) => write(r, topics, `${read(r, topics)}- id: dan-van-chinh-quyen\n  name: Dân vận chính quyền (trùng)\n`),
    expected: (r) => [E(topics, lineWith(r, topics, '(trùng)') - 1, 'registry-duplicate-id', '3.id')],
  },
  {
    name: 'an entry failing its schema; its documents are not reported again',
    inject: (r) => replaceIn(r, issuers, '  system: nha-nuoc\n  level: tinh', '  system: state\n  level: tinh'),
    expected: (r) => [E(issuers, lineWith(r, issuers, 'system: state'), 'schema-invalid-value', '7.system')],
  },
  {
    name: 'an entry without its name',
    inject: (r) => replaceIn(r, provinces, '  name: Hà Tĩnh\n', ''),
    expected: (r) => [E(provinces, lineWith(r, provinces, 'id: ha-tinh'), 'field-missing', '1.name')],
  },
  {
    name: 'an issuer in an unknown province',
    inject: (r) => replaceIn(r, issuers, '  province: tra-vinh', '  province: tra-vinh-cu'),
    expected: (r) => [E(issuers, lineWith(r, issuers, 'tra-vinh-cu'), 'unknown-province', '7.province')],
  },
  {
    name: 'an issuer succeeded by an unknown issuer',
    inject: (r) => replaceIn(r, issuers, '    id: ban-tuyen-giao-va-dan-van-trung-uong', '    id: ban-tuyen-giao-dan-van'),
    expected: (r) => [E(issuers, lineWith(r, issuers, 'id: ban-tuyen-giao-dan-van'), 'unknown-issuer', '3.succeededBy.id')],
  },
  {
    name: 'a province merged into an unknown province',
    inject: (r) => replaceIn(r, provinces, '  aliases: [tỉnh Trà Vinh]', '  aliases: [tỉnh Trà Vinh]\n  mergedInto:\n    id: vinh-long\n    date: "2025-07-01"'),
    expected: (r) => [E(provinces, lineWith(r, provinces, 'id: vinh-long'), 'unknown-province', '0.mergedInto.id')],
  },
  {
    name: 'an unquoted date in a registry',
    inject: (r) => replaceIn(r, issuers, '    date: "2025"', '    date: 2025-03'),
    expected: (r) => [E(issuers, lineWith(r, issuers, 'date: 2025-03'), 'date-unquoted', '3.succeededBy.date')],
  },
];

describe('registry faults', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const [actual, expected] = runCase(c);
    expect(actual).toEqual(expected);
  });
});
