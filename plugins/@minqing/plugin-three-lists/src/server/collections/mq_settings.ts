import { defineCollection } from '@nocobase/database';

/**
 * The plugin's settings, one row. Internal (edited on the plugin's settings page through
 * `mqThreeLists:getSettings`/`updateSettings`), so it is not in the collection manager.
 */
export default defineCollection({
  name: 'mq_settings',
  autoGenId: true,
  timestamps: true,
  fields: [{ name: 'values', type: 'json', defaultValue: {} }],
});
