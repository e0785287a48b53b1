/**
 * Registry consistency: unique ids, and ids that registries point to (an issuer's
 * province, what an issuer or a province became) present in their registry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_DIRS, type Corpus } from '../content/corpus.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { type CheckContext, type RegistryKind, error } from './context.ts';
import { didYouMean } from './suggest.ts';
import { type YamlSource, yamlSource } from './yaml-source.ts';

type RegistryName = 'issuers' | 'provinces' | 'topics';

/** Line of `path` inside a registry file, read again from disk for its positions. */
function locator(root: string, name: RegistryName): { file: string; lineOf: (path: (string | number)[]) => number } {
  const file = `${CONTENT_DIRS.registries}/${name}.yaml`;
  let src: YamlSource | null = null;
  const abs = join(root, file);
  if (existsSync(abs)) src = yamlSource(readFileSync(abs, 'utf8').replace(/^\uFEFF/, ''), 1);
  return {
    file,
    lineOf: (path) => {
      if (!src) return 0;
      for (let d = path.length; d >= 0; d--) {
        const node = d === 0 ? src.doc.contents : src.doc.getIn(path.slice(0, d), true);
        const range = (node as { range?: [number, number, number] } | undefined)?.range;
        if (range) return src.line(range[0]);
      }
      return 1;
    },
  };
}

/**
 * Registry entries are found by id in the raw file, because loadCorpus drops invalid
 * entries and the index in the loaded list may differ from the index in the file.
 */
function rawIndexes(root: string, name: RegistryName): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const abs = join(root, CONTENT_DIRS.registries, `${name}.yaml`);
  if (!existsSync(abs)) return out;
  const data = yamlSource(readFileSync(abs, 'utf8').replace(/^\uFEFF/, ''), 1).doc.toJS() as unknown;
  if (!Array.isArray(data)) return out;
  data.forEach((item, i) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string') out.set(id, [...(out.get(id) ?? []), i]);
  });
  return out;
}

export function checkRegistries(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const root = ctx.corpus.root;
  const names: RegistryName[] = ['issuers', 'provinces', 'topics'];
  const loc = Object.fromEntries(names.map((n) => [n, locator(root, n)])) as Record<RegistryName, ReturnType<typeof locator>>;
  const idx = Object.fromEntries(names.map((n) => [n, rawIndexes(root, n)])) as Record<RegistryName, Map<string, number[]>>;
  const at = (name: RegistryName, id: string, path: (string | number)[]) => {
    const full = [idx[name].get(id)?.[0] ?? 0, ...path];
    return { line: loc[name].lineOf(full), field: full.join('.') };
  };
  const report = (name: RegistryName, id: string, path: (string | number)[], code: string, message: string) => {
    const { line, field } = at(name, id, path);
    out.push(error(loc[name].file, line, field, code, message));
  };

  for (const name of names) {
    for (const [id, positions] of idx[name]) {
      if (positions.length < 2) continue;
      const first = loc[name].lineOf([positions[0]!, 'id']);
      for (const p of positions.slice(1)) {
        out.push(error(loc[name].file, loc[name].lineOf([p, 'id']), `${p}.id`, 'registry-duplicate-id',
          `mã "${id}" đã dùng ở dòng ${first}; mỗi mục cần một mã riêng`));
      }
    }
  }
  const missing = (kind: RegistryKind, id: string) =>
    !(kind === 'issuer' ? ctx.issuers : ctx.provinces).has(id) && !ctx.unusableRegistries.has(kind) && !ctx.brokenRegistryIds.has(`${kind}:${id}`);
  for (const issuer of ctx.corpus.registries.issuers) {
    if (issuer.province && missing('province', issuer.province)) {
      report('issuers', issuer.id, ['province'], 'unknown-province',
        `${issuer.name}: không có tỉnh "${issuer.province}" trong content/registries/provinces.yaml.${didYouMean(issuer.province, ctx.provinces.keys())}`);
    }
    if (issuer.succeededBy && missing('issuer', issuer.succeededBy.id)) {
      report('issuers', issuer.id, ['succeededBy', 'id'], 'unknown-issuer',
        `${issuer.name}: cơ quan kế tục "${issuer.succeededBy.id}" chưa có trong sổ cơ quan ban hành.${didYouMean(issuer.succeededBy.id, ctx.issuers.keys())}`);
    }
    if (issuer.succeededBy?.id === issuer.id) {
      report('issuers', issuer.id, ['succeededBy', 'id'], 'relation-self',
        `${issuer.name} không thể kế tục chính nó`);
    }
  }
  for (const province of ctx.corpus.registries.provinces) {
    if (province.mergedInto && missing('province', province.mergedInto.id)) {
      report('provinces', province.id, ['mergedInto', 'id'], 'unknown-province',
        `${province.name}: tỉnh sau sáp nhập "${province.mergedInto.id}" chưa có trong sổ tỉnh, thành phố.${didYouMean(province.mergedInto.id, ctx.provinces.keys())}`);
    }
  }
  return out;
}

const KIND_OF: Record<RegistryName, RegistryKind> = { issuers: 'issuer', provinces: 'province', topics: 'topic' };

/**
 * Which registries cannot be used at all (missing, not YAML, not UTF-8) and which ids
 * are written in a registry but were dropped by its schema, so that one broken registry
 * entry is reported once, not once per document that uses it.
 */
export function registryHealth(corpus: Corpus): { unusable: RegistryKind[]; broken: string[] } {
  const unusable: RegistryKind[] = [];
  const broken: string[] = [];
  for (const name of ['issuers', 'provinces', 'topics'] as RegistryName[]) {
    const file = `${CONTENT_DIRS.registries}/${name}.yaml`;
    const kind = KIND_OF[name];
    // A problem with no field is about the whole file (not YAML, not a list): nothing in it is usable.
    if (corpus.diagnostics.some((d) => d.file === file && (!d.field || ['yaml-syntax', 'registry-missing', 'not-utf8'].includes(d.code)))) {
      unusable.push(kind);
      continue;
    }
    const loaded = new Set<string>(corpus.registries[name].map((e) => e.id));
    for (const id of rawIndexes(corpus.root, name).keys()) if (!loaded.has(id)) broken.push(`${kind}:${id}`);
  }
  return { unusable, broken };
}
