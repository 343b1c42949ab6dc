import type { Context } from '@nocobase/actions';
import { parseHolidayNotice } from '../domain/holidays';
import { calendarStatus } from '../services/holidays';
import { writeTransaction } from '../services/sqlite';
import { respondWith } from './respond';

/** the notice's title line, as the rows' source when the office gives none */
const titleOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /关于\s*\d{4}\s*年/.test(line))
    ?.slice(0, 120);

/**
 * `mqThreeLists:calendar` — the years the working-day calendar does not know (the warning) and the
 * office's table per year; `mqThreeLists:importHolidayNotice` { text, year?, source? } — the State
 * Council's notice pasted as text, its days written into mq_holidays (a day already there takes the
 * notice's kind and name), in one transaction. Both behind the plugin's settings snippet.
 */
export const holidayActions = {
  calendar: respondWith((ctx: Context) => calendarStatus(ctx.db)),
  importHolidayNotice: respondWith(async (ctx: Context) => {
    const { text = '', year, source } = (ctx.action.params.values ?? {}) as Record<string, unknown>;
    const days = parseHolidayNotice(String(text), year == null || year === '' ? undefined : Number(year));
    const note = (typeof source === 'string' && source.trim()) || titleOf(String(text)) || null;
    const repo = ctx.db.getRepository('mq_holidays');
    let created = 0;
    await writeTransaction(ctx.db, async (transaction) => {
      for (const { day, kind, name } of days) {
        const values = { day, kind, name, source: note };
        const existing = await repo.findOne({ filter: { day }, transaction });
        if (existing) await repo.update({ filterByTk: existing.get('id') as number, values, transaction, context: ctx });
        else {
          await repo.create({ values, transaction, context: ctx });
          created += 1;
        }
      }
    });
    return {
      holidays: days.filter((d) => d.kind === 'holiday').length,
      workdays: days.filter((d) => d.kind === 'workday').length,
      created,
      updated: days.length - created,
      ...(await calendarStatus(ctx.db)),
    };
  }),
};
