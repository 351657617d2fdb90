/** Word 3-grams: robust to a changed word or two, unlike exact matching, and cheap for passage-sized text. */
export function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < 3) return new Set(words.length > 0 ? [words.join(' ')] : []);
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) grams.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return grams;
}

/**
 * Share of the smaller set found in the larger: 1 when one passage repeats the other, even if the other
 * adds a sentence (a syndicated paragraph, a caption restating the body).
 */
export function overlapShare(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return shared / small.size;
}

/** overlapShare(a, b) >= threshold, giving up as soon as too many shingles have missed. */
function overlapsAtLeast(a: Set<string>, b: Set<string>, threshold: number): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return false;
  let missesLeft = Math.floor(small.size * (1 - threshold) + 1e-9);
  for (const gram of small) if (!large.has(gram) && missesLeft-- === 0) return false;
  return true;
}

export function containment(a: string, b: string): number {
  return overlapShare(shingles(a), shingles(b));
}

export const NEAR_DUPLICATE_THRESHOLD = 0.8;

/** Keeps the first (best-ranked) of every group of near-duplicate items, stopping once `limit` are kept. */
export function dropNearDuplicates<T>(
  items: readonly T[],
  textOf: (item: T) => string,
  limit = Infinity,
  threshold = NEAR_DUPLICATE_THRESHOLD,
): T[] {
  const kept: { item: T; grams: Set<string> }[] = [];
  for (const item of items) {
    if (kept.length >= limit) break;
    const grams = shingles(textOf(item));
    if (!kept.some((other) => overlapsAtLeast(grams, other.grams, threshold))) kept.push({ item, grams });
  }
  return kept.map(({ item }) => item);
}
