import type { Transaction } from '@nocobase/database';
import type Application from '@nocobase/server';
import { languagesOf, wordsIn, type Lang, type Words } from './words';

export const CHANNEL = 'mq-in-app';

export type Message = (words: Words, lang: Lang) => { title: string; content: string };

/**
 * In-app messages through NocoBase's notification manager (the channel is created at install),
 * each receiver's in their own language: one message per language among the receivers.
 */
export async function notify(
  app: Application,
  userIds: (number | null | undefined)[],
  message: Message,
  transaction?: Transaction | null,
) {
  const receivers = [...new Set(userIds.filter((id): id is number => Boolean(id)))];
  if (!receivers.length) return;
  const manager = app.pm.get('notification-manager') as unknown as
    | { send(options: Record<string, unknown>): Promise<unknown> }
    | undefined;
  if (!manager) return;
  const languages = await languagesOf(app.db, receivers, transaction);
  for (const lang of [...new Set(languages.values())]) {
    await manager.send({
      channelName: CHANNEL,
      message: message(wordsIn(lang), lang),
      receivers: { type: 'userId', value: receivers.filter((id) => languages.get(id) === lang) },
      triggerFrom: 'minqing-supervision',
      transaction,
    });
  }
}

export async function ensureChannel(app: Application) {
  const channels = app.db.getRepository('notificationChannels');
  if (!channels || (await channels.findOne({ filter: { name: CHANNEL } }))) return;
  await channels.create({
    values: {
      name: CHANNEL,
      title: '{{t("Minqing in-app messages", { ns: "@minqing/plugin-supervision" })}}',
      notificationType: 'in-app-message',
      options: {},
      description: 'Supervision, escalation and revisit notices of Minqing',
    },
  });
}
