import type { Transaction } from '@nocobase/database';
import type Application from '@nocobase/server';

export const CHANNEL = 'mq-in-app';

/** In-app messages through NocoBase's notification manager (the channel is created at install). */
export async function notify(
  app: Application,
  userIds: (number | null | undefined)[],
  title: string,
  content: string,
  transaction?: Transaction | null,
) {
  const receivers = [...new Set(userIds.filter((id): id is number => Boolean(id)))];
  if (!receivers.length) return;
  const manager = app.pm.get('notification-manager') as unknown as
    | { send(options: Record<string, unknown>): Promise<unknown> }
    | undefined;
  if (!manager) return;
  await manager.send({
    channelName: CHANNEL,
    message: { title, content },
    receivers: { type: 'userId', value: receivers },
    triggerFrom: 'minqing-supervision',
    transaction,
  });
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
