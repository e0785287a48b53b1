/**
 * Renders a laid-out diagram as an inline SVG string. No inline styles (the site's CSP
 * forbids them): everything is styled by classes from the site stylesheet.
 */
import type { DiagramLayout } from './layout.ts';
import { escapeHtml } from '../text/html.ts';

/** Shortens a line to fit a node (about 7 px per character at the node font size). */
export function fitText(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1))}…`;
}

export interface SvgLabels {
  /** Unique prefix for ids inside the SVG. */
  idPrefix: string;
  title: string;
  desc: string;
}

export function renderDiagramSvg(layout: DiagramLayout, labels: SvgLabels): string {
  const { width, height, options: o } = layout;
  const p = labels.idPrefix;
  const maxChars = Math.floor((o.nodeWidth - 12) / 7);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="dg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-labelledby="${p}-title ${p}-desc">`,
    `<title id="${p}-title">${escapeHtml(labels.title)}</title>`,
    `<desc id="${p}-desc">${escapeHtml(labels.desc)}</desc>`,
    `<defs><marker id="${p}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="dg-arrow" d="M0 0L10 5L0 10z"/></marker></defs>`,
  );
  out.push('<g class="dg-axis" aria-hidden="true">');
  for (const t of layout.ticks) {
    out.push(`<line x1="${t.x}" y1="${o.axisHeight - 6}" x2="${t.x}" y2="${height - o.margin / 2}"/><text x="${t.x}" y="${o.axisHeight - 10}" text-anchor="middle">${escapeHtml(t.label)}</text>`);
  }
  out.push('</g><g class="dg-edges" aria-hidden="true">');
  for (const e of layout.edges) {
    const cls = `dg-edge dg-rel-${e.type}${e.inferred ? ' dg-inferred' : ''}`;
    out.push(`<path class="${cls}" d="${e.d}" marker-end="url(#${p}-arrow)"/>`);
  }
  out.push('</g><g class="dg-nodes">');
  for (const n of layout.nodes) {
    const cls = ['dg-node', n.center ? 'dg-center' : `dg-hop-${n.hop}`, ...(n.classes ?? [])].join(' ');
    const rect = `<rect x="${n.x}" y="${n.y}" width="${o.nodeWidth}" height="${o.nodeHeight}" rx="4"/>`;
    const lineHeight = 15;
    const firstBaseline = n.y + (o.nodeHeight - lineHeight * n.lines.length) / 2 + 11.5;
    const text = n.lines
      .map((line, i) => `<text x="${n.x + o.nodeWidth / 2}" y="${round(firstBaseline + i * lineHeight)}" text-anchor="middle" class="dg-line-${i}">${escapeHtml(fitText(line, maxChars))}</text>`)
      .join('');
    const title = `<title>${escapeHtml(n.title)}</title>`;
    out.push(
      n.center
        ? `<g class="${cls}" aria-current="page">${title}${rect}${text}</g>`
        : `<a class="${cls}" href="${escapeHtml(n.href)}">${title}${rect}${text}</a>`,
    );
  }
  out.push('</g></svg>');
  return out.join('');
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
