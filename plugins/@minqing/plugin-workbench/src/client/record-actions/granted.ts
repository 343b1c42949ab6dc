import type { APIClient } from '@nocobase/client';

/**
 * What the signed-in role may do, from `roles:check` (what NocoBase's own client reads), asked
 * once per page load: a button whose action the role lacks is not shown, rather than shown and
 * answered with a 403 toast (a leader reads 作风监督 but does not decide).
 */
let granted: Promise<(action: string) => boolean> | undefined;

export function grantedActions(api: APIClient) {
  granted ??= api
    .request<{ data?: { allowAll?: boolean; actions?: Record<string, unknown> } }>({ url: 'roles:check' })
    .then(({ data }) => {
      const check = data?.data ?? {};
      return (action: string) => Boolean(check.allowAll || (check.actions && action in check.actions));
    })
    .catch(() => {
      granted = undefined;
      // unknown: show the button; the server still decides
      return () => true;
    });
  return granted;
}
