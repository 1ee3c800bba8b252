// A small seeded PRNG (mulberry32) so that the same --seed always builds the same account.
// Math.random is never used for state: only correlation ids are random.

import { mulberry32 } from '../helpers/prng';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(minInclusive: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** `length` characters from `alphabet`. */
  chars(length: number, alphabet: string): string;
}

export function createRng(seed: number): Rng {
  // Seed 0 would start mulberry32 at a weak state: use a fixed odd constant instead.
  const next = mulberry32(seed >>> 0 || 0x9e3779b9);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    chars: (length, alphabet) => {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    },
  };
}

export const HEX = '0123456789abcdef';
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
