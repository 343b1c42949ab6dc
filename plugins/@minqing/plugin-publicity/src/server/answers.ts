/**
 * What the public endpoints (`mqPublic`) answer, as the public pages receive them. Types only,
 * derived from the functions that build the answers: the client imports them, so a change to an
 * answer is a type error on the page that reads it.
 */
import type { checkEvaluation, evaluate } from './services/evaluation';
import type { publicSimilar } from './services/duplicates';
import type { submitReport, trackReport } from './services/intake';
import type { listCases, listPublished, publicOptions, publicStats } from './services/public-read';

type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/** A paged list as the pages get it: the rows, and NocoBase's `meta` (count, page…). */
type Paged<F extends (...args: never[]) => Promise<{ rows: unknown[] }>> = {
  rows: Answer<F>['rows'];
  meta: Omit<Answer<F>, 'rows'>;
};

export type PublishedList = Paged<typeof listPublished>;
export type PublishedProblem = PublishedList['rows'][number];
export type CasesPage = Paged<typeof listCases>;
export type PublicStats = Answer<typeof publicStats>;
export type PublicOptions = Answer<typeof publicOptions>;
export type Tracking = Answer<typeof trackReport>;
export type Submitted = Answer<typeof submitReport>;
export type EvaluationCheck = Answer<typeof checkEvaluation>;
export type Evaluated = Answer<typeof evaluate>;
export type SimilarReports = Answer<typeof publicSimilar>;
