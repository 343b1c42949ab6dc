import { defineCollection } from '@nocobase/database';

/**
Minqing plugins' settings, one row per plugin. Internal (edited on the plugin's settings page through
 * `mqThreeLists:getSettings`/`updateSettings`), so it is not in the collection manager.
 */
export default defineCollection({
  name: 'mq_settings',
  autoGenId: true,
  timestamps: true,
  fields: [
    // one row per Minqing plugin: 'three-lists', 'liaison', …
    { name: 'key', type: 'string', unique: true },
    { name: 'values', type: 'json', defaultValue: {} },
  ],
});
