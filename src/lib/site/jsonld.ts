/**
 * schema.org Legislation JSON-LD for a document page. Only facts from the graph; links
 * to other documents use their page URLs as @id.
 */
import type { GraphNode } from '../graph/types.ts';
import type { SiteData } from './data.ts';
import { absoluteUrl, type SiteUrls } from './urls.ts';
import { typeName } from './labels.ts';
import { RELATION_VOCABULARY, STATUS_VOCABULARY } from '../schema/vocabulary.ts';

type Json = Record<string, unknown>;

export function legislationJsonLd(data: SiteData, node: GraphNode, urls: SiteUrls, site: string | null): Json {
  const ref = (id: string): Json => {
    const n = data.node(id);
    return { '@id': absoluteUrl(site, urls.document(id)), ...(n ? { name: n.citation } : {}) };
  };
  // Each relation under its schema.org property from the vocabulary; one without a term is a citation.
  const byProperty = new Map<string, Set<string>>();
  for (const i of data.graph.outgoing[node.id] ?? []) {
    const e = data.graph.edges[i]!;
    const property = RELATION_VOCABULARY[e.type].schemaOrg ?? 'citation';
    byProperty.set(property, (byProperty.get(property) ?? new Set()).add(e.to));
  }
  const relations = Object.fromEntries([...byProperty].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, ids]) => [p, [...ids].sort().map(ref)]));
  const issuer = data.issuer(node.issuer);
  const org = (id: string): Json => ({ '@type': 'Organization', name: data.issuer(id)?.name ?? id });
  const out: Json = {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    '@id': absoluteUrl(site, urls.document(node.id)),
    url: absoluteUrl(site, urls.document(node.id)),
    name: node.citation,
    alternateName: node.number ? `${typeName(node.type)} số ${node.number}` : undefined,
    headline: node.title,
    inLanguage: 'vi',
    legislationType: typeName(node.type),
    legislationIdentifier: node.number ?? undefined,
    legislationDate: node.issued,
    legislationPassedBy: [issuer ? org(issuer.id) : { '@type': 'Organization', name: node.issuer }, ...node.coIssuers.filter((c) => c !== node.issuer).map(org)],
    legislationJurisdiction: node.province ? (data.province(node.province)?.name ?? node.province) : 'Việt Nam',
    legislationLegalForce: STATUS_VOCABULARY[node.effectiveStatus.status].schemaOrg ?? undefined,
    abstract: node.summary ?? undefined,
    keywords: node.topics.map((t) => data.topic(t)?.name ?? t),
    ...relations,
  };
  if (node.signer) out.author = { '@type': 'Person', name: node.signer };
  // Drop empty values: JSON-LD consumers treat [] and null as statements.
  for (const [k, v] of Object.entries(out)) {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) delete out[k];
  }
  return out;
}

/** JSON text safe inside a <script> element ("</script>" cannot close it early). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
