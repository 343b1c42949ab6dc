import type { Database, Model } from '@nocobase/database';
import type Application from '@nocobase/server';
import { onLoopStep, type LoopStepEvent } from '@minqing/plugin-three-lists';
import {
  publicLinks,
  renderUpdate,
  REPORTER_STEPS,
  templateSetting,
  type ReporterLocale,
  type ReporterStep,
} from '../domain/reporter-updates';
import type { PublicitySettings } from '../domain/settings';
import { currentEvaluation } from './evaluation';
import { publicitySettings } from './settings';

interface NotificationManager {
  send(options: Record<string, unknown>): Promise<unknown>;
}

export interface Recipient {
  reportId: number;
  code: string;
  email: string;
  locale: ReporterLocale;
  reply: string;
}

/**
 * Tells every reporter of a problem (merged duplicates included) what happened to it, at the
 * steps REPORTER_STEPS names, through the notification channel the office chose (an e-mail
 * channel of plugin-notification-email), in the reporter's language. Sent once the step is
 * committed: nobody hears of a step that was rolled back. A failed send is logged, never undoes
 * the step.
 */
export function notifyReporters(app: Application) {
  const db = app.db;
  for (const step of REPORTER_STEPS) {
    onLoopStep(db, step, async ({ problemId, transaction }: LoopStepEvent) => {
      const settings = await publicitySettings.get(db, transaction);
      if (!settings.notificationChannel) return;
      const recipients = await recipientsOf(db, problemId, transaction);
      if (!recipients.length) return;
      const send = () => sendUpdates(app, step, recipients, settings);
      if (transaction?.afterCommit) transaction.afterCommit(() => void send());
      else void send();
    });
  }
}

export async function recipientsOf(db: Database, problemId: number, transaction?: unknown): Promise<Recipient[]> {
  const reports = await db.getRepository('mq_public_reports').find({
    filter: { problemId, contactEmail: { $notEmpty: true } },
    fields: ['id', 'trackingCode', 'contactEmail', 'locale', 'reply'],
    sort: ['id'],
    transaction: transaction as never,
  });
  return reports.map((r: Model) => ({
    reportId: Number(r.get('id')),
    code: r.get('trackingCode') as string,
    email: r.get('contactEmail') as string,
    locale: (r.get('locale') === 'en-US' ? 'en-US' : 'zh-CN') as ReporterLocale,
    reply: (r.get('reply') as string) || '',
  }));
}

/** Each reporter gets their own message (their code, their link): no reporter sees another's address. */
export async function sendUpdates(app: Application, step: ReporterStep, recipients: Recipient[], settings: PublicitySettings) {
  const manager = app.pm.get('notification-manager') as unknown as NotificationManager | undefined;
  if (!manager) return;
  const base = settings.publicBaseUrl || `http://localhost:${process.env.APP_PORT || 13000}`;
  for (const recipient of recipients) {
    try {
      const evaluation = step === 'complete' ? await currentEvaluation(app.db, recipient.reportId) : undefined;
      const token = evaluation?.state === 'open' ? evaluation.token : undefined;
      const template = settings[templateSetting(step, recipient.locale)];
      const { subject, text } = renderUpdate(template, {
        code: recipient.code,
        reply: recipient.reply,
        days: settings.evaluationDays,
        ...publicLinks(base, recipient.code, token),
      });
      await manager.send({
        channelName: settings.notificationChannel,
        message: { to: [recipient.email], subject, contentType: 'text', text, title: subject, content: text },
        triggerFrom: 'minqing-publicity',
      });
      if (token) {
        await app.db
          .getRepository('mq_public_reports')
          .update({ filterByTk: recipient.reportId, values: { evaluationSentAt: new Date() } });
      }
    } catch (error) {
      app.logger.warn(`[minqing-publicity] could not tell report ${recipient.reportId} of its ${step}: ${error}`);
    }
  }
}
