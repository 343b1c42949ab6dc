/**
 * The writes a crash test kills the server in the middle of, all sent at once and never awaited
 * here: an Excel import of 200 problems (`crash-import-<i>`), 30 visits with 3 problems each
 * (`crash-<n>` / `crash-<n>-<k>`) and an assignment of each problem in `toAssign` to `personId`.
 * Each promise settles with what `answer` reads from the response, or 'cut' when the connection
 * went. Used by test/stock/restart.test.ts (the real CLI, SQLite) and
 * test/server/kill-during-writes.test.ts (PostgreSQL).
 */
export async function crashLoad<T>(options: {
  url: string;
  headers: Record<string, string>;
  unitId: number;
  toAssign: number[];
  personId: number;
  answer: (res: Response) => T | Promise<T>;
}): Promise<Promise<T | 'cut'>[]> {
  const { url, headers, unitId, toAssign, personId, answer } = options;
  const send = (action: string, body: BodyInit, json = true) =>
    fetch(`${url}/api/${action}`, {
      method: 'POST',
      headers: { ...headers, 'X-Locale': 'zh-CN', ...(json ? { 'Content-Type': 'application/json' } : {}) },
      body,
    }).then(answer, () => 'cut' as const);
  const XLSX = await import('xlsx');
  const book = XLSX.utils.book_new();
  const rows = [['标题', '问题来源'], ...Array.from({ length: 200 }, (_, i) => [`crash-import-${i}`, '前期遗留'])];
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  const form = new FormData();
  form.append(
    'columns',
    JSON.stringify([
      { dataIndex: ['title'], defaultTitle: '标题' },
      { dataIndex: ['source'], defaultTitle: '问题来源' },
    ]),
  );
  form.append('file', new Blob([XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })]), 'mq_problems.xlsx');
  return [
    send('mq_problems:importXlsx', form, false),
    ...Array.from({ length: 30 }, (_, n) =>
      send(
        'mq_visits:create',
        JSON.stringify({ unitId, summary: `crash-${n}`, problems: [1, 2, 3].map((k) => ({ title: `crash-${n}-${k}` })) }),
      ),
    ),
    ...toAssign.map((id) => send(`mq_problems:assign?filterByTk=${id}`, JSON.stringify({ personId }))),
  ];
}
