import { refusalIn } from '@minqing/plugin-three-lists';
import { NS } from '../domain/fields';

/** A refusal in our own words (translated from this plugin's locale files). */
export const refuse = refusalIn(NS);
