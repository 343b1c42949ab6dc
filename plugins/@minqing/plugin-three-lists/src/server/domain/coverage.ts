/**
 * "Each leader takes 1–2" (每位领导联系1-2家基层单位, 认领1-2项): leaders sorted by how many they
 * hold (liaison points, livelihood projects…) against a configurable range. Pure.
 */
import { ratio } from './figures';

export interface Range {
  min: number;
  max: number;
}

export function classifyLeaders<L extends { count: number }>(leaders: L[], { min, max }: Range) {
  return {
    none: leaders.filter((l) => l.count === 0),
    belowRange: leaders.filter((l) => l.count > 0 && l.count < min),
    withinRange: leaders.filter((l) => l.count >= min && l.count <= max),
    aboveRange: leaders.filter((l) => l.count > max),
  };
}

/** The classification and its rate (联系点覆盖率): leaders within the range ÷ leaders. */
export function rangeCoverage<L extends { count: number }>(leaders: L[], range: Range) {
  const groups = classifyLeaders(leaders, range);
  return { leaders: leaders.length, rate: ratio(groups.withinRange.length, leaders.length), ...groups };
}
