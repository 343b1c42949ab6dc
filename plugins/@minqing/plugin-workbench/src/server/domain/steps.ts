/** The steps a problem's row offers as buttons, named the same on the server and in the client. */
export const PROBLEM_STEPS = [
  'assign',
  'accept',
  'reportProgress',
  'complete',
  'revisit',
  'close',
  'publish',
  'answerSupervision',
] as const;
export type ProblemStep = (typeof PROBLEM_STEPS)[number];

/** `assign` → `MqProblemAssignActionModel`: the flow model a page stores for the button */
export const stepModelName = (step: string) => `MqProblem${step[0].toUpperCase()}${step.slice(1)}ActionModel`;
