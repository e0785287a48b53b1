/** Builds the Pagefind index for a built site folder (argument), in place. */
import { createIndex, close } from 'pagefind';

const site = process.argv[2];
if (!site) {
  console.error('usage: node scripts/index-search.ts <built-site-folder>');
  process.exit(2);
}
const { index, errors } = await createIndex({});
if (!index) {
  console.error('Pagefind không khởi tạo được:', errors.join('; '));
  process.exit(1);
}
const added = await index.addDirectory({ path: site });
if (added.errors.length) {
  console.error('Pagefind lỗi khi đọc trang:', added.errors.join('; '));
  process.exit(1);
}
const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
if (written.errors.length) {
  console.error('Pagefind lỗi khi ghi chỉ mục:', written.errors.join('; '));
  process.exit(1);
}
console.log(`Pagefind: ${added.page_count} trang đã lập chỉ mục.`);
await close();
