import { forgetSharedApp } from '../src/shared-app';

export default async function browserTeardown() {
  await (globalThis as any).__minqingSharedApp?.stop();
  forgetSharedApp();
}
