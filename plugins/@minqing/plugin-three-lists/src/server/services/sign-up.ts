import type { Database } from '@nocobase/database';

/**
 * 关闭自助注册: NocoBase installs its password sign-in with sign-up open, and a self-registered
 * account gets the default role: anyone could make one and look around. A bureau's accounts are
 * made by its office, so installing Minqing closes sign-up on every password authenticator. Done
 * once, at install: an administrator may open it again (Authentication › basic › allow sign up).
 */
export async function closeSelfRegistration(db: Database) {
  if (!db.hasCollection('authenticators')) return;
  const repo = db.getRepository('authenticators');
  for (const authenticator of await repo.find({ filter: { authType: 'Email/Password' } })) {
    const options = (authenticator.get('options') as Record<string, any>) ?? {};
    if (options.public?.allowSignUp === false) continue;
    await authenticator.update({ options: { ...options, public: { ...(options.public ?? {}), allowSignUp: false } } });
  }
}
