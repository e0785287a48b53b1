/**
 * The corpus coverage report behind `npm run check -- --report`: how much of the shipped
 * corpus a cadre can rely on (a source to open, a signer, a status with its source, dated
 * effect for State legal documents) and where the graph stops (documents cited but not in
 * the corpus). Computed from the built graph, so the figures are those the site shows;
 * the same function feeds the CLI and the test over the shipped corpus.
 */
import { DOCUMENT_TYPE_IDS, DOCUMENT_TYPES, type DocumentTypeId } from '../document-types.ts';
import type { Graph, GraphNode } from '../graph/types.ts';
import { parseDocumentNumber } from '../identity.ts';
import { LEVELS, LEVEL_NAMES, type Level } from '../schema/registries.ts';
import { RELATION_ORDER, RELATION_VOCABULARY, type RelationType } from '../schema/vocabulary.ts';

/** Types that are văn bản quy phạm pháp luật whatever their number looks like. */
const LEGAL_TYPES: ReadonlySet<DocumentTypeId> = new Set(['luat', 'phap-lenh', 'nghi-dinh', 'thong-tu']);

/**
 * A State legal (normative) document: a law, ordinance, decree or circular, or any other
 * State document whose number carries its year ("22/2018/QĐ-TTg", "04/2025/QĐ-UBND"), the
 * form the Law on legal documents reserves for normative texts. Its effective dates are
 * public facts (công báo, Điều khoản thi hành), so the report asks for them.
 */
export function isStateLegalDocument(node: Pick<GraphNode, 'type' | 'number'> & { system: 'dang' | 'nha-nuoc' | 'mat-tran-doan-the' }): boolean {
  if (node.system === 'dang') return false;
  if (LEGAL_TYPES.has(node.type)) return true;
  const parsed = node.number ? parseDocumentNumber(node.number) : null;
  return node.system === 'nha-nuoc' && parsed?.yearInNumber != null;
}

export type RelationOrigin = 'explicit-provenance' | 'explicit-plain' | 'inferred' | 'text';

export const ORIGIN_LABELS: Readonly<Record<RelationOrigin, string>> = {
  'explicit-provenance': 'ghi trong frontmatter, kèm nơi ghi và nguồn',
  'explicit-plain': 'ghi trong frontmatter, chưa có nơi ghi hoặc nguồn',
  inferred: 'đọc từ câu của toàn văn (có loại quan hệ)',
  text: 'trích dẫn trong toàn văn',
};

export interface DocumentReason {
  id: string;
  reason: string;
}

export interface CoverageReport {
  documents: number;
  byLevel: Record<Level, number>;
  byType: Partial<Record<DocumentTypeId, number>>;
  /** Provinces with at least one local document. */
  provinces: string[];
  /** Provinces one of whose documents records a relation to a central document (the Party → State → province chain). */
  provincesLinkedToCentre: string[];
  withSourceUrl: number;
  withoutSourceUrl: string[];
  withSigner: number;
  /** Declared status other than unknown (each with its source: the check requires it). */
  knownStatus: number;
  /** Known declared, or computed from the graph (replaced by a corpus document). */
  knownEffectiveStatus: number;
  /** Every document whose status stays unknown, with the reason written for it. */
  unknownStatus: DocumentReason[];
  stateLegal: number;
  stateLegalWithEffectiveFrom: number;
  /** State legal documents without effectiveFrom, with why (their status reason). */
  stateLegalWithoutEffectiveFrom: DocumentReason[];
  relationsByType: Partial<Record<RelationType, number>>;
  relationsByOrigin: Record<RelationOrigin, number>;
  implementationRecords: number;
  /** Documents cited (relations, full texts) or named (summaries) but not in the corpus, most cited first. */
  citedButMissing: { key: string; citedBy: number }[];
}

const hasUrl = (n: GraphNode) => n.sources.some((s) => typeof s.url === 'string' && s.url.length > 0);

function originOf(edge: Graph['edges'][number]): RelationOrigin {
  if (edge.origin !== 'explicit') return edge.origin;
  return edge.provenance?.where && edge.provenance.source ? 'explicit-provenance' : 'explicit-plain';
}

