import cases from '../collections/mq_cases';
import evaluationTokens from '../collections/mq_evaluation_tokens';
import problemMerges from '../collections/mq_problem_merges';
import publicReports from '../collections/mq_public_reports';
import { f } from '../domain/fields';

export const PUBLICITY_COLLECTIONS = [publicReports, evaluationTokens, cases, problemMerges];

/**
 * Added to the core's `mq_problems` (as liaison adds to `mq_units`): whether a problem is published
 * and what the public sees of it, the title and summary an administrator wrote for it, never the
 * internal title (it may name a person).
 */
export const PROBLEM_PUBLIC_FIELDS = [
  // the public list filters on it
  f.checkbox('isPublic', 'Published', { defaultValue: false, index: true }),
  f.input('publicTitle', 'Public title'),
  f.textarea('publicSummary', 'Public summary'),
  f.datetime('publishedAt', 'Published at'),
];
