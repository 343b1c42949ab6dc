import cases from '../collections/mq_cases';
import evaluationTokens from '../collections/mq_evaluation_tokens';
import publicReports from '../collections/mq_public_reports';
import { f } from '../domain/fields';

export const PUBLICITY_COLLECTIONS = [publicReports, evaluationTokens, cases];

/**
 * Added to the core's `mq_problems`: what the public sees of a published problem is the title and
 * summary an administrator wrote for it, never the internal title (it may name a person).
 */
export const PROBLEM_PUBLIC_FIELDS = [
  f.input('publicTitle', 'Public title'),
  f.datetime('publishedAt', 'Published at'),
];
