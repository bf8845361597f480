// Glob patterns as Redis's stringmatchlen matches them (KEYS, SCAN MATCH):
//   *        any run of bytes          ?       one byte
//   [abc]    one of a set; [^abc] none of it; [a-z] a range (ends swapped
//            when reversed); \x inside a set is x
//   \x       the byte x
// A set left open at the end of the pattern ends there. Case-sensitive.
// Strings are Latin-1 (one char per byte).

/** Whether the char at `ch` is in the set starting at pattern[at] (just after '['); and where the set ends. */
function matchSet(p: string, at: number, ch: string): { match: boolean; next: number } {
  let i = at;
  const not = p[i] === '^';
  if (not) i++;
  let match = false;
  for (;;) {
    if (i >= p.length) {
      i = p.length - 1; // unterminated: the set ends with the pattern
      break;
    }
    if (p[i] === '\\' && p.length - i >= 2) {
      i++;
      if (p[i] === ch) match = true;
    } else if (p[i] === ']') {
      break;
    } else if (p[i + 1] === '-' && p.length - i >= 3) {
      let lo = p.charCodeAt(i);
      let hi = p.charCodeAt(i + 2);
      if (lo > hi) [lo, hi] = [hi, lo];
      const c = ch.charCodeAt(0);
      if (c >= lo && c <= hi) match = true;
      i += 2;
    } else if (p[i] === ch) {
      match = true;
    }
    i++;
  }
  return { match: not ? !match : match, next: i + 1 };
}

/**
 * Whether `s` matches pattern `p`. Iterative with backtracking to the last
 * '*' (each other element matches exactly one byte), so that no pattern
 * takes more than O(|p|·|s|) steps.
 */
export function globMatch(p: string, s: string): boolean {
  let pi = 0;
  let si = 0;
  let starP = -1;
  let starS = 0;
  while (si < s.length) {
    if (pi < p.length) {
      const c = p[pi];
      if (c === '*') {
        while (p[pi] === '*') pi++;
        if (pi === p.length) return true;
        starP = pi;
        starS = si;
        continue;
      }
      if (c === '?') {
        pi++;
        si++;
        continue;
      }
      if (c === '[') {
        const r = matchSet(p, pi + 1, s[si]!);
        if (r.match) {
          pi = r.next;
          si++;
          continue;
        }
      } else {
        let lit = pi;
        if (c === '\\' && p.length - pi >= 2) lit = pi + 1;
        if (p[lit] === s[si]) {
          pi = lit + 1;
          si++;
          continue;
        }
      }
    }
    // Mismatch: let the last '*' take one more byte, or fail.
    if (starP < 0) return false;
    pi = starP;
    si = ++starS;
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}
