/**
 * Limits of the public intake, evaluation links and the public page's cache. Plain data: the
 * settings page is made from it, and the core's schema helper checks every change against it.
 */
import type { SettingsOf, SettingsSchema } from '@minqing/plugin-three-lists';
import { DEFAULT_UPDATES } from './reporter-updates';

/** base64 makes a photo about 4/3 of its size in the JSON body; this leaves room for the rest */
const BASE64_GROWTH = 1.4;

export const PUBLICITY_SETTINGS = {
  ns: '@minqing/plugin-publicity',
  fields: {
    /** 接诉即办 submissions one device (browser, phone) may make per window */
    submissionsPerWindow: {
      type: 'integer',
      default: 5,
      min: 1,
      max: 10000,
      label: 'Reports one device may send per window',
    },
    /** … and one network address, higher: a school's parents may share one address */
    submissionsPerAddress: {
      type: 'integer',
      default: 100,
      min: 1,
      max: 100000,
      label: 'Reports one network address may send per window',
    },
    /** tracking and evaluation requests one device may make per window */
    lookupsPerWindow: {
      type: 'integer',
      default: 60,
      min: 1,
      max: 100000,
      label: 'Tracking and evaluation requests per device per window',
    },
    lookupsPerAddress: {
      type: 'integer',
      default: 1200,
      min: 1,
      max: 1000000,
      label: 'Tracking and evaluation requests per network address per window',
    },
    /** requests one Open311 client system (one API key's user) may file per window */
    open311RequestsPerWindow: {
      type: 'integer',
      default: 600,
      min: 1,
      max: 100000,
      label: 'Open311 requests one client system may file per window',
    },
    windowMinutes: { type: 'integer', default: 60, min: 1, max: 1440, label: 'Window (minutes)' },
    /** the largest request body the intake accepts, photos included; NocoBase parses none over 10 MB */
    maxBodyKB: { type: 'integer', default: 9216, min: 16, max: 10240, label: 'Largest report (KB, photos included)' },
    maxPhotos: { type: 'integer', default: 3, min: 0, max: 9, label: 'Photos per report' },
    maxPhotoKB: { type: 'integer', default: 2048, min: 16, max: 20480, label: 'Largest photo (KB)' },
    maxDescriptionLength: {
      type: 'integer',
      default: 2000,
      min: 50,
      max: 20000,
      label: 'Longest description (characters)',
    },
    /** days an evaluation link stays valid */
    evaluationDays: { type: 'integer', default: 30, min: 1, max: 365, label: 'Days an evaluation link stays valid' },
    /** seconds public answers are cached (invalidated on every change anyway) */
    cacheSeconds: { type: 'integer', default: 300, min: 1, max: 86400, label: 'Seconds public answers are cached' },
    /** a notification-manager channel (e.g. e-mail) that tells reporters what happens to their report */
    notificationChannel: {
      type: 'text',
      default: '',
      maxLength: 500,
      label: 'Notification channel that keeps reporters informed (e.g. an e-mail channel)',
    },
    // the texts reporters receive, per step and language: first line the subject, then the body;
    // {{code}} {{reply}} {{trackUrl}} {{evaluationUrl}} {{days}} are filled in
    updateAcceptedZh: { type: 'text', default: DEFAULT_UPDATES.accept['zh-CN'], maxLength: 2000, multiline: true, label: 'Text when accepted (Chinese)' },
    updateAcceptedEn: { type: 'text', default: DEFAULT_UPDATES.accept['en-US'], maxLength: 2000, multiline: true, label: 'Text when accepted (English)' },
    updateCompletedZh: { type: 'text', default: DEFAULT_UPDATES.complete['zh-CN'], maxLength: 2000, multiline: true, label: 'Text when completed, with the evaluation link (Chinese)' },
    updateCompletedEn: { type: 'text', default: DEFAULT_UPDATES.complete['en-US'], maxLength: 2000, multiline: true, label: 'Text when completed, with the evaluation link (English)' },
    updateClosedZh: { type: 'text', default: DEFAULT_UPDATES.close['zh-CN'], maxLength: 2000, multiline: true, label: 'Text when closed (Chinese)' },
    updateClosedEn: { type: 'text', default: DEFAULT_UPDATES.close['en-US'], maxLength: 2000, multiline: true, label: 'Text when closed (English)' },
    updateReopenedZh: { type: 'text', default: DEFAULT_UPDATES.reopen['zh-CN'], maxLength: 2000, multiline: true, label: 'Text when reopened (Chinese)' },
    updateReopenedEn: { type: 'text', default: DEFAULT_UPDATES.reopen['en-US'], maxLength: 2000, multiline: true, label: 'Text when reopened (English)' },
    /** where the public page is served, for links sent out of the app */
    publicBaseUrl: {
      type: 'text',
      default: '',
      maxLength: 500,
      pattern: /^https?:\/\/[^\s]+$/,
      rule: 'http(s)://…',
      label: 'Address of this site, for links sent out',
    },
    /** Open311: the jurisdiction_id clients send; empty: any is accepted */
    open311Jurisdiction: {
      type: 'text',
      default: '',
      maxLength: 100,
      pattern: /^[A-Za-z0-9._-]+$/,
      rule: 'letters, digits, . _ -',
      label: 'Open311 jurisdiction_id (empty: any)',
    },
  },
  ranges: [
    ['submissionsPerWindow', 'submissionsPerAddress'],
    ['lookupsPerWindow', 'lookupsPerAddress'],
  ],
  check: (next) =>
    Number(next.maxPhotos) * Number(next.maxPhotoKB) * BASE64_GROWTH > Number(next.maxBodyKB)
      ? { code: 'INVALID_RANGE', key: 'The body limit must hold every photo at its largest' }
      : undefined,
} as const satisfies SettingsSchema;

export type PublicitySettings = SettingsOf<typeof PUBLICITY_SETTINGS>;
