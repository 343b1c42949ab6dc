import type { Database } from '@nocobase/database';
import { readSettings, writeSettings } from '@minqing/plugin-three-lists';
import { DEFAULT_PUBLICITY_SETTINGS, mergePublicitySettings } from '../domain/settings';

export const publicitySettings = {
  get: (db: Database, transaction?: any) => readSettings(db, 'publicity', DEFAULT_PUBLICITY_SETTINGS, transaction),
  update: (db: Database, change: Record<string, unknown>) =>
    writeSettings(db, 'publicity', DEFAULT_PUBLICITY_SETTINGS, mergePublicitySettings, change),
};
