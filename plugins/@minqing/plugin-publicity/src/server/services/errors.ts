import { LoopRuleError } from '@minqing/plugin-three-lists';
import { NS } from '../domain/fields';

/** A refusal in our own words (translated from this plugin's locale files). */
export function refuse(code: string, key: string, params: Record<string, unknown> = {}, status = 400) {
  return new LoopRuleError(code, key, params, status, NS);
}
