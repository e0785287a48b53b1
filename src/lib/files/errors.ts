/**
 * File-system errors said in words, for the command-line tools: an editor who runs
 * `npm run import` on a full disk or a read-only folder gets a sentence, not a stack trace.
 */

const REASONS: Record<string, string> = {
  ENOSPC: 'ổ đĩa đã đầy',
  EDQUOT: 'đã hết hạn mức dung lượng',
  EROFS: 'hệ thống tệp chỉ cho đọc',
  EACCES: 'không có quyền',
  EPERM: 'không được phép',
  ENOENT: 'không tìm thấy',
  ENOTDIR: 'một phần của đường dẫn không phải thư mục',
  EISDIR: 'là thư mục, không phải tệp',
  ELOOP: 'liên kết tượng trưng (symlink) trỏ vòng',
  EEXIST: 'đã có',
  EMFILE: 'mở quá nhiều tệp cùng lúc',
  EIO: 'lỗi đọc/ghi của thiết bị',
};

/** The error code of a file-system error, or null for anything else. */
export function errnoCode(e: unknown): string | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** "không ghi được tệp X: ổ đĩa đã đầy (ENOSPC)". `action` is the verb phrase ("ghi được", "đọc được"). */
export function fileErrorMessage(e: unknown, action: string, path: string): string {
  const code = errnoCode(e);
  const reason = code ? (REASONS[code] ?? 'lỗi hệ thống tệp') : e instanceof Error ? e.message : String(e);
  return `không ${action} "${path}": ${reason}${code ? ` (${code})` : ''}`;
}
