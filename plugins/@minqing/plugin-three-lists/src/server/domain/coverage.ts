/**
 * "Each leader takes 1–2": sorts leaders by how many they hold (liaison points, livelihood
 * projects…) against a configurable range. Pure.
 */
export function classifyLeaders<L extends { count: number }>(leaders: L[], { min, max }: { min: number; max: number }) {
  return {
    none: leaders.filter((l) => l.count === 0),
    belowRange: leaders.filter((l) => l.count > 0 && l.count < min),
    withinRange: leaders.filter((l) => l.count >= min && l.count <= max),
    aboveRange: leaders.filter((l) => l.count > max),
  };
}
