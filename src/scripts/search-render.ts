/**
 * DOM builders for search results. Text from the index and from the query only ever goes
 * into text nodes (never innerHTML), so a query or page text cannot inject markup.
 */
import type { DirectHit } from '../lib/search/direct-hits.ts';
import type { ExcerptPart } from '../lib/search/excerpt.ts';
import type { ResultPage } from './search-engine.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function excerptNode(parts: readonly ExcerptPart[], className = 'search-hit__excerpt'): HTMLParagraphElement {
  const p = el('p', className);
  for (const part of parts) p.append(part.mark ? el('mark', undefined, part.text) : document.createTextNode(part.text));
  return p;
}

export function directHitItem(hit: DirectHit, base: string): HTMLLIElement {
  const li = el('li', 'search-hit search-hit--direct');
  const a = el('a', 'search-hit__title');
  a.href = base + hit.path;
  a.append(el('strong', undefined, hit.label));
  li.append(a);
  if (hit.missing) li.append(el('span', 'search-hit__missing', 'Chưa có trong kho'));
  if (hit.detail) li.append(el('p', 'search-hit__meta', hit.detail));
  if (hit.entry.h) li.append(el('p', 'search-hit__summary', hit.entry.h));
  return li;
}

export function resultItem(result: ResultPage): HTMLLIElement {
  const li = el('li', 'search-hit');
  const a = el('a', 'search-hit__title', result.title);
  a.href = result.url;
  li.append(a);
  if (result.summary) li.append(excerptNode(result.summaryParts, 'search-hit__summary'));
  if (result.details.length) li.append(el('p', 'search-hit__meta', result.details.join(' · ')));
  if (result.excerpt.length) li.append(excerptNode(result.excerpt));
  return li;
}
