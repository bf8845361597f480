// Classifying one program's pair of outcomes (lua5.4, Regolith).
import type { Outcome } from './runner.js';

export type Origin = 'generated' | 'suite' | 'test';

export type Class =
  /** Both ran to the end (or os.exit with the same code) and printed the same. */
  | 'same'
  /** Both raised an error, with the same message, after printing the same. */
  | 'lua-error'
  /** A generated program whose output, status or error message differs. */
  | 'differs'
  /** A mutated suite or test file whose result differs (informational: such programs may be nondeterministic). */
  | 'differs-mutant'
  /** A JavaScript exception, an internal error or an internal name where Lua would show none. */
  | 'js'
  /** Regolith passed the time limit, lua5.4 did not. */
  | 'hang'
  /** Both passed the time limit. */
  | 'both-hang'
  /** lua5.4 passed the time limit, Regolith did not. */
  | 'ref-hang'
  /** Regolith's process died. */
  | 'crash'
  /** lua5.4's process died (not Regolith's concern, but shown). */
  | 'ref-crash';

export const CLASSES: Class[] = ['same', 'lua-error', 'differs', 'differs-mutant', 'js', 'hang', 'both-hang', 'ref-hang', 'crash', 'ref-crash'];

/** Classes that are bugs whatever the program's origin. */
export const FAILURES: ReadonlySet<Class> = new Set(['js', 'hang', 'crash', 'differs']);

/**
 * What JavaScript internals look like when they leak into Lua-visible text.
 * Counted on both sides: a program may print such words itself, so only more
 * occurrences under Regolith than under lua5.4 count.
 */
const LEAKS: [string, RegExp][] = [
  ['JS exception name', /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|EvalError|URIError|AggregateError|InternalError)\b/g],
  ['internal error', /internal error/gi],
  ['generated-code name', /\$(?:[A-Za-z_]\w*)/g],
  ['runtime class name', /\b(?:LuaTable|LuaFloat|LuaThread|LuaUserdata|LuaState|HostError)\b/g],
  ['node internals', /node:internal|\.m?js:\d+/g],
  ['JS stack line', /^\s+at \S.*$/gm],
  // ("table index is NaN" is lua5.4's own wording.)
  ['JS value', /\bundefined\b|(?<!index is )\bNaN\b|\bInfinity\b|\[object \w+\]/g],
];

function count(re: RegExp, s: string): number {
  return s.match(re)?.length ?? 0;
}

/** The leaks in Regolith's text that lua5.4's text does not have as often. */
export function leaks(regolith: string, reference: string): string[] {
  const found: string[] = [];
  for (const [what, re] of LEAKS) {
    if (count(re, regolith) > count(re, reference)) found.push(`${what}: ${(regolith.match(re) ?? []).slice(0, 3).join(' | ')}`);
  }
  return found;
}

/** Addresses (`table: 0x55d0c...`) vary between runs and implementations. */
export function normaliseAddresses(s: string): string {
  return s.replace(/\b(table|function|thread|userdata|builtin): (0x)?[0-9a-fA-F]{6,}/g, '$1: ADDR');
}

function visible(o: Outcome): string {
  return o.stdout + ('message' in o ? '\n' + o.message : '');
}

export interface Verdict { cls: Class; why: string }

export function classify(origin: Origin, ref: Outcome, reg: Outcome): Verdict {
  if (reg.kind === 'crash') return { cls: 'crash', why: reg.detail };
  if (reg.kind === 'js') return { cls: 'js', why: `${reg.message}\n${reg.detail}` };
  const leaked = leaks(visible(reg), visible(ref));
  if (leaked.length) return { cls: 'js', why: leaked.join('\n') };
  if (ref.kind === 'crash') return { cls: 'ref-crash', why: ref.detail };
  if (reg.kind === 'hang') return { cls: ref.kind === 'hang' ? 'both-hang' : 'hang', why: '' };
  if (ref.kind === 'hang') return { cls: 'ref-hang', why: '' };
  const kindOf = (o: Outcome) => (o.kind === 'exit' && o.code === 0 ? 'ok' : o.kind);
  const differs: Class = origin === 'generated' ? 'differs' : 'differs-mutant';
  if (kindOf(ref) !== kindOf(reg)) return { cls: differs, why: `lua5.4 ended with ${describe(ref)}, Regolith with ${describe(reg)}` };
  if (origin !== 'suite') {
    const a = normaliseAddresses(ref.stdout), b = normaliseAddresses(reg.stdout);
    if (a !== b) return { cls: differs, why: firstDifference(a, b) };
    if (ref.kind === 'error' && reg.kind === 'error' && normaliseAddresses(ref.message) !== normaliseAddresses(reg.message)) {
      return { cls: differs, why: `error messages differ:\n  lua5.4:   ${ref.message}\n  Regolith: ${reg.message}` };
    }
    if (ref.kind === 'exit' && reg.kind === 'exit' && ref.code !== reg.code) {
      return { cls: differs, why: `exit codes differ: ${ref.code} vs ${reg.code}` };
    }
  }
  return { cls: ref.kind === 'error' ? 'lua-error' : 'same', why: '' };
}

export function describe(o: Outcome): string {
  switch (o.kind) {
    case 'ok': return 'success';
    case 'error': return `error: ${o.message.split('\n')[0]}`;
    case 'exit': return `os.exit(${o.code})`;
    case 'js': return `JS exception: ${o.message}`;
    case 'hang': return 'timeout';
    case 'crash': return `crash: ${o.detail.split('\n')[0]}`;
  }
}

/** The first line of stdout that differs, from both sides. */
function firstDifference(a: string, b: string): string {
  const la = a.split('\n'), lb = b.split('\n');
  let i = 0;
  while (i < la.length && i < lb.length && la[i] === lb[i]) i++;
  return `stdout differs at line ${i + 1}:\n  lua5.4:   ${JSON.stringify(la[i] ?? '<end>')}\n  Regolith: ${JSON.stringify(lb[i] ?? '<end>')}`;
}
