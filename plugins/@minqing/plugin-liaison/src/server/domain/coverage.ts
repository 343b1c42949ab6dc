/** 联系点覆盖率: leaders by their number of active liaison points against the range. Pure. */
import { rangeCoverage } from '@minqing/plugin-three-lists/domain';
import type { LiaisonSettings } from './settings';

export function liaisonCoverage<L extends { count: number }>(leaders: L[], { minPoints, maxPoints }: LiaisonSettings) {
  return rangeCoverage(leaders, { min: minPoints, max: maxPoints });
}
