import actions from '../collections/mq_livelihood_actions';
import projects from '../collections/mq_livelihood_projects';
import claims from '../collections/mq_project_claims';
import milestones from '../collections/mq_project_milestones';
import talks from '../collections/mq_talks';
import careStudents from '../collections/mq_care_students';
import careAudit from '../collections/mq_care_audit';
import { f } from '../domain/fields';

export const WARM_HEARTS_COLLECTIONS = [actions, projects, claims, milestones, talks, careStudents, careAudit];

/** Added to publicity's typical cases: a case may tell the story of a project. */
export const CASE_PROJECT_FIELD = f.belongsTo('project', 'Livelihood project', 'mq_livelihood_projects', 'title');

/** The care ledger and its audit log: nobody else may reach them, by any path. */
export const CARE_COLLECTIONS = ['mq_care_students', 'mq_care_audit'];
