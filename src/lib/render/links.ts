/**
 * Link rules for rendered bodies:
 * - links to documents ("/van-ban/<id>/", "van-ban/<id>", "<id>.mdx", "../van-ban/<id>.mdx")
 *   become "__BASE__van-ban/<id>/" so pages can put the site base in front (the site may
 *   be published under a subpath);
 * - other site-absolute paths ("/chuyen-de/…") get the same "__BASE__" prefix;
 * - external links get rel="noopener";
 * - links with any other scheme (javascript:, data:, vbscript:…) lose their href: a body
 *   is data and must never carry code into the site.
 */
import type { Definition, Image, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** Placeholder for the site base in generated HTML; pages replace it. */
export const BASE_PLACEHOLDER = '__BASE__';

export function documentHref(id: string, fragment = ''): string {
  return `${BASE_PLACEHOLDER}van-ban/${id}/${fragment}`;
}

export interface LinkReport {
  /** Document ids linked by hand in the body, with the Markdown line. */
  documents: { id: string; line: number }[];
  /** Links dropped because of an unsafe scheme. */
  unsafe: { url: string; line: number }[];
}

const DOC_PATH = /^(?:\.{1,2}\/)*(?:\/?van-ban\/)?([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.mdx|\/)?(#[^\s]*)?$/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

export type LinkKind =
  | { kind: 'document'; id: string; href: string }
  | { kind: 'site'; href: string }
  | { kind: 'external'; href: string }
  | { kind: 'fragment'; href: string }
  | { kind: 'unsafe' };

export function classifyUrl(url: string): LinkKind {
  const u = url.trim();
  if (u.startsWith(BASE_PLACEHOLDER)) {
    const m = /^__BASE__van-ban\/([a-z0-9-]+)\//.exec(u);
    return m ? { kind: 'document', id: m[1]!, href: u } : { kind: 'site', href: u };
  }
  if (u.startsWith('#')) return { kind: 'fragment', href: u };
  const scheme = SCHEME.exec(u);
  if (scheme) {
    return SAFE_SCHEMES.has(scheme[1]!.toLowerCase()) ? { kind: 'external', href: u } : { kind: 'unsafe' };
  }
  if (u.startsWith('//')) return { kind: 'external', href: u };
  // A document link must say it is one: "van-ban/<id>" or "<id>.mdx"; a bare word is not.
  if (/(^|\/)van-ban\/|\.mdx(#|$)/.test(u)) {
    const m = DOC_PATH.exec(u);
    if (m) return { kind: 'document', id: m[1]!, href: documentHref(m[1]!, m[2] ?? '') };
  }
  if (u.startsWith('/')) return { kind: 'site', href: `${BASE_PLACEHOLDER}${u.slice(1)}` };
  return { kind: 'site', href: u };
}

/** Applies the link rules in place and reports document links and dropped links. */
export function rewriteLinks(tree: Root): LinkReport {
  const report: LinkReport = { documents: [], unsafe: [] };
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return;
    const n = node as Link | Definition | Image;
    const line = n.position?.start.line ?? 0;
    const kind = classifyUrl(n.url);
    if (kind.kind === 'unsafe') {
      report.unsafe.push({ url: n.url, line });
      n.url = '';
      if (n.type === 'link') n.data = { ...n.data, hName: 'span', hProperties: { className: ['link-removed'], href: undefined } };
      return;
    }
    n.url = kind.href;
    if (kind.kind === 'document' && !(n.data?.hProperties as Record<string, unknown> | undefined)?.dataDoc) {
      report.documents.push({ id: kind.id, line });
    }
    if (kind.kind === 'external' && n.type === 'link') {
      n.data = { ...n.data, hProperties: { ...(n.data?.hProperties ?? {}), rel: ['noopener'] } };
    }
  });
  // Reference-style links take their URL from the definition; mark them external too.
  const external = new Set<string>();
  visit(tree, 'definition', (d) => {
    if (classifyUrl(d.url).kind === 'external') external.add(d.identifier);
  });
  if (external.size) {
    visit(tree, 'linkReference', (r) => {
      if (external.has(r.identifier)) r.data = { ...r.data, hProperties: { ...(r.data?.hProperties ?? {}), rel: ['noopener'] } };
    });
  }
  return report;
}
