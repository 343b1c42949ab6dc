import { Migration } from '@nocobase/server';
import { isDeepStrictEqual } from 'util';
import { LEADER_PROBLEM_RECORD_SCOPES, REVISIT_APPOINTED_TO_ME, SCOPES, scopeThrough } from '../services/roles';

/**
 * A leader's 待我回访 pointed at problems the leader could not read (a revisit the office planned
 * for a leader who neither handles nor guarantees the problem): the leaders' problem scope, and the
 * scopes of the records of those problems, now include the problems with a revisit appointed to
 * them. An installed database gets the clause where the scope is still ours — the core's default,
 * maybe widened by liaison (its first clauses unchanged) — never in a scope an administrator rewrote.
 */
export default class LeadersSeeProblemsTheyRevisit extends Migration {
  on = 'afterLoad';

  async up() {
    const db = this.db;
    if (!db.hasCollection('dataSourcesRolesResourcesScopes')) return;
    const ours = (SCOPES.leaderProblems.scope as { $or: Record<string, unknown>[] }).$or.filter(
      (clause) => clause !== REVISIT_APPOINTED_TO_ME,
    );
    const targets: [string, string | null][] = [
      ['leaderProblems', null],
      ...Object.keys(LEADER_PROBLEM_RECORD_SCOPES).map((key) => [key, 'problem'] as [string, string]),
    ];
    const scopes = db.getRepository('dataSourcesRolesResourcesScopes');
    for (const [key, through] of targets) {
      const record = await scopes.findOne({ filter: { key: `mq_${key}`, dataSourceKey: 'main' } });
      const scope = record?.get('scope') as { $or?: unknown[] } | undefined;
      if (!record || !Array.isArray(scope?.$or)) continue;
      const see = (clause: Record<string, unknown>) => (through ? scopeThrough(through, clause) : clause);
      const start = ours.map(see);
      if (!isDeepStrictEqual(scope.$or.slice(0, start.length), start)) continue;
      const clause = see(REVISIT_APPOINTED_TO_ME);
      if (scope.$or.some((c) => isDeepStrictEqual(c, clause))) continue;
      await scopes.update({
        filterByTk: record.get('id') as number,
        values: { scope: { ...scope, $or: [...scope.$or, clause] } },
      });
    }
  }
}
