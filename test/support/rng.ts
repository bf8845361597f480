// A small seeded PRNG (mulberry32) for deterministic test corpora.

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private s: number;
  /** A generator whose state starts as `seed`. */
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  /** A generator seeded from several numbers, mixed together. */
  static mixed(...parts: number[]): Rng {
    let h = 0x9e3779b9;
    for (const p of parts) h = mix(h ^ mix(p >>> 0));
    return new Rng(h);
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number { return Math.floor(this.next() * n); }
  range(lo: number, hi: number): number { return lo + this.int(hi - lo + 1); }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]!; }
  chance(p: number): boolean { return this.next() < p; }
}
