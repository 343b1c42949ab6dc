import type Application from '@nocobase/server';
import { maskPersonalData, writeTransaction } from '@minqing/plugin-three-lists';
import { newTrackingCode, normalizeTrackingCode } from '../domain/codes';
import { cleanText, EMAIL, PHONE } from '../domain/text';
import { refuse } from './errors';
import { followedProblem } from './duplicates';
import { currentEvaluation } from './evaluation';
import { decodePhotos, storePhotos } from './photos';
import { categoryOptions } from './public-read';
import type { PublicitySettings } from '../domain/settings';
import { publicitySettings } from './settings';

export interface Submission {
  category?: unknown;
  unitId?: unknown;
  description?: unknown;
  contactName?: unknown;
  contactPhone?: unknown;
  contactEmail?: unknown;
  photos?: unknown;
  /** the code of a published problem the person follows instead of reporting anew */
  sameAs?: unknown;
}

function optionalText(value: unknown, max: number, field: string) {
  if (value === undefined || value === null) return null;
  const text = cleanText(value, max);
  if (text === undefined)
    throw refuse('TOO_LONG', '{{field}} is too long (at most {{max}} characters)', { field, max });
  return text || null;
}

/** Where a report came from, kept on the report for the office (never shown to the public). */
export interface ReportOrigin {
  channel?: 'web' | 'open311';
  /** the Open311 client system (its API key's user) */
  clientName?: string | null;
  /** the reporter's language: the updates sent to them are in it */
  locale?: string | null;
  location?: string | null;
  mediaUrl?: string | null;
}

/** The languages reporter updates are written in; anything else gets the first. */
export const REPORTER_LOCALES = ['zh-CN', 'en-US'] as const;

export function reporterLocale(value: unknown): (typeof REPORTER_LOCALES)[number] {
  const wanted = typeof value === 'string' ? value.split(',')[0].trim().toLowerCase() : '';
  return REPORTER_LOCALES.find((l) => wanted.startsWith(l.toLowerCase().slice(0, 2))) ?? REPORTER_LOCALES[0];
}

/**
 * POST mqPublic:submit — 接诉即办 from someone without an account: the problem (source 接诉即办)
 * and the report with the contact details, in one transaction; answers with the tracking code.
 */
