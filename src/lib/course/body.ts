/**
 * A module's body sits under the page's own "Nội dung chuyên đề" heading (h2), so its
 * headings move one level down to keep the outline valid for screen readers.
 */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-5])(?=[\s>])/g, (_m, slash: string, level: string) => `<${slash}h${Number(level) + 1}`);
}
