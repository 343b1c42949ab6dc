import type Application from '@nocobase/server';
import { t } from '../collections/fields';

/** In a data scope: the signed-in user (NocoBase's ACL variable). */
export const CURRENT_USER_ID = '{{$user.id}}';

/**
 * Makes actions of ours on one record (交办, 公开, 认领, 反馈…) grantable in Users & permissions,
 * where an administrator gives them per role and with a data scope, like NocoBase's own `update`.
 * `titles` maps each action to its title's message key in `ns`.
 */
export function offerRecordActions(app: Application, ns: string, titles: Record<string, string>) {
  for (const [name, title] of Object.entries(titles)) {
    app.acl.setAvailableAction(name, {
      displayName: t(title, ns),
      type: 'old-data',
      onNewRecord: false,
      allowConfigureFields: false,
    });
  }
}
