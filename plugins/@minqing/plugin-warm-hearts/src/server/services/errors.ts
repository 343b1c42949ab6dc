import { LoopRuleError } from '@minqing/plugin-three-lists';
import { NS } from '../domain/fields';

export function refuse(code: string, key: string, params: Record<string, unknown> = {}, status = 400) {
  return new LoopRuleError(code, key, params, status, NS);
}
