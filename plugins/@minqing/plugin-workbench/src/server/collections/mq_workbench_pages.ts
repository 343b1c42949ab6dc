import { defineCollection } from '@nocobase/database';

/**
 * Which of our pages exist already, so that creating them again never duplicates one and never
 * brings back a page an administrator deleted. Bookkeeping, not shown in the collection manager.
 */
export default defineCollection({
  name: 'mq_workbench_pages',
  fields: [
    { name: 'key', type: 'string', unique: true, allowNull: false },
    { name: 'routeId', type: 'bigInt' },
    { name: 'pageSchemaUid', type: 'string' },
  ],
});
