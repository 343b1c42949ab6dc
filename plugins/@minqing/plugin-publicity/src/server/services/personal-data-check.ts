import type { Database, Model, Transaction } from '@nocobase/database';
import { describeMatches, findPersonalData } from '@minqing/plugin-three-lists';
import { refuse } from './errors';

/**
 * 公开文本不含个人信息: a summary, a typical case's story or a reply on the tracking page that
 * names the complainant, a student of the care ledger, or holds a mobile number, an ID number or
 * an address, is refused when it is about to be public, whichever path writes it (our actions,
 * a form, an import). The refusal shows each match with its middle hidden.
 */

async function knownNames(db: Database, problemId: unknown, transaction?: Transaction) {
  const names: string[] = [];
  if (problemId) {
    const reports = await db
      .getRepository('mq_public_reports')
      .find({ filter: { problemId }, fields: ['contactName'], transaction });
    names.push(...reports.map((r: Model) => r.get('contactName') as string));
  }
  // the care ledger's names: read by the system for this check only, never returned
  if (db.hasCollection('mq_care_students')) {
    const students = await db.getModel('mq_care_students').findAll({
      attributes: ['studentName', 'guardianName'],
      raw: true,
      transaction,
      hooks: false,
    } as any);
    for (const s of students as any[]) names.push(s.studentName, s.guardianName);
  }
  return names.filter(Boolean);
}

async function check(db: Database, texts: unknown[], problemId: unknown, transaction?: Transaction) {
  const strings = texts.filter((t): t is string => typeof t === 'string' && t.length > 0);
  if (!strings.length) return;
  const names = await knownNames(db, problemId, transaction);
  const matches = strings.flatMap((text) => findPersonalData(text, { names }));
  if (matches.length) {
    throw refuse(
      'PERSONAL_DATA_IN_PUBLIC_TEXT',
      'The public text contains personal data: {{matches}}. Remove it before publishing',
      { matches: describeMatches(matches) },
    );
  }
}

const anyChanged = (model: Model, keys: string[]) => keys.some((k) => model.changed(k as any));

export function checkPublicTexts(db: Database) {
  db.on('mq_problems.beforeSave', async (model: Model, options: { transaction?: Transaction }) => {
    if (!model.get('isPublic') || !anyChanged(model, ['isPublic', 'publicTitle', 'publicSummary'])) return;
    await check(db, [model.get('publicTitle'), model.get('publicSummary')], model.get('id'), options?.transaction);
  });
  db.on('mq_cases.beforeSave', async (model: Model, options: { transaction?: Transaction }) => {
    if (!model.get('isPublished') || !anyChanged(model, ['isPublished', 'title', 'story', 'outcome'])) return;
    await check(
      db,
      [model.get('title'), model.get('story'), model.get('outcome')],
      model.get('problemId'),
      options?.transaction,
    );
  });
  db.on('mq_public_reports.beforeSave', async (model: Model, options: { transaction?: Transaction }) => {
    if (!model.get('reply') || !anyChanged(model, ['reply'])) return;
    const names = [model.get('contactName') as string];
    const matches = findPersonalData(model.get('reply') as string, { names: [...names, ...(await knownNames(db, null, options?.transaction))] });
    if (matches.length) {
      throw refuse(
        'PERSONAL_DATA_IN_PUBLIC_TEXT',
        'The public text contains personal data: {{matches}}. Remove it before publishing',
        { matches: describeMatches(matches) },
      );
    }
  });
}
