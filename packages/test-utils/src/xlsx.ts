import type { Agent } from './app';

/**
 * Uploads a sheet through NocoBase's import (`<collection>:importXlsx`), as the import button does:
 * `rows[0]` is the header; `fields[i]` is the field that column i fills.
 */
export async function importRows(
  agent: Agent,
  collection: string,
  fields: string[],
  rows: string[][],
  locale = 'zh-CN',
) {
  const XLSX = await import('xlsx');
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  const columns = fields.map((field, i) => ({ dataIndex: [field], defaultTitle: rows[0][i] }));
  return agent
    .post(`/${collection}:importXlsx`)
    .set('X-Locale', locale)
    .field('columns', JSON.stringify(columns))
    .attach('file', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }), `${collection}.xlsx`);
}
