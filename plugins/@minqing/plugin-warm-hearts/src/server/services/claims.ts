import type { Context } from '@nocobase/actions';
import { Op, type Database, type Model } from '@nocobase/database';
import { classifyLeaders, isLockConflict, writeTransaction } from '@minqing/plugin-three-lists';
import { refuse } from './errors';
import { warmHeartsSettings } from './settings';

function isAdmin(ctx: Context) {
  const roles = [ctx.state.currentRole, ...((ctx.state.currentRoles as string[]) ?? [])];
  return roles.includes('mq_admin') || roles.includes('root');
}

/** The leader a claim is for: oneself, or whom an administrator names. */
function leaderOf(ctx: Context): number {
  const values = ctx.action.params.values ?? {};
  const me = ctx.state.currentUser?.id;
  if (values.leaderId && Number(values.leaderId) !== me) {
    if (!isAdmin(ctx)) throw refuse('NOT_YOURS', 'Only the campaign office may claim for someone else', {}, 403);
    return Number(values.leaderId);
  }
  return me;
}

/**
 * POST mq_livelihood_projects:claim?filterByTk= — 认领. One transaction: the project's free slot is
 * taken by a conditional update (two leaders after the last slot: one wins, the other gets 409),
 * the leader's own count is checked against the range under a lock on the leader.
 */
export async function claimProject(ctx: Context) {
  const db = ctx.db;
  const projectId = Number(ctx.action.params.filterByTk);
  const leaderId = leaderOf(ctx);
  const settings = await warmHeartsSettings.get(db);
  try {
    return await writeTransaction(db, async (transaction) => {
      const projects = db.getModel('mq_livelihood_projects');
      const project = await projects.findByPk(projectId, { transaction });
      if (!project) throw refuse('PROJECT_NOT_FOUND', 'Project {{id}} does not exist', { id: projectId }, 404);
      const leader = await db.getModel('users').findByPk(leaderId, { transaction, lock: transaction.LOCK?.UPDATE });
      if (!leader) throw refuse('LEADER_NOT_FOUND', 'User {{id}} does not exist', { id: leaderId }, 404);
      const claims = db.getModel('mq_project_claims');
      if (await claims.findOne({ where: { projectId, leaderId, active: true }, transaction })) {
        throw refuse('ALREADY_CLAIMED', 'You have already claimed this project', {}, 409);
      }
      const held = await claims.count({ where: { leaderId, active: true }, transaction });
      if (held >= settings.maxProjectsPerLeader) {
        throw refuse(
          'CLAIM_LIMIT',
          'Each leader claims at most {{max}} projects; release one first',
          {
            max: settings.maxProjectsPerLeader,
          },
          409,
        );
      }
      const [taken] = await projects.update(
        {
          claimedCount: db.sequelize.literal(
            `${db.sequelize.getQueryInterface().quoteIdentifier(projects.rawAttributes.claimedCount.field as string)} + 1`,
          ) as any,
        },
        {
          where: {
            id: projectId,
            claimedCount: { [Op.lt]: db.sequelize.col(projects.rawAttributes.leaderSlots.field as string) },
          },
          transaction,
          hooks: false,
        },
      );
      if (!taken) throw refuse('NO_SLOT_LEFT', 'Someone else has just claimed the last place on this project', {}, 409);
      const claim = await db.getRepository('mq_project_claims').create({
        values: { projectId, leaderId, claimedAt: new Date(), active: true },
        transaction,
        context: ctx,
      });
      return claim.toJSON();
    });
  } catch (error) {
    if (isLockConflict(error))
      throw refuse('NO_SLOT_LEFT', 'Someone else has just claimed the last place on this project', {}, 409);
    throw error;
  }
}

/** POST mq_livelihood_projects:release?filterByTk= — a leader gives a project back */
export async function releaseProject(ctx: Context) {
  const db = ctx.db;
  const projectId = Number(ctx.action.params.filterByTk);
  const leaderId = leaderOf(ctx);
  return writeTransaction(db, async (transaction) => {
    const claims = db.getModel('mq_project_claims');
    const [released] = await claims.update(
      { active: false, releasedAt: new Date() },
      { where: { projectId, leaderId, active: true }, transaction },
    );
    if (!released) throw refuse('NOT_CLAIMED', 'You have not claimed this project', {}, 409);
    const projects = db.getModel('mq_livelihood_projects');
    const field = db.sequelize.getQueryInterface().quoteIdentifier(projects.rawAttributes.claimedCount.field as string);
    await projects.update(
      { claimedCount: db.sequelize.literal(`${field} - 1`) as any },
      { where: { id: projectId }, transaction, hooks: false },
    );
    return { projectId, leaderId, released: true };
  });
}

/** 认领覆盖: leaders by number of active claims against the range, and projects with free places */
export async function claimCoverage(db: Database) {
  const settings = await warmHeartsSettings.get(db);
  const leaders = await db.getRepository('users').find({
    filter: { 'roles.name': 'mq_leader' },
    fields: ['id', 'nickname', 'username'],
    sort: ['id'],
  });
  const counts = new Map(
    (
      (await db.getModel('mq_project_claims').findAll({
        attributes: ['leaderId', [db.sequelize.fn('COUNT', db.sequelize.col('id')), 'count']],
        where: { active: true },
        group: ['leaderId'],
        raw: true,
      })) as unknown as { leaderId: unknown; count: unknown }[]
    ).map((r) => [Number(r.leaderId), Number(r.count)]),
  );
  const rows = leaders.map((u: Model) => ({
    id: Number(u.get('id')),
    nickname: (u.get('nickname') as string) || (u.get('username') as string),
    count: counts.get(Number(u.get('id'))) ?? 0,
  }));
  const open = await db.getRepository('mq_livelihood_projects').find({
    filter: { $and: [{ status: { $ne: 'done' } }] },
    fields: ['id', 'title', 'leaderSlots', 'claimedCount'],
    sort: ['id'],
  });
  const range = { min: settings.minProjectsPerLeader, max: settings.maxProjectsPerLeader };
  return {
    range,
    leaders: classifyLeaders(rows, range),
    projectsWithFreePlaces: open
      .filter((p: Model) => Number(p.get('claimedCount')) < Number(p.get('leaderSlots')))
      .map((p: Model) => ({
        id: Number(p.get('id')),
        title: p.get('title'),
        free: Number(p.get('leaderSlots')) - Number(p.get('claimedCount')),
      })),
  };
}

/** claimedCount is the claim actions' business */
export function guardClaimCount(db: Database) {
  db.on('mq_livelihood_projects.beforeCreate', (model: Model) => model.set('claimedCount', 0));
  db.on('mq_livelihood_projects.beforeUpdate', (model: Model) => {
    if (model.changed('claimedCount')) model.set('claimedCount', model.previous('claimedCount'));
    if (Number(model.get('leaderSlots')) < Number(model.get('claimedCount'))) {
      throw refuse('SLOTS_BELOW_CLAIMS', 'More leaders have claimed this project than the places you set');
    }
  });
}
