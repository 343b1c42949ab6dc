import { Plugin } from '@nocobase/server';
import { ensureWorkbenchPages } from './services/pages';

const watched = new WeakSet<object>();

/** 工作台: the campaign's pages (下基层察民情), made of ordinary blocks an administrator can change. */
export class PluginWorkbenchServer extends Plugin {
  async load() {
    if (watched.has(this.app)) return;
    watched.add(this.app);
    // pages of a plugin enabled later are made at the next start; a page is made only once
    this.app.on('afterStart', () => this.makePages());
  }

  // when enabling, before the server answers anyone
  async install() {
    await this.makePages();
  }

  private async makePages() {
    const t0 = Date.now();
    try {
      const made = await ensureWorkbenchPages(this.app, { log: this.log });
      if (!made.length) return;
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      this.log.info(`created pages in ${seconds} s: ${made.map((p) => `${p.key} (${p.via})`).join(', ')}`);
    } catch (error) {
      // the app runs without them; the next start tries again
      this.log.error(`could not create the campaign's pages: ${(error as Error).message}`, { error });
    }
  }
}

export default PluginWorkbenchServer;
