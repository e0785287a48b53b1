/**
 * The open-data files (/api/documents.json, /api/graph.json). Their shape is documented
 * in docs/open-data.md; change both together.
 */
import type { SiteData } from './data.ts';
import { absoluteUrl, type SiteUrls } from './urls.ts';
import { STATUS_LABELS, shortName, typeName } from './labels.ts';

export const OPEN_DATA_VERSION = 1;

export function documentsJson(data: SiteData, urls: SiteUrls, site: string | null) {
  const documents = [...data.nodes]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((n) => ({
      id: n.id,
      url: absoluteUrl(site, urls.document(n.id)),
      type: n.type,
      typeName: typeName(n.type),
      number: n.number,
      key: n.key,
      issued: n.issued,
      issuer: n.issuer,
      issuerName: data.issuer(n.issuer)?.name ?? null,
      coIssuers: n.coIssuers,
      signer: n.signer,
      title: n.title,
      citation: n.citation,
      summary: n.summary,
      province: n.province,
      level: n.level,
      topics: n.topics,
      status: n.status,
      statusAsOf: n.statusAsOf,
      statusSource: n.statusSource,
      effectiveFrom: n.effectiveFrom,
      effectiveTo: n.effectiveTo,
      effectiveStatus: { ...n.effectiveStatus, label: STATUS_LABELS[n.effectiveStatus.status] },
      history: n.history,
      fullText: n.fullText,
      sources: n.sources,
    }));
  return { version: OPEN_DATA_VERSION, count: documents.length, documents };
}

export function graphJson(data: SiteData, urls: SiteUrls, site: string | null) {
  const g = data.graph;
  return {
    version: OPEN_DATA_VERSION,
    nodes: [...data.nodes]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((n) => ({
        id: n.id,
        url: absoluteUrl(site, urls.document(n.id)),
        label: shortName(n),
        type: n.type,
        issued: n.issued,
        issuer: n.issuer,
        province: n.province,
        effectiveStatus: n.effectiveStatus.status,
      })),
    edges: g.edges.map((e) => ({
      from: e.from,
      to: e.to,
      type: e.type,
      origin: e.origin,
      evidence: e.evidence.map((ev) => ({ sentence: ev.sentence, heading: ev.heading, anchor: ev.anchor })),
      ...(e.provenance ? { provenance: e.provenance } : {}),
    })),
    unresolved: g.unresolved.map((u) => ({
      key: u.key,
      type: u.type,
      number: u.number,
      year: u.year,
      province: u.province,
      issuer: u.issuer,
      citedBy: [...new Set(u.citedBy.map((c) => c.id))],
    })),
  };
}
