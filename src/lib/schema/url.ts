/**
 * The one schema for a URL in content: an absolute http(s) address on a named host.
 * A frontmatter URL ends up in `<a href>`, the feed and the open data, so `javascript:`,
 * `data:`, `file:` and the like are refused here rather than hoped away by the CSP.
 */
import { z } from 'zod';

/** Longest URL accepted (browsers and servers commonly stop near 2,000 characters). */
export const MAX_URL_LENGTH = 2000;

export const httpUrl = z
  .url({
    protocol: /^https?$/,
    hostname: z.regexes.domain,
    error: 'cần một địa chỉ web đầy đủ bắt đầu bằng http:// hoặc https:// (không nhận javascript:, data:, file: …)',
  })
  .max(MAX_URL_LENGTH, `địa chỉ dài quá ${MAX_URL_LENGTH} ký tự`);
