/** Text as a literal inside a regular expression: names and aliases from data become patterns. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
