/**
 * What the search index knows of a document besides its words: its filter values (loại,
 * cơ quan, năm, cấp, địa phương, chủ đề, tình trạng) and a line with the number in the
 * forms people type ("ct33", "chỉ thị 33"), indexed as part of its name (record.ts).
 * The search page lists the same filter values (src/pages/tim-kiem/index.astro).
 */
import { DOCUMENT_TYPES } from '../document-types.ts';
import type { GraphNode } from '../graph/types.ts';
import { parseDocumentNumber } from '../identity.ts';
import { LEVEL_NAMES } from '../schema/registries.ts';
import { STATUS_LABELS } from '../site/labels.ts';
import { searchKey } from '../text/vietnamese.ts';

import { FILTERS, type FilterKey } from './constants.ts';

export { FILTERS, type FilterKey };

export interface RegistryNames {
  issuer(id: string): string | undefined;
  province(id: string): string | undefined;
  topic(id: string): string | undefined;
  /** The province a historical province was merged into (2025), by name; undefined when not merged. */
  provinceNow?(id: string): string | undefined;
}

export interface IndexFields {
  filters: Record<FilterKey, string[]>;
  /** Number forms, indexed with the name; empty for a document without a number. */
  numberLine: string;
  /** Names of the places the document is filed under (its province, and the one that province was merged into). */
  places: string[];
  topics: string[];
}

/** "33/CT-TTg" of a chỉ thị → "33/CT-TTg CT-TTg ct33 Chỉ thị 33 chi thi 33". */
export function numberForms(type: GraphNode['type'], number: string | null): string {
  if (!number) return '';
  const parsed = parseDocumentNumber(number);
  const name = DOCUMENT_TYPES[type].name;
  if (!parsed) return `${number} ${name}`;
  const code = parsed.symbol.split(/[-/]/)[0] ?? '';
  const forms = [number, parsed.symbol, `${searchKey(code)}${parsed.serial}`, `${name} ${parsed.serial}`, `${searchKey(name)} ${parsed.serial}`];
  return [...new Set(forms)].join(' ');
}

export function indexFields(node: GraphNode, names: RegistryNames): IndexFields {
  const issuer = names.issuer(node.issuer) ?? node.issuer;
  const province = node.province ? (names.province(node.province) ?? node.province) : null;
  // A province merged in 2025 is found under both names: its documents belong to the new one too.
  const provinceNow = node.province ? (names.provinceNow?.(node.province) ?? null) : null;
  const topics = node.topics.map((id) => names.topic(id) ?? id);
  const status = STATUS_LABELS[node.effectiveStatus.status];
  return {
    filters: {
      loai: [DOCUMENT_TYPES[node.type].name],
      co_quan: [issuer, ...node.coIssuers.map((id) => names.issuer(id) ?? id)],
      nam: [String(node.year)],
      cap: [LEVEL_NAMES[node.level]],
      dia_phuong: [province, provinceNow].filter((x): x is string => x !== null),
      chu_de: topics,
      tinh_trang: [status],
    },
    numberLine: numberForms(node.type, node.number),
    places: [province, provinceNow].filter((x): x is string => x !== null),
    topics,
  };
}

/** Name lookups over the loaded registries (content/registries/*.yaml). */
export function registryNames(registries: {
  issuers: readonly { id: string; name: string }[];
  provinces: readonly { id: string; name: string; mergedInto?: { id: string } | null }[];
  topics: readonly { id: string; name: string }[];
}): RegistryNames {
  const map = (list: readonly { id: string; name: string }[]) => new Map(list.map((x) => [x.id, x.name]));
  const issuers = map(registries.issuers);
  const provinces = map(registries.provinces);
  const topics = map(registries.topics);
  const mergedInto = new Map(registries.provinces.flatMap((p) => (p.mergedInto ? [[p.id, p.mergedInto.id] as const] : [])));
  return {
    issuer: (id) => issuers.get(id),
    province: (id) => provinces.get(id),
    topic: (id) => topics.get(id),
    provinceNow: (id) => {
      const now = mergedInto.get(id);
      return now ? (provinces.get(now) ?? now) : undefined;
    },
  };
}
