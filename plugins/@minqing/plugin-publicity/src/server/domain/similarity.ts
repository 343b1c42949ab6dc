/**
 * 相似问题: how alike two descriptions are, for showing "others reported this" before a report is
 * sent and for the office's triage. Character bigrams of each run of letters and digits (Chinese
 * has no spaces between words; two characters are the usual word), compared with Dice's
 * coefficient. Pure and the same on every database: the database narrows the candidates (same
 * unit, same category, not closed), this ranks them.
 */

/** From here on, two texts are shown as possibly the same problem (the candidates are few: same unit and category; the office decides). */
export const SIMILAR_AT = 0.2;
/** The most candidates one search compares (the newest first). */
export const MAX_CANDIDATES = 200;

/** The bigrams of a text: lowercase, punctuation and spaces as separators, a single character kept. */
export function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const run of text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [...run];
    if (chars.length === 1) grams.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  }
  return grams;
}

/** Dice's coefficient of the two texts' bigrams: 0 nothing shared … 1 the same words. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared += 1;
  return (2 * shared) / (x.size + y.size);
}

/** The candidates like `text`, most alike first, with their score rounded to two places. */
export function rankSimilar<T extends { text: string }>(text: string, candidates: T[], at = SIMILAR_AT) {
  return candidates
    .map((candidate) => ({ candidate, score: Math.round(similarity(text, candidate.text) * 100) / 100 }))
    .filter(({ score }) => score >= at)
    .sort((p, q) => q.score - p.score);
}