/** The coverage figures of a built graph. `systemOf` maps an issuer id to its system. */
export function coverageReport(graph: Graph, systemOf: (issuer: string) => 'dang' | 'nha-nuoc' | 'mat-tran-doan-the' | undefined): CoverageReport {
  const nodes = graph.nodes;
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  const byType: Partial<Record<DocumentTypeId, number>> = {};
  for (const n of nodes) {
    byLevel[n.level]++;
    byType[n.type] = (byType[n.type] ?? 0) + 1;
  }
  const stateLegal = nodes.filter((n) => {
    const system = systemOf(n.issuer);
    return system !== undefined && isStateLegalDocument({ type: n.type, number: n.number, system });
  });
  const relationsByType: Partial<Record<RelationType, number>> = {};
  const relationsByOrigin: Record<RelationOrigin, number> = { 'explicit-provenance': 0, 'explicit-plain': 0, inferred: 0, text: 0 };
  for (const e of graph.edges) {
    relationsByType[e.type] = (relationsByType[e.type] ?? 0) + 1;
    relationsByOrigin[originOf(e)]++;
  }
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const linked = new Set<string>();
  for (const e of graph.edges) {
    const from = nodeById.get(e.from);
    const to = nodeById.get(e.to);
    if (from?.province && to?.level === 'trung-uong') linked.add(from.province);
  }
  const reasonOf = (n: GraphNode) => n.statusReason ?? '(chưa ghi lý do)';
  return {
    documents: nodes.length,
    byLevel,
    byType,
    provinces: [...new Set(nodes.flatMap((n) => (n.province ? [n.province] : [])))].sort(),
    provincesLinkedToCentre: [...linked].sort(),
    withSourceUrl: nodes.filter(hasUrl).length,
    withoutSourceUrl: nodes.filter((n) => !hasUrl(n)).map((n) => n.id),
    withSigner: nodes.filter((n) => n.signer).length,
    knownStatus: nodes.filter((n) => n.status !== 'unknown').length,
    knownEffectiveStatus: nodes.filter((n) => n.effectiveStatus.status !== 'unknown').length,
    unknownStatus: nodes.filter((n) => n.status === 'unknown').map((n) => ({ id: n.id, reason: reasonOf(n) })),
    stateLegal: stateLegal.length,
    stateLegalWithEffectiveFrom: stateLegal.filter((n) => n.effectiveFrom).length,
    stateLegalWithoutEffectiveFrom: stateLegal.filter((n) => !n.effectiveFrom).map((n) => ({ id: n.id, reason: reasonOf(n) })),
    relationsByType,
    relationsByOrigin,
    implementationRecords: graph.implementations.length,
    citedButMissing: graph.unresolved
      .map((u) => ({ key: u.key, citedBy: new Set(u.citedBy.map((c) => c.id)).size }))
      .sort((a, b) => b.citedBy - a.citedBy || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
}

const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '-');

/** The report as text lines (Vietnamese), as `npm run check -- --report` prints it. */
export function coverageReportLines(r: CoverageReport, options: { missingShown?: number } = {}): string[] {
  const shown = options.missingShown ?? 20;
  const out: string[] = ['', `Báo cáo độ phủ: ${r.documents} văn bản`];
  out.push(`  Theo cấp: ${LEVELS.filter((l) => r.byLevel[l]).map((l) => `${LEVEL_NAMES[l]} ${r.byLevel[l]}`).join(', ')}`);
  out.push(`  Theo loại: ${DOCUMENT_TYPE_IDS.filter((t) => r.byType[t]).map((t) => `${DOCUMENT_TYPES[t].name} ${r.byType[t]}`).join(', ')}`);
  out.push(`  Tỉnh, thành có văn bản địa phương: ${r.provinces.length} (${r.provinces.join(', ')}); có văn bản ghi quan hệ tới văn bản Trung ương: ${r.provincesLinkedToCentre.length}`);
  out.push(`  Có nguồn mở được (URL): ${r.withSourceUrl}/${r.documents} (${pct(r.withSourceUrl, r.documents)})`);
  for (const id of r.withoutSourceUrl) out.push(`    chưa có URL: ${id}`);
  out.push(`  Có người ký: ${r.withSigner}/${r.documents} (${pct(r.withSigner, r.documents)})`);
  out.push(`  Tình trạng đã biết, có nguồn: ${r.knownStatus}/${r.documents} (${pct(r.knownStatus, r.documents)}); tính cả tình trạng suy ra từ quan hệ thay thế: ${r.knownEffectiveStatus} (${pct(r.knownEffectiveStatus, r.documents)})`);
  out.push(`  Văn bản quy phạm của Nhà nước có ngày hiệu lực: ${r.stateLegalWithEffectiveFrom}/${r.stateLegal} (${pct(r.stateLegalWithEffectiveFrom, r.stateLegal)})`);
  for (const d of r.stateLegalWithoutEffectiveFrom) out.push(`    chưa có ngày hiệu lực: ${d.id} - ${d.reason}`);
  out.push(`  Quan hệ theo loại: ${RELATION_ORDER.filter((t) => r.relationsByType[t]).map((t) => `${RELATION_VOCABULARY[t].forward} ${r.relationsByType[t]}`).join(', ') || 'không có'}`);
  out.push('  Quan hệ theo nguồn gốc:');
  for (const o of Object.keys(ORIGIN_LABELS) as RelationOrigin[]) out.push(`    ${ORIGIN_LABELS[o]}: ${r.relationsByOrigin[o]}`);
  out.push(`  Hồ sơ thực hiện: ${r.implementationRecords}`);
  out.push(`  Văn bản được nhắc nhưng chưa có trong kho: ${r.citedButMissing.length}${r.citedButMissing.length > shown ? ` (${shown} văn bản được nhắc nhiều nhất)` : ''}`);
  for (const m of r.citedButMissing.slice(0, shown)) out.push(`    ${m.key}: ${m.citedBy} văn bản nhắc`);
  out.push(`  Tình trạng chưa rõ: ${r.unknownStatus.length}`);
  for (const d of r.unknownStatus) out.push(`    ${d.id} - ${d.reason}`);
  return out;
}