export async function submitReport(
  app: Application,
  values: Submission,
  settings?: PublicitySettings,
  origin: ReportOrigin = {},
) {
  const db = app.db;
  settings ??= await publicitySettings.get(db);
  const description = cleanText(values.description, settings.maxDescriptionLength);
  if (description === undefined && typeof values.description === 'string') {
    throw refuse('TOO_LONG', '{{field}} is too long (at most {{max}} characters)', {
      field: 'Description',
      max: settings.maxDescriptionLength,
    });
  }
  if (!description || description.length < 5) {
    throw refuse('DESCRIPTION_REQUIRED', 'Please describe the problem (at least 5 characters)');
  }
  const categories = categoryOptions(db).map((o) => o.value);
  const category =
    values.category === undefined || values.category === null || values.category === '' ? 'other' : values.category;
  if (typeof category !== 'string' || !categories.includes(category)) {
    throw refuse('INVALID_CATEGORY', 'Please choose a category from the list');
  }
  let unitId: number | null = null;
  if (values.unitId !== undefined && values.unitId !== null && values.unitId !== '') {
    unitId = Number(values.unitId);
    const unit = Number.isInteger(unitId) ? await db.getRepository('mq_units').findOne({ filterByTk: unitId }) : null;
    if (!unit) throw refuse('UNIT_NOT_FOUND', 'The unit you chose does not exist; please choose it again');
  }
  const contactName = optionalText(values.contactName, 50, 'Name');
  const contactPhone = optionalText(values.contactPhone, 20, 'Phone');
  const contactEmail = optionalText(values.contactEmail, 100, 'E-mail');
  if (contactPhone && !PHONE.test(contactPhone)) throw refuse('INVALID_PHONE', 'The phone number is not valid');
  if (contactEmail && !EMAIL.test(contactEmail)) throw refuse('INVALID_EMAIL', 'The e-mail address is not valid');
  const photos = decodePhotos(values.photos, settings.maxPhotos, settings.maxPhotoKB);

  // 来件原文 stays with the report (mq_admin only); the problem, which every handler sees, gets the
  // text with phones, ID numbers, addresses and the contact's name masked ([电话]…). A bureau's
  // office reads the original when it needs to call back; nobody else needs it.
  const masked = maskPersonalData(description, { names: [contactName] });
  const firstLine = masked.split(/\r?\n/)[0];
  const title = firstLine.length > 40 ? `${firstLine.slice(0, 40)}…` : firstLine;
  const following = values.sameAs !== undefined && values.sameAs !== null && values.sameAs !== '';
  return writeTransaction(db, async (transaction) => {
    // one problem, several reporters: following a published problem adds a report to it, no problem
    const problem = following
      ? await followedProblem(db, values.sameAs, transaction)
      : await db.getRepository('mq_problems').create({
          values: { title, description: masked, category, unitId, source: 'complaint' },
          transaction,
        });
    const photoIds = await storePhotos(app, photos, transaction);
    const trackingCode = newTrackingCode();
    const report = await db.getRepository('mq_public_reports').create({
      values: {
        problemId: problem.get('id'),
        // what this person wrote: on the problem when it is theirs, here when they follow another
        followerText: following ? description : null,
        trackingCode,
        contactName,
        contactPhone,
        contactEmail,
        description,
        photos: photoIds.map((id) => ({ id })),
        channel: origin.channel ?? 'web',
        clientName: origin.clientName ?? null,
        locale: reporterLocale(origin.locale),
        location: origin.location ?? null,
        mediaUrl: origin.mediaUrl ?? null,
      },
      transaction,
    });
    return { trackingCode, submittedAt: (report.get('createdAt') as Date).toISOString(), ...(following ? { following: true } : {}) };
  });
}

/** GET mqPublic:track?code= — where a report stands: status, dates, the reply; no content, no names. */
export async function trackReport(app: Application, code: unknown) {
  const db = app.db;
  const trackingCode = normalizeTrackingCode(code);
  if (!trackingCode) throw refuse('INVALID_CODE', 'The tracking code is not valid: it looks like JS-XXXX-XXXX-XXXX');
  const report = await db.getRepository('mq_public_reports').findOne({
    filter: { trackingCode },
    fields: ['id', 'trackingCode', 'problemId', 'reply', 'createdAt'],
  });
  const problem = report
    ? await db.getRepository('mq_problems').findOne({
        filterByTk: report.get('problemId') as number,
        fields: ['id', 'category', 'status', 'unitId', 'assignedAt', 'acceptedAt', 'doneAt', 'closedAt', 'reopenedAt'],
        appends: ['unit'],
      })
    : null;
  if (!report || !problem) throw refuse('REPORT_NOT_FOUND', 'No report has this tracking code', {}, 404);
  const responsibility = await db.getRepository('mq_responsibilities').findOne({
    filter: { problemId: problem.get('id'), active: true },
    fields: ['deadline'],
  });
  const at = (key: string) => {
    const value = problem.get(key) as Date | null;
    return value ? new Date(value).toISOString() : null;
  };
  const unit = problem.get('unit') as any;
  return {
    trackingCode,
    category: problem.get('category') as string,
    status: problem.get('status') as string,
    unit: unit ? { id: Number(unit.get('id')), name: unit.get('name') as string } : null,
    deadline: (responsibility?.get('deadline') as string) ?? null,
    progress: [
      { step: 'submitted', at: new Date(report.get('createdAt') as Date).toISOString() },
      { step: 'assigned', at: at('assignedAt') },
      { step: 'accepted', at: at('acceptedAt') },
      { step: 'done', at: at('doneAt') },
      { step: 'closed', at: at('closedAt') },
      ...(problem.get('reopenedAt') ? [{ step: 'reopened', at: at('reopenedAt') }] : []),
    ],
    reply: (report.get('reply') as string) || null,
    evaluation: await currentEvaluation(db, Number(report.get('id'))),
  };
}
