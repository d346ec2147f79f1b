// The seeded randomness the sample generators share, and the deterministic helpers they draw
// with: the same seed gives the same numbers on every machine, and no order depends on the locale.

/** A source of floats in [0, 1). */
export type Random = () => number;

/** mulberry32: a small, fast 32-bit PRNG giving floats in [0, 1). */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string: a record's own stream, so that its details do not shift when others change. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export const between = (random: Random, low: number, high: number): number => low + random() * (high - low);
export const intBetween = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
export const chance = (random: Random, p: number): boolean => random() < p;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** One item by weight (items of weight 0 never); undefined when no item has a weight. */
export function pickWeighted<T>(random: Random, items: readonly T[], weight: (item: T) => number): T | undefined {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  if (total <= 0) return undefined;
  let target = random() * total;
  let last: T | undefined;
  for (const item of items) {
    if (weight(item) <= 0) continue;
    last = item;
    if ((target -= weight(item)) < 0) return item;
  }
  return last; // only when rounding leaves the target at the very end
}

/** Picks by weight in O(log n) from cumulative weights: for many draws from one long list. */
export function weightedPicker<T>(items: readonly T[], weight: (item: T) => number): (random: Random) => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (const item of items) cumulative.push((sum += weight(item)));
  return (random) => {
    const target = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

/** Shuffles in place (Fisher–Yates) and returns the same array. */
export function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Code-unit order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Hands out `left` more units by the largest remainders of `quotas` (ties to the lower index), within `room`. */
function giveRemainders(counts: number[], quotas: Array<{ i: number; quota: number }>, left: number, room: (i: number) => boolean): number {
  quotas.sort((a, b) => b.quota - Math.floor(b.quota) - (a.quota - Math.floor(a.quota)) || a.i - b.i);
  let given = 0;
  for (const q of quotas) {
    if (given >= left) break;
    if (room(q.i)) {
      counts[q.i]! += 1;
      given += 1;
    }
  }
  return given;
}

/**
 * Splits `total` by weight (largest remainder; ties to the earlier), at least `min` each and at
 * most `caps[i]` each.
 */
export function allocate(total: number, weights: readonly number[], caps: readonly number[], min: number): number[] {
  const counts = weights.map((_, i) => Math.min(min, caps[i]!));
  let left = total - counts.reduce((a, b) => a + b, 0);
  while (left > 0) {
    const open = weights.map((w, i) => ({ i, w })).filter(({ i }) => counts[i]! < caps[i]!);
    if (!open.length) break;
    const weight = open.reduce((sum, { w }) => sum + w, 0);
    const quotas = open.map(({ i, w }) => ({ i, quota: Math.min((left * w) / weight, caps[i]! - counts[i]!) }));
    let given = 0;
    for (const q of quotas) {
      const whole = Math.floor(q.quota);
      counts[q.i]! += whole;
      given += whole;
    }
    given += giveRemainders(counts, quotas, left - given, (i) => counts[i]! < caps[i]!);
    if (given === 0) break;
    left -= given;
  }
  return counts;
}

/**
 * Splits `total` by weight with a floor: whoever's share would be below `min` gets exactly
 * `min`, and the others share the rest (largest remainder; ties to the earlier).
 */
export function allocateWithFloor(total: number, weights: readonly number[], min: number): number[] {
  const counts = weights.map(() => 0);
  const fixed = new Set<number>();
  for (;;) {
    const free = weights.map((_, i) => i).filter((i) => !fixed.has(i));
    const left = total - fixed.size * min;
    const weight = free.reduce((sum, i) => sum + weights[i]!, 0);
    const below = free.filter((i) => (left * weights[i]!) / weight < min);
    if (below.length) {
      for (const i of below) fixed.add(i);
      continue;
    }
    for (const i of fixed) counts[i] = min;
    const quotas = free.map((i) => ({ i, quota: (left * weights[i]!) / weight }));
    let given = 0;
    for (const { i, quota } of quotas) given += counts[i] = Math.floor(quota);
    giveRemainders(counts, quotas, left - given, () => true);
    return counts;
  }
}
