// A sorted set: members with scores, ordered by score and then by member
// bytes (memcmp), as Redis's skiplist and listpack both order them.
// Scores by member in a Map; the order in an array kept sorted by binary
// search (simple, and fast enough for a test store).
//
// It also tracks whether Redis would still hold it as a listpack (at most
// 128 members of at most 64 bytes; once a skiplist, always one): a listpack
// stores a score of -0 as the integer 0, a skiplist keeps -0.

export interface Entry {
  member: string;
  score: number;
}

/** Redis's order: score, then member bytes (Latin-1 strings compare as bytes). */
export function compareEntries(a: Entry, b: Entry): number {
  if (a.score !== b.score) return a.score < b.score ? -1 : 1;
  return a.member < b.member ? -1 : a.member > b.member ? 1 : 0;
}

/** zset-max-listpack-entries and zset-max-listpack-value. */
const LISTPACK_ENTRIES = 128;
const LISTPACK_VALUE = 64;

export class SortedSet {
  private readonly scores = new Map<string, number>();
  private readonly order: Entry[] = [];

  /** `listpack`: whether Redis would create it as a listpack. */
  constructor(private listpack = true) {}

  /** Whether a sorted set of `size` members with these members would be a listpack. */
  static fitsListpack(size: number, members: Iterable<string>): boolean {
    if (size > LISTPACK_ENTRIES) return false;
    for (const m of members) if (m.length > LISTPACK_VALUE) return false;
    return true;
  }

  clone(): SortedSet {
    const z = new SortedSet(this.listpack);
    for (const e of this.order) z.set(e.member, e.score);
    return z;
  }

  get size(): number {
    return this.order.length;
  }

  score(member: string): number | undefined {
    return this.scores.get(member);
  }

  /** Entries in order; the array must not be modified. */
  entries(): readonly Entry[] {
    return this.order;
  }

  /** The first index whose entry is not before `e`. */
  private position(e: Entry): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(this.order[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds a member or changes its score. */
  set(member: string, score: number): void {
    const old = this.scores.get(member);
    // Redis converts before adding a member that does not fit.
    if (this.listpack && ((old === undefined && this.order.length + 1 > LISTPACK_ENTRIES) || member.length > LISTPACK_VALUE)) {
      this.listpack = false;
    }
    if (score === 0 && this.listpack) score = 0; // a listpack stores -0 as the integer 0
    if (old !== undefined) {
      if (old === score) return;
      this.order.splice(this.position({ member, score: old }), 1);
    }
    this.scores.set(member, score);
    const e = { member, score };
    this.order.splice(this.position(e), 0, e);
  }

  delete(member: string): boolean {
    const old = this.scores.get(member);
    if (old === undefined) return false;
    this.order.splice(this.position({ member, score: old }), 1);
    this.scores.delete(member);
    return true;
  }

  /** The 0-based rank of a member, or undefined. */
  rank(member: string): number | undefined {
    const score = this.scores.get(member);
    return score === undefined ? undefined : this.position({ member, score });
  }

  /** The first index whose score is above (or at, unless exclusive) `min`. */
  firstAtLeast(min: number, exclusive: boolean): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.order[mid]!.score;
      if (exclusive ? s <= min : s < min) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
