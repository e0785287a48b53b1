/** Writes a file whole or not at all: a temporary file in the same folder, then a rename. */
import { renameSync, writeFileSync } from 'node:fs';

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}
