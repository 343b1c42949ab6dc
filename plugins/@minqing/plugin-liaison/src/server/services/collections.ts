import liaisonPoints from '../collections/mq_liaison_points';
import painPoints from '../collections/mq_pain_points';
import research from '../collections/mq_research';
import unitContacts from '../collections/mq_unit_contacts';
import visits from '../collections/mq_visits';
import windowSittings from '../collections/mq_window_sittings';
import { f } from '../domain/fields';

export const LIAISON_COLLECTIONS = [liaisonPoints, visits, research, windowSittings, painPoints, unitContacts];

/** Added to the core's `mq_units` so that data scopes can say "units I liaise". */
export const UNIT_LIAISON_FIELD = f.hasMany('liaisonPoints', 'Liaison points', 'mq_liaison_points', 'unitId', 'id');
