/**
 * Deterministic randomness for the mock: the same seed always yields the same
 * state, so a user's contract test fails the same way on every run.
 * Nothing in `src/mock/` that builds state may call `Math.random`.
 */

/** A seeded pseudo-random source: `next()` returns a float in [0, 1). */
export interface Random {
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p` (0..1). */
  chance(p: number): boolean;
}

/** mulberry32: a 32-bit PRNG, small, fast and good enough for fixtures. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
  };
}

/** FNV-1a 32-bit hash of a string, as an unsigned integer. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A float in [0, 1) derived from a string: stable per-(seed, user, day) noise without state. */
export function unitHash(text: string): number {
  let h = hash32(text);
  // murmur3 finalizer: spreads FNV's weak high bits before scaling to [0, 1).
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
