import type { Application } from '@nocobase/client';

/** the sign-in and sign-up pages, whatever the app's base path */
const SIGN_IN_PAGE = /\/(signin|signup|forgot-password|reset-password)\/?$/;

/**
 * On the sign-in page, other plugins' background requests (NocoBase's AI employees ask for their
 * list and unread counts) are refused with 401 while nobody is signed in, and NocoBase shows each
 * refusal as a red "未认证。请登录以继续。" toast on the very page that asks the user to sign in.
 * Those requests get no toast there; the sign-in itself (auth:*) keeps its messages, and
 * everywhere else nothing changes.
 */
export function quietSignInPage(app: Application) {
  app.apiClient.axios.interceptors.request.use((config) => {
    const signedOut = !app.apiClient.auth.token;
    const onSignInPage = typeof window !== 'undefined' && SIGN_IN_PAGE.test(window.location.pathname);
    if (
      signedOut &&
      onSignInPage &&
      !String(config.url ?? '')
        .replace(/^\/?(api\/)?/, '')
        .startsWith('auth:')
    ) {
      config.skipNotify = true;
    }
    return config;
  });
}
