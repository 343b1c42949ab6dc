import type { APIClient } from '@nocobase/client';

/**
 * What the signed-in role may do, from `roles:check` (what NocoBase's own client reads), asked
 * once per page load: a button whose action the role lacks is not shown, rather than shown and
 * answered with a 403 toast (a leader reads 作风监督 but does not decide).
 */
let granted: Promise<(action: string) => boolean> | undefined;

export function grantedActions(api: APIClient) {
  granted ??= api
    .request<{
      data?: {
        allowAll?: boolean;
        actions?: Record<string, unknown>;
        resources?: string[];
        strategy?: { actions?: string[] };
      };
    }>({ url: 'roles:check' })
    .then(({ data }) => {
      const check = data?.data ?? {};
      // a role's general actions (Users & permissions) grant `create`, `view`, … on every collection
      // that has no actions of its own for the role (`resources` lists those that have)
      const general = new Set((check.strategy?.actions ?? []).map((a) => a.split(':')[0]));
      const ownConfig = new Set(check.resources ?? []);
      return (action: string) => {
        const [resource, name] = action.split(':');
        if (check.allowAll || (check.actions && action in check.actions)) return true;
        return !ownConfig.has(resource) && general.has(name);
      };
    })
    .catch(() => {
      granted = undefined;
      // unknown: show the button; the server still decides
      return () => true;
    });
  return granted;
}
