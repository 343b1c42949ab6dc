// Global setup of the `browser` project: builds nothing (npm test built our plugins) and starts
// the one app every browser test file uses (src/shared-app.ts); the teardown stops it.
import { startSharedApp } from '../src/shared-app';

export default async function browserSetup() {
  const t0 = Date.now();
  (globalThis as any).__minqingSharedApp = await startSharedApp();
  console.log(`\nshared app for the browser tests started in ${Math.round((Date.now() - t0) / 1000)} s`);
}
