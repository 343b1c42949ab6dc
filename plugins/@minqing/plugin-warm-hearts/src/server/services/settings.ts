import type { Database } from '@nocobase/database';
import { readSettings, writeSettings } from '@minqing/plugin-three-lists';
import { DEFAULT_WARM_HEARTS_SETTINGS, mergeWarmHeartsSettings } from '../domain/settings';

export const warmHeartsSettings = {
  get: (db: Database, transaction?: any) => readSettings(db, 'warm-hearts', DEFAULT_WARM_HEARTS_SETTINGS, transaction),
  update: (db: Database, change: Record<string, unknown>) =>
    writeSettings(db, 'warm-hearts', DEFAULT_WARM_HEARTS_SETTINGS, mergeWarmHeartsSettings, change),
};
