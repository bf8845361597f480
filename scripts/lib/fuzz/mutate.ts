// Token-level mutations of Lua source files for the differential fuzzer:
// delete, duplicate or swap tokens, replace numbers, strings, operators and
// names with edge values, insert a statement. The result is a function of
// the source and the Rng alone.
import type { Rng } from '../../../test/support/rng.js';

export type TokKind = 'space' | 'comment' | 'string' | 'number' | 'name' | 'op';
export interface Tok { kind: TokKind; text: string }

const OPS = ['...', '..', '==', '~=', '<=', '>=', '<<', '>>', '//', '::', '+', '-', '*', '/', '%', '^', '#', '&', '~', '|',
  '<', '>', '=', '(', ')', '{', '}', '[', ']', ';', ':', ',', '.'];
const BINOPS = ['+', '-', '*', '/', '//', '%', '^', '&', '|', '~', '<<', '>>', '..', '==', '~=', '<', '<=', '>', '>=', 'and', 'or'];
const NUMBERS = ['0', '1', '-1', '2', '0.0', '-0.0', '1e308', '0/0', '1/0', 'math.maxinteger', 'math.mininteger', '2^53',
  '2^63', '0x7fffffffffffffff', '0xffffffffffffffff', '9007199254740993', '0.5', '-1.5', '3', '1000000', '255', '256', '64', '-64'];
const STRINGS = ['""', '"x"', '"\\0"', '"%"', '"%d"', '"10"', '"0x10"', '"1e2"', '"inf"', '"\\255"', '"\\u{7FFFFFFF}"', '[[a\nb]]',
  '"__index"', '"%s%s%s"', '"(.-)"', '"i8"', '"<I2"', '"z"'];
const SNIPPETS = ['error({})', 'error(nil)', 'error("boom", 2)', 'coroutine.yield()', 'collectgarbage()', 'collectgarbage("step")',
  'do return end', 'goto continue', 'local _ <close> = nil', 'setmetatable(_ENV, {__index = function(t, k) return nil end})',
  'string.rep("x", 100)', 'pcall(error)', 'local t = setmetatable({}, {__gc = true})', 'debug.sethook()', 'break'];
const KEYWORDS = new Set(['and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in',
  'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while']);

/** Splits a Lua source (byte string) into tokens that concatenate back to it. */
export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const n = src.length;
  const longEnd = (at: number): number => {
    // at: position of '['; returns index after the closing bracket, or -1
    const m = /^\[(=*)\[/.exec(src.slice(at, at + 100));
    if (!m) return -1;
    const close = ']' + m[1] + ']';
    const j = src.indexOf(close, at + m[0].length);
    return j < 0 ? n : j + close.length;
  };
  while (i < n) {
    const c = src[i]!;
    const start = i;
    let kind: TokKind;
    if (/\s/.test(c)) {
      while (i < n && /\s/.test(src[i]!)) i++;
      kind = 'space';
    } else if (src.startsWith('--', i)) {
      const e = src[i + 2] === '[' ? longEnd(i + 2) : -1;
      if (e >= 0) i = e;
      else { const j = src.indexOf('\n', i); i = j < 0 ? n : j; }
      kind = 'comment';
    } else if (c === '"' || c === "'") {
      i++;
      while (i < n && src[i] !== c && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
      i = Math.min(n, i + 1);
      kind = 'string';
    } else if (c === '[' && (src[i + 1] === '[' || src[i + 1] === '=') && longEnd(i) >= 0) {
      i = longEnd(i);
      kind = 'string';
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F.]*([pP][+-]?[0-9]+)?|[0-9.]+([eE][+-]?[0-9]+)?)/.exec(src.slice(i, i + 80))!;
      i += Math.max(1, m[0].length);
      kind = 'number';
    } else if (/[A-Za-z_]/.test(c)) {
      while (i < n && /[A-Za-z0-9_]/.test(src[i]!)) i++;
      kind = 'name';
    } else {
      const op = OPS.find((o) => src.startsWith(o, i));
      i += op ? op.length : 1;
      kind = 'op';
    }
    out.push({ kind, text: src.slice(start, i) });
  }
  return out;
}

/** One to three mutations of `src`, and a description of each. */
export function mutate(src: string, r: Rng): { source: string; notes: string[] } {
  const toks = tokenize(src);
  const notes: string[] = [];
  const real = () => {
    const idx: number[] = [];
    toks.forEach((t, i) => { if (t.kind !== 'space' && t.kind !== 'comment') idx.push(i); });
    return idx;
  };
  const names = [...new Set(toks.filter((t) => t.kind === 'name' && !KEYWORDS.has(t.text)).map((t) => t.text))];
  const count = r.range(1, 3);
  for (let m = 0; m < count; m++) {
    const idx = real();
    if (idx.length < 2) break;
    const at = r.pick(idx);
    const t = toks[at]!;
    const line = toks.slice(0, at).reduce((a, x) => a + (x.text.match(/\n/g)?.length ?? 0), 1);
    switch (r.int(8)) {
      case 0: notes.push(`line ${line}: deleted ${JSON.stringify(t.text)}`); toks.splice(at, 1); break;
      case 1: notes.push(`line ${line}: duplicated ${JSON.stringify(t.text)}`); toks.splice(at, 0, { ...t }, { kind: 'space', text: ' ' }); break;
      case 2: {
        const pos = idx.indexOf(at);
        const other = idx[pos + 1] ?? idx[pos - 1]!;
        notes.push(`line ${line}: swapped ${JSON.stringify(t.text)} and ${JSON.stringify(toks[other]!.text)}`);
        toks[at] = toks[other]!; toks[other] = t;
        break;
      }
      default: {
        // Replace a token of a kind chosen by what is there.
        let text: string;
        if (t.kind === 'number') text = r.pick(NUMBERS);
        else if (t.kind === 'string') text = r.pick(STRINGS);
        else if (t.kind === 'op' && BINOPS.includes(t.text)) text = r.pick(BINOPS);
        else if (t.kind === 'name' && !KEYWORDS.has(t.text) && names.length) text = r.chance(0.8) ? r.pick(names) : r.pick(NUMBERS);
        else if (r.chance(0.5)) {
          // Insert a statement before the line holding this token.
          let j = at;
          while (j > 0 && !toks[j - 1]!.text.includes('\n')) j--;
          const s = r.pick(SNIPPETS);
          notes.push(`line ${line}: inserted ${JSON.stringify(s)}`);
          toks.splice(j, 0, { kind: 'name', text: s + ' ' });
          continue;
        } else text = r.pick([...BINOPS, ...NUMBERS, 'nil', 'end', '(', ')', ',']);
        notes.push(`line ${line}: replaced ${JSON.stringify(t.text)} with ${JSON.stringify(text)}`);
        toks[at] = { kind: t.kind, text: ` ${text} ` };
      }
    }
  }
  return { source: toks.map((t) => t.text).join(''), notes };
}
