/**
 * schema.org Legislation JSON-LD for a document page. Only facts from the graph; links
 * to other documents use their page URLs as @id.
 */
import type { GraphNode } from '../graph/types.ts';
import type { SiteData } from './data.ts';
import { absoluteUrl, type SiteUrls } from './urls.ts';
import { typeName } from './labels.ts';

const LEGAL_FORCE: Record<string, string | undefined> = {
  'in-force': 'https://schema.org/InForce',
  'partly-in-force': 'https://schema.org/PartiallyInForce',
  'not-in-force': 'https://schema.org/NotInForce',
  superseded: 'https://schema.org/NotInForce',
  unknown: undefined,
};

type Json = Record<string, unknown>;

export function legislationJsonLd(data: SiteData, node: GraphNode, urls: SiteUrls, site: string | null): Json {
  const ref = (id: string): Json => {
    const n = data.node(id);
    return { '@id': absoluteUrl(site, urls.document(id)), ...(n ? { name: n.citation } : {}) };
  };
  const targets = (types: string[]): Json[] => {
    const ids = new Set<string>();
    for (const i of data.graph.outgoing[node.id] ?? []) {
      const e = data.graph.edges[i]!;
      if (types.includes(e.type)) ids.add(e.to);
    }
    return [...ids].sort().map(ref);
  };
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
    legislationLegalForce: LEGAL_FORCE[node.effectiveStatus.status],
    abstract: node.summary ?? undefined,
    keywords: node.topics.map((t) => data.topic(t)?.name ?? t),
    legislationChanges: targets(['replaces']),
    legislationAmends: targets(['amends']),
    legislationRepeals: targets(['repeals']),
    legislationApplies: targets(['implements', 'guides']),
    isBasedOn: targets(['basedOn']),
    citation: targets(['cites', 'continues']),
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
