// A sorted set: members with scores, ordered by score and then by member
// bytes (memcmp), as Redis's skiplist and listpack both order them.
// Scores by member in a Map; the order in an array kept sorted by binary
// search (simple, and fast enough for a test store).

export interface Entry {
  member: string;
  score: number;
}

/** Redis's order: score, then member bytes (Latin-1 strings compare as bytes). */
export function compareEntries(a: Entry, b: Entry): number {
  if (a.score !== b.score) return a.score < b.score ? -1 : 1;
  return a.member < b.member ? -1 : a.member > b.member ? 1 : 0;
}

export class SortedSet {
  private readonly scores = new Map<string, number>();
  private readonly order: Entry[] = [];

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
    if (score === 0) score = 0; // -0 is kept as 0, as Redis's listpack keeps it
    const old = this.scores.get(member);
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
