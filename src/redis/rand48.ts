// Redis's math.random: the rand48 linear congruential generator
// (X' = (0x5DEECE66D * X + 0xB) mod 2^48, 31-bit results from the top bits),
// which Redis uses so that scripts draw the same numbers on every replica.
// In Redis 7 one generator serves every script of a server and is never
// reseeded between scripts; here it belongs to one scripting environment.

const A = 0x5deece66dn;
const C = 0xbn;
const MASK48 = (1n << 48n) - 1n;
/** INT32_MAX: draws are taken modulo it and divided by it. */
const LRAND48_MAX = 2147483647;

export class Rand48 {
  /** The 48-bit state; the initial one is rand48's (0x1234ABCD330E). */
  private x = 0x1234abcd330en;

  /** srand48: the seed's low 32 bits above 0x330E. */
  seed(seed: number): void {
    this.x = ((BigInt(seed | 0) & 0xffffffffn) << 16n) | 0x330en;
  }

  /** lrand48: the next non-negative 31-bit number. */
  next(): number {
    this.x = (A * this.x + C) & MASK48;
    return Number(this.x >> 17n);
  }

  /** A draw in [0, 1), as Redis's math.random computes it. */
  fraction(): number {
    return (this.next() % LRAND48_MAX) / LRAND48_MAX;
  }
}
