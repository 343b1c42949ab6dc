import { refusalIn } from '@minqing/plugin-three-lists';
import { NS } from './fields';

export interface PublicitySettings {
  /** 接诉即办 submissions one client address may make per window */
  submissionsPerWindow: number;
  /** tracking and evaluation requests one client address may make per window */
  lookupsPerWindow: number;
  windowMinutes: number;
  /** the largest request body the intake accepts, photos included */
  maxBodyKB: number;
  maxPhotos: number;
  maxPhotoKB: number;
  maxDescriptionLength: number;
  /** days an evaluation link stays valid */
  evaluationDays: number;
  /** a notification-manager channel (e.g. e-mail) that sends evaluation links to the contact */
  notificationChannel: string;
  /** where the public page is served, for links sent out of the app */
  publicBaseUrl: string;
  /** seconds public answers are cached (invalidated on every change anyway) */
  cacheSeconds: number;
}

export const DEFAULT_PUBLICITY_SETTINGS: PublicitySettings = {
  submissionsPerWindow: 5,
  lookupsPerWindow: 60,
  windowMinutes: 60,
  maxBodyKB: 9216,
  maxPhotos: 3,
  maxPhotoKB: 2048,
  maxDescriptionLength: 2000,
  evaluationDays: 30,
  notificationChannel: '',
  publicBaseUrl: '',
  cacheSeconds: 300,
};

const RANGES: Partial<Record<keyof PublicitySettings, [number, number]>> = {
  submissionsPerWindow: [1, 10000],
  lookupsPerWindow: [1, 100000],
  windowMinutes: [1, 1440],
  maxBodyKB: [16, 10240], // NocoBase parses no body over 10 MB (REQUEST_BODY_LIMIT)
  maxPhotos: [0, 9],
  maxPhotoKB: [16, 20480],
  maxDescriptionLength: [50, 20000],
  evaluationDays: [1, 365],
  cacheSeconds: [1, 86400],
};

const refuse = refusalIn(NS);

/** Validates a change of settings; pure. */
export function mergePublicitySettings(current: PublicitySettings, change: Record<string, unknown>) {
  const next = { ...current };
  for (const [key, value] of Object.entries(change ?? {})) {
    if (!(key in DEFAULT_PUBLICITY_SETTINGS)) throw refuse('UNKNOWN_SETTING', 'Unknown setting {{key}}', { key });
    const range = RANGES[key as keyof PublicitySettings];
    if (range) {
      if (!Number.isInteger(value) || (value as number) < range[0] || (value as number) > range[1]) {
        throw refuse('INVALID_SETTING', 'Setting {{key}} must be {{rule}}', { key, rule: `${range[0]}–${range[1]}` });
      }
    } else if (typeof value !== 'string' || value.length > 500) {
      throw refuse('INVALID_SETTING', 'Setting {{key}} must be {{rule}}', { key, rule: 'text' });
    }
    if (key === 'publicBaseUrl' && value && !/^https?:\/\/[^\s]+$/.test(value as string)) {
      throw refuse('INVALID_SETTING', 'Setting {{key}} must be {{rule}}', { key, rule: 'http(s)://…' });
    }
    (next as any)[key] = value;
  }
  if (next.maxPhotos * next.maxPhotoKB * 1.4 > next.maxBodyKB) {
    throw refuse('INVALID_RANGE', 'The body limit must hold every photo at its largest');
  }
  return next;
}
