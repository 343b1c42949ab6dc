/** The flag kinds of 作风监督, their habits and labels. Plain data: the designer's forms import it. */
/** Every flag kind, by the habit it names. */
export const FLAG_KINDS = [
  // 走马观花
  'visit_nobody_heard', // a visit that contacted nobody and says nothing
  'visits_rushed', // back-to-back visits at distant units, minutes apart
  'visitor_found_nothing', // a visitor whose visits over N weeks found nothing and heard no one
  'liaison_unvisited', // a liaison point never visited within the period
  // 表面文章
  'closure_hollow', // 办结 without evidence and with a summary that says nothing or copies the problem
  'closure_too_fast', // 领导包保 done minutes after assignment
  'progress_repeated', // progress reports that repeat each other
  'task_full_without_report', // a task at 100% with no progress report
  // 自证
  'self_revisit', // a revisit by the responsible person or the guarantor
  // 数字好看
  'too_good_unit', // 100% 满意率 on many staff-entered ratings
  'evaluation_cluster', // many evaluations entered by one account within minutes
  'evaluation_source_cluster', // many public ratings from one device or network address within minutes
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** The habit each kind belongs to (the page groups them; the trigger may filter by either). */
export const FLAG_FAMILY: Record<FlagKind, 'cursory_visit' | 'surface_closure' | 'self_certification' | 'too_good'> = {
  visit_nobody_heard: 'cursory_visit',
  visits_rushed: 'cursory_visit',
  visitor_found_nothing: 'cursory_visit',
  liaison_unvisited: 'cursory_visit',
  closure_hollow: 'surface_closure',
  closure_too_fast: 'surface_closure',
  progress_repeated: 'surface_closure',
  task_full_without_report: 'surface_closure',
  self_revisit: 'self_certification',
  too_good_unit: 'too_good',
  evaluation_cluster: 'too_good',
  evaluation_source_cluster: 'too_good',
};

/** Each kind's label (English source; the locale files carry the Chinese). */
export const FLAG_KIND_LABELS: Record<FlagKind, string> = {
  visit_nobody_heard: 'Visit where nobody was heard',
  visits_rushed: 'Rushed visits at distant units',
  visitor_found_nothing: 'Visits that found nothing',
  liaison_unvisited: 'Liaison point not visited',
  closure_hollow: 'Closure without evidence',
  closure_too_fast: 'Leader-guaranteed problem done at once',
  progress_repeated: 'Progress reports repeating each other',
  task_full_without_report: 'Task at 100% without a report',
  self_revisit: 'Self-certified revisit',
  too_good_unit: 'Satisfaction too good to be true',
  evaluation_cluster: 'Evaluations entered in bulk',
  evaluation_source_cluster: 'Public ratings from one device or address',
};
