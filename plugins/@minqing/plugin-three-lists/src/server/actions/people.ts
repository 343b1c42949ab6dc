import type { Context } from '@nocobase/actions';
import type Application from '@nocobase/server';
import { Refusal } from '../domain/refusal';
import { findPeople, mayAssign } from '../services/people';
import { respondWith } from './respond';

/**
 * GET /api/mqThreeLists:people?q=<part of a name>[&role=leader] — the person pickers of 交办 (responsible
 * person, guarantor leader). Whoever may assign a problem must be able to name its handler, but
 * `users:list` is NocoBase's, with every personal field, and the office's role is not given it:
 * this answers id, name, username and unit of at most 20 people, to those who may assign only.
 */
export const peopleActions = {
  people: respondWith(async (ctx: Context) => {
    const state = ctx.state as { currentUser?: { id?: number }; currentRoles?: string[]; currentRole?: string };
    const roles = state.currentRoles?.length ? state.currentRoles : state.currentRole ? [state.currentRole] : [];
    if (!state.currentUser || !mayAssign(ctx.app as Application, roles)) {
      throw new Refusal('PEOPLE_NOT_ALLOWED', 'Only a role that may assign problems may look people up', {}, 403);
    }
    return findPeople(ctx.db, ctx.action.params.q, ctx.action.params.role);
  }),
};

/**
 * The check is the action's own (by the `assign` permission), not the plugin's settings snippet.
 * A condition of our own rather than 'public': a public action is not authenticated at all (no
 * current user); 'loggedIn' would refuse the anonymous in NocoBase's words, not the caller's language.
 */
export function openPeopleSearch(app: Application) {
  app.acl.allow('mqThreeLists', Object.keys(peopleActions), () => true);
}
