/** mulberry32: a small seeded generator, so the same seed gives the same data set everywhere. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    /** by weight: [[value, weight], …] */
    weighted: <T>(items: readonly (readonly [T, number])[]) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, w] of items) if ((r -= w) < 0) return value;
      return items[items.length - 1][0];
    },
    /** 0 … n-1, skewed towards small numbers (a few big units get most problems) */
    skewed: (n: number, power = 2.2) => Math.min(n - 1, Math.floor(Math.pow(next(), power) * n)),
  };
}
export type Random = ReturnType<typeof seeded>;
