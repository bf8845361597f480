// Random Lua 5.4 programs for the differential fuzzer. Every program is a
// function of its Rng alone, so (seed, index) reproduces it. The programs are
// meant to be deterministic under any conforming implementation and to
// terminate: loops carry an iteration guard, recursion a depth argument,
// `pairs` order never reaches the output (keys are sorted first), and nothing
// reads clocks, addresses, the environment or files. Values are printed
// through `show`, which prints tables, functions and threads by type only.
import type { Rng } from '../../../test/support/rng.js';

const PRELUDE = `local function show(...)
  local n = select('#', ...)
  local t = {}
  for i = 1, n do
    local v = select(i, ...)
    local tv = type(v)
    if tv == 'string' then t[i] = string.format('%q', v)
    elseif tv == 'number' then t[i] = math.type(v) .. ':' .. tostring(v)
    elseif tv == 'nil' or tv == 'boolean' then t[i] = tostring(v)
    else t[i] = tv end
  end
  print(n, table.concat(t, ', '))
end
local function try(f, ...)
  local r = table.pack(pcall(f, ...))
  if not r[1] then show(false, r[2]) return nil end
  return r[2]
end
local function keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = type(k) == 'number' and math.type(k) .. ':' .. tostring(k) or type(k) == 'string' and k or type(k) end
  table.sort(ks)
  return table.concat(ks, ' ')
end
`;

const INTS = ['0', '1', '-1', '2', '3', '7', '10', '-10', '255', '256', '1000', 'math.maxinteger', 'math.mininteger',
  '0x7fffffffffffffff', '0xffffffffffffffff', '9007199254740992', '9007199254740993', '1 << 62', '1 << 63', '-(1 << 53)',
  '0x10', '42', '-7', '65', '31', '63', '64'];
const FLOATS = ['0.0', '-0.0', '0.5', '-1.5', '1e308', '1e-308', '5e-324', '1/0', '-1/0', '0/0', '-(0/0)', 'math.pi',
  'math.huge', '-math.huge', '2^53', '2.0^63', '-2.0^63', '3.0', '1e15', '1e16', '123456789012345678', '0x1p-1074',
  '0x.8p1', '1e100', '2^24', '0.1', '1/3', '-3.75', '255.0', '9007199254740993.0', '1e14', '100.0'];
const STRINGS = ['""', '"abc"', '"\\0x\\0"', '"\\x41\\u{48}\\u{7FF}"', '"10"', '"0x10"', '" 12 "', '"1e2"', '"3.0"',
  '"-0"', '"inf"', '"nan"', '"\\255\\128"', '"hello world"', '"%d"', '"a,b,,c"', '[[long\nstring]]', '"\\z   x"',
  '"\\u{10FFFF}"', '"\\u{7FFFFFFF}"', "'\\''", '"\\195\\169t\\195\\169"', '"  0x1p4  "', '"1e"', '"0x"', '"9223372036854775808"',
  '"-9223372036854775808"', '"key"', '"x"', '"y"', '"__index"', '"\\n\\t\\r\\v\\f\\a\\b"', '"\\\\"', '"abcabc"', '"(%a+)"',
  '"The quick brown fox"', '"12.5"', '".5"', '"5."', '"1 2 3"'];
const PATTERNS = ['"%a+"', '"%d+"', '"(%w+)=(%w+)"', '"%s*(.-)%s*$"', '"^(%d+)"', '"%b()"', '"%f[%w]%w+"', '"()a"',
  '"[%a_][%w_]*"', '"[^,]*"', '"x*"', '"(.)%1"', '"%.%d"', '"[a-c]+"', '".-b"', '"%u%l*"', '"[%]]"', '"%x%x"', '"a?b"',
  '"(h)(e)(l)"', '"$"', '"^"', '""', '"%"', '"[a"', '"(()"', '"%g+"', '"%p"', '"[%d%.]+"', '"%c"'];
const FORMATS = ['"%d"', '"%5d"', '"%-5d|"', '"%05.1f"', '"%.3f"', '"%g"', '"%.14g"', '"%e"', '"%x"', '"%X"', '"%o"', '"%c"',
  '"%s"', '"%10.3s|"', '"%q"', '"%i"', '"%a"', '"%%"', '"%5.2s"', '"%+d"', '"% d"', '"%#x"', '"%.0f"', '"%.20f"', '"%u"', '"%"',
  '"%10q"', '"%-10s|"', '"%.99f"', '"%099d"'];
const PACKFMTS = ['"i4"', '"<i8"', '">I2"', '"z"', '"s1"', '"d"', '"n"', '"j"', '"b"', '"B"', '"h"', '"H"', '"!4 i3 i7"',
  '"<I16"', '"f"', '"s"', '"c5"', '"i17"', '">j"', '"=I3"', '"!8 b d"', '"x i2 Xi4"', '"T"', '"L"', '"I0"'];
const BINOPS = ['+', '-', '*', '/', '//', '%', '^', '&', '|', '~', '<<', '>>', '..', '==', '~=', '<', '<=', '>', '>=', 'and', 'or'];
const ARITH = ['+', '-', '*', '/', '//', '%', '^'];
const BITS = ['&', '|', '~', '<<', '>>'];
const CMPS = ['==', '~=', '<', '<=', '>', '>='];
const EVENTS = ['__add', '__sub', '__mul', '__div', '__mod', '__pow', '__unm', '__idiv', '__band', '__bor', '__bxor',
  '__shl', '__shr', '__bnot', '__concat', '__len', '__eq', '__lt', '__le', '__index', '__newindex', '__call', '__close',
  '__tostring', '__name', '__metatable', '__pairs'];

/** Negative literals in parentheses, so that `-` before them never makes a comment. */
function paren(x: string): string { return x.startsWith('-') ? `(${x})` : x; }

export class ProgramGen {
  private out: string[] = [];
  private ind = '';
  private vars: string[][] = [[]];
  private nid = 0;
  private fnDepth = 0;
  /** Whether `...` is valid where code is being generated. */
  private va = true;
  private loopDepth = 0;
  private stmtBudget: number;

  constructor(private readonly r: Rng) {
    this.stmtBudget = r.range(15, 70);
  }

  program(): string {
    this.out.push(PRELUDE);
    this.line('local G = {}');
    for (let i = 0; i < 4; i++) this.declareLocal();
    while (this.stmtBudget > 0) this.statement();
    this.line('print("done")');
    return this.out.join('');
  }

  // ------------------------------------------------------------ helpers

  private line(s: string): void { this.out.push(this.ind + s + '\n'); }
  private fresh(p = 'v'): string { return `${p}${this.nid++}`; }
  private allVars(): string[] { return this.vars.flat(); }
  private anyVar(): string | null { const a = this.allVars(); return a.length ? this.r.pick(a) : null; }
  private open(head: string): void { this.line(head); this.ind += '  '; this.vars.push([]); }
  private close(tail = 'end'): void { this.vars.pop(); this.ind = this.ind.slice(2); this.line(tail); }
  private block(n: number): void { for (let i = 0; i < n && this.stmtBudget > -20; i++) this.statement(); }
  private guard(): string {
    const c = this.fresh('c');
    this.line(`local ${c} = 0`);
    return c;
  }
  private guardLine(c: string, max: number): void { this.line(`${c} = ${c} + 1; if ${c} > ${max} then break end`); }

  // ------------------------------------------------------------ expressions

  int(): string { return paren(this.r.chance(0.5) ? String(this.r.range(-5, 20)) : this.r.pick(INTS)); }
  num(): string { return this.r.chance(0.5) ? this.int() : paren(this.r.pick(FLOATS)); }
  str(): string { return this.r.pick(STRINGS); }
  small(): string { return String(this.r.range(-2, 6)); }

  atom(): string {
    const k = this.r.int(12);
    if (k < 3) return this.num();
    if (k < 5) return this.str();
    if (k < 9) { const v = this.anyVar(); if (v) return v; }
    if (k === 9) return this.r.pick(['nil', 'true', 'false']);
    if (k === 10) return `G.${this.r.pick(['a', 'b', 'c'])}`;
    return this.r.pick(this.va ? ['...', 'select("#", ...)', 'G'] : ['G', 'nil']);
  }

  expr(d = 0): string {
    if (d > 3 || this.r.chance(0.25)) return this.atom();
    const k = this.r.int(30);
    const e = () => this.expr(d + 1);
    if (k < 8) return `(${e()} ${this.r.pick(BINOPS)} ${e()})`;
    if (k < 10) return `(${this.num()} ${this.r.pick(ARITH)} ${this.num()})`;
    if (k < 11) return `(${this.int()} ${this.r.pick(BITS)} ${this.int()})`;
    if (k < 12) return `(${this.num()} ${this.r.pick(CMPS)} ${this.num()})`;
    if (k < 14) return `(${this.r.pick(['-', 'not', '#', '~'])} ${e()})`;
    if (k < 16) return `{${this.items(d + 1)}}`;
    if (k < 17) return `{${e()}, [${e()}] = ${e()}, x = ${e()}, ${e()}}`;
    if (k < 18) return `select("#", table.unpack({${e()}, ${e()}, nil, ${e()}}, 1, 4))`;
    if (k < 21) return this.libCall(d + 1);
    if (k < 22) return `(function(...) return ${this.exprList(d + 1)} end)(${this.exprList(d + 1)})`;
    if (k < 23) return `select(${this.r.pick(['1', '2', '-1', '"#"', '0'])}${this.moreArgs(d + 1)})`;
    if (k < 24) return `(${e()})[${e()}]`;
    if (k < 25) return `(${this.str()}):${this.r.pick(['upper', 'lower', 'len', 'reverse', 'byte'])}()`;
    if (k < 26) return `(${e()} and ${e()} or ${e()})`;
    if (k < 27) return `math.type(${e()})`;
    if (k < 28) return `tostring(${e()})`;
    if (k < 29) return `tonumber(${e()})`;
    return `string.format(${this.r.pick(FORMATS)}, ${e()})`;
  }

  /**
   * Items of a table constructor that is sequence: never nil, since the
   * border of a table with holes (`#`, and what uses it) may differ between
   * conforming implementations.
   */
  items(d: number): string {
    const n = this.r.range(0, 3);
    const xs: string[] = [];
    for (let i = 0; i < n; i++) xs.push(`(${this.expr(d)} or false)`);
    return xs.join(', ');
  }

  /** `, e1, e2` or nothing; at statement level (d = 2), whose errors are shown, not raised. */
  moreArgs(d: number): string {
    const l = d === 2 ? this.argList() : this.exprList(d);
    return l ? ', ' + l : '';
  }

  /** Arguments that cannot raise errors: atoms and `try` calls. */
  argList(): string {
    return this.argArray().join(', ');
  }

  argArray(): string[] {
    const n = this.r.range(0, 3);
    const xs: string[] = [];
    for (let i = 0; i < n; i++) xs.push(this.r.chance(0.5) ? this.atom() : this.safe(2));
    return xs;
  }

  exprList(d: number): string {
    const n = this.r.range(0, 3);
    const xs: string[] = [];
    for (let i = 0; i < n; i++) xs.push(this.expr(d));
    return xs.join(', ');
  }

  libCall(d: number): string {
    const e = () => this.expr(d + 1);
    const r = this.r;
    switch (r.int(40)) {
      case 0: return `math.floor(${e()})`;
      case 1: return `math.ceil(${e()})`;
      case 2: return `math.tointeger(${e()})`;
      case 3: return `math.abs(${e()})`;
      case 4: return `math.fmod(${this.num()}, ${this.num()})`;
      case 5: return `math.max(${this.num()}, ${this.num()}, ${this.num()})`;
      case 6: return `math.min(${e()}, ${this.num()})`;
      case 7: return `math.ult(${this.int()}, ${this.int()})`;
      case 8: return `math.modf(${this.num()})`;
      case 9: return `math.sqrt(${this.num()})`;
      case 10: return `math.log(${this.num()}${r.chance(0.5) ? ', ' + r.pick(['2', '10', '0.5', '1']) : ''})`;
      case 11: return `math.exp(${this.r.pick(['0', '1', '-1', '710', '0.5'])})`;
      case 12: return `string.rep(${e()}, ${this.small()}${r.chance(0.3) ? ', ' + this.str() : ''})`;
      case 13: return `string.sub(${this.str()}, ${this.int()}, ${this.int()})`;
      case 14: return `string.byte(${this.str()}, ${this.small()}, ${this.small()})`;
      case 15: return `string.char(${r.pick(['65', '0', '255', '256', '-1', '97, 98', ''])})`;
      case 16: return `string.find(${this.str()}, ${r.pick(PATTERNS)}${r.chance(0.4) ? ', ' + this.small() : ''}${r.chance(0.2) ? ', true' : ''})`;
      case 17: return `string.match(${this.str()}, ${r.pick(PATTERNS)})`;
      case 18: return `string.gsub(${this.str()}, ${r.pick(PATTERNS)}, ${r.pick(['"%0%0"', '"<%1>"', '"%%"', '{a="A", b=true}', 'string.upper', 'function(x) return nil end', '"%2"', '"x"'])}${r.chance(0.3) ? ', ' + this.small() : ''})`;
      case 19: return `string.format(${r.pick(FORMATS)}, ${e()})`;
      case 20: return `string.format("%q", ${this.num()})`;
      case 21: return `string.len(${e()})`;
      case 22: return `string.pack(${r.pick(PACKFMTS)}, ${e()})`;
      case 23: return `string.unpack(${r.pick(PACKFMTS)}, string.pack(${r.pick(PACKFMTS)}, ${this.int()}))`;
      case 24: return `string.packsize(${r.pick(PACKFMTS)})`;
      case 25: return `tonumber(${this.str()}, ${r.pick(['2', '10', '16', '36', '37', '1', '8'])})`;
      case 26: return `tonumber(${this.str()})`;
      case 27: return `utf8.char(${r.pick(['72', '0x7FF', '0x10FFFF', '0x7FFFFFFF', '-1', '65, 66, 0x20AC'])})`;
      case 28: return `utf8.len(${this.str()}${r.chance(0.3) ? ', ' + this.small() : ''})`;
      case 29: return `utf8.codepoint(${this.str()}, ${this.small()}, ${this.small()})`;
      case 30: return `utf8.offset(${this.str()}, ${this.small()})`;
      case 31: return `table.concat({${this.items(d)}}, ${this.str()})`;
      case 32: return `table.unpack({${this.exprList(d)}}, ${this.small()}, ${this.small()})`;
      case 33: return `select("#", table.unpack({${this.items(d)}}))`;
      case 34: return `rawequal(${e()}, ${e()})`;
      case 35: return `rawlen(${e()})`;
      case 36: return `type(${e()})`;
      case 37: return `string.reverse(${e()})`;
      case 38: return `math.type(${e()})`;
      default: return `(${this.num()} ${r.pick(CMPS)} ${this.str()})`;
    }
  }

  // ------------------------------------------------------------ statements

  private declareLocal(): void {
    const v = this.fresh();
    this.line(`local ${v} = ${this.safe()}`);
    this.vars[this.vars.length - 1]!.push(v);
  }

  /** An expression whose errors are shown, not raised. */
  private safe(d = 1): string { return `try(function(...) return ${this.expr(d)} end${this.va ? ', ...' : ''})`; }

  private showExpr(): void {
    const e = this.expr();
    if (this.r.chance(0.6)) this.line(`show(pcall(function(...) return ${e} end${this.moreArgs(2)}))`);
    else this.line(`show(pcall(function(...) local r = ${e}; return r end))`);
  }

  statement(): void {
    this.stmtBudget--;
    const r = this.r;
    const deep = this.vars.length > 5;
    const k = deep ? r.int(6) : r.int(34);
    switch (k) {
      case 0: case 1: this.showExpr(); return;
      case 2: this.declareLocal(); return;
      case 3: {
        const v = this.anyVar();
        if (v) this.line(`${v} = ${this.safe()}`);
        else this.declareLocal();
        return;
      }
      case 4: this.line(`G.${r.pick(['a', 'b', 'c'])} = ${this.safe()}`); return;
      case 5: this.line(`show(pcall(function(...) G[${this.safe(2)}] = ${this.safe(2)}; return keys(G) end))`); return;
      case 6: return this.ifStmt();
      case 7: return this.numericFor();
      case 8: return this.whileLoop();
      case 9: return this.repeatLoop();
      case 10: return this.genericFor();
      case 11: return this.localFunction();
      case 12: return this.closures();
      case 13: case 14: return this.metatables();
      case 15: return this.coroutines();
      case 16: return this.errors();
      case 17: return this.gotoLoop();
      case 18: return this.varargs();
      case 19: return this.multiAssign();
      case 20: return this.closeVars();
      case 21: return this.tableLib();
      case 22: return this.stringLib();
      case 23: return this.doBlock();
      case 24: return this.recursion();
      case 25: return this.integerFloat();
      case 26: return this.utf8Lib();
      case 27: return this.packLib();
      case 28: return this.randomSeeded();
      case 29: return this.constVars();
      case 30: return this.gsubLoop();
      case 31: return this.integerForEdges();
      case 32: return this.methods();
      default: this.showExpr();
    }
  }

  private ifStmt(): void {
    this.open(`if ${this.safe(2)} then`);
    this.block(this.r.range(1, 3));
    this.vars.pop(); this.ind = this.ind.slice(2);
    if (this.r.chance(0.5)) { this.line(`elseif ${this.safe(2)} then`); this.ind += '  '; this.vars.push([]); this.block(2); this.vars.pop(); this.ind = this.ind.slice(2); }
    if (this.r.chance(0.5)) { this.line('else'); this.ind += '  '; this.vars.push([]); this.block(2); this.vars.pop(); this.ind = this.ind.slice(2); }
    this.line('end');
  }

  private numericFor(): void {
    const c = this.guard();
    const i = this.fresh('i');
    const r = this.r;
    const a = r.chance(0.6) ? this.small() : this.num(), b = r.chance(0.6) ? String(r.range(-3, 12)) : this.num();
    const step = r.chance(0.5) ? '' : ', ' + r.pick(['1', '-1', '2', '0.5', '-0.25', '3', '0', '0.0', 'math.maxinteger', 'math.mininteger', '1e308', '0/0']);
    this.line(`show(pcall(function(...)`);
    this.ind += '  ';
    this.open(`for ${i} = ${a}, ${b}${step} do`);
    this.vars[this.vars.length - 1]!.push(i);
    this.guardLine(c, 20);
    this.line(`io.write(math.type(${i}), ":", tostring(${i}), " ")`);
    this.block(r.range(0, 2));
    this.close();
    this.line(`return ${c}`);
    this.ind = this.ind.slice(2);
    this.line('end))');
  }

  private integerForEdges(): void {
    const r = this.r;
    const [a, b, s] = r.pick([
      ['math.maxinteger - 2', 'math.maxinteger', '1'], ['math.mininteger + 2', 'math.mininteger', '-1'],
      ['math.mininteger', 'math.mininteger + 2', '1'], ['1', '3', 'math.maxinteger'], ['-1', '-3', 'math.mininteger'],
      ['0', '1e308', '2^62'], ['math.maxinteger - 1', '1e100', '1'], ['1', '0', '1'], ['3', '1.5', '-0.5'],
      ['1', '2', '0'], ['"1"', '2', '1'], ['1', '"x"', '1'], ['2^53', '2^53 + 2', '1'], ['0.1', '0.35', '0.1'],
      ['math.mininteger', '-math.huge', 'math.mininteger'], ['-3', '3', '3'], ['1', 'math.huge', '2^61'],
    ]);
    this.line(`show(pcall(function(...) local n, s = 0, "" for i = ${a}, ${b}, ${s} do n = n + 1; s = s .. math.type(i) .. tostring(i) .. ";" if n > 10 then break end end return n, s end))`);
  }

  private whileLoop(): void {
    const c = this.guard();
    this.open(`while ${this.r.chance(0.5) ? 'true' : this.safe(2)} do`);
    this.guardLine(c, this.r.range(1, 8));
    this.block(this.r.range(1, 3));
    this.close();
    this.line(`show(${c})`);
  }

  private repeatLoop(): void {
    const c = this.guard();
    this.open('repeat');
    const v = this.fresh();
    this.line(`local ${v} = ${c} * 2`);
    this.guardLine(c, this.r.range(1, 6));
    this.block(this.r.range(0, 2));
    this.vars.pop(); this.ind = this.ind.slice(2);
    this.line(`until ${v} > ${this.r.range(0, 8)} or ${this.safe(2)}`);
  }

  private genericFor(): void {
    const r = this.r;
    const c = this.guard();
    const k = this.fresh('k'), v = this.fresh('v');
    const iter = r.pick([
      `ipairs({${this.argList()}})`, `ipairs(G)`, `pairs({x = 1, y = 2${this.moreArgs(2)}})`,
      `string.gmatch(${this.str()}, ${r.pick(PATTERNS)})`, `next, {${this.argList()}}`,
      `function(s, i) if i < 3 then return i + 1, s end end, "st", 0`, `utf8.codes(${this.str()})`,
      `pairs(setmetatable({}, {__pairs = function(t) return function(_, i) i = (i or 0) + 1; if i <= 3 then return i, i * i end end, t, nil end}))`,
    ]);
    const ordered = !iter.startsWith('pairs({') && !iter.startsWith('next');
    this.line('show(pcall(function(...)');
    this.ind += '  ';
    this.line('local acc = {}');
    this.open(`for ${k}, ${v} in ${iter} do`);
    this.vars[this.vars.length - 1]!.push(k, v);
    this.guardLine(c, 30);
    this.line(`acc[#acc + 1] = tostring(math.type(${k}) or type(${k})) .. "=" .. (type(${v}) == "table" and "table" or tostring(${v}))`);
    if (ordered) this.block(r.range(0, 1));
    this.close();
    if (!ordered) this.line('table.sort(acc)');
    this.line('return table.concat(acc, " ")');
    this.ind = this.ind.slice(2);
    this.line('end))');
  }

  private localFunction(): void {
    const f = this.fresh('f');
    const params = ['a', 'b', 'c'].slice(0, this.r.range(0, 3)).map((p) => p + this.nid);
    const va = this.r.chance(0.4);
    this.open(`local function ${f}(${[...params, ...(va ? ['...'] : [])].join(', ')})`);
    this.vars[this.vars.length - 1]!.push(...params);
    this.fnDepth++;
    const va0 = this.va;
    this.va = va;
    this.block(this.r.range(0, 3));
    this.line(`return ${this.exprList(1)}`);
    this.va = va0;
    this.fnDepth--;
    this.close();
    this.vars[this.vars.length - 1]!.push(f);
    this.line(`show(pcall(${f}${this.moreArgs(2)}))`);
    this.line(`show(select("#", pcall(${f})), (pcall(${f}${this.moreArgs(2)})))`);
  }

  private closures(): void {
    const r = this.r;
    this.line(r.pick([
      `do local fs = {} for i = 1, ${r.range(1, 4)} do local j = i * 2 fs[i] = function(d) j = j + (d or 0) return i, j end end show(fs[1](1)) show(fs[#fs](10)) show(fs[1]()) end`,
      `do local function counter() local n = 0 return function() n = n + 1 return n end, function() return n end end local inc, get = counter() inc() inc() show(get(), inc()) end`,
      `do local a = ${this.safe(2)} local function f() return a end local function g(x) a = x end g(${this.safe(2)}) show(pcall(f)) end`,
      `do local t = {} local i = 1 while i <= 3 do local k = i t[i] = function() return k end i = i + 1 end show(t[1](), t[2](), t[3]()) end`,
      `do local x = 0 local f = function() x = x + 1 return function() x = x * 2 return x end end local g = f() show(g(), x, f()(), x) end`,
    ]));
  }

  private metatables(): void {
    const r = this.r;
    const mt = this.fresh('mt'), t = this.fresh('t'), u = this.fresh('u');
    const events = new Set<string>();
    const n = r.range(1, 6);
    for (let i = 0; i < n; i++) events.add(r.pick(EVENTS));
    const fields: string[] = [];
    for (const e of events) {
      switch (e) {
        case '__index': fields.push(r.chance(0.5) ? `__index = function(t, k) return tostring(k) .. "!" end` : `__index = {x = 10, y = ${this.safe(2)}}`); break;
        case '__newindex': fields.push(r.chance(0.5) ? `__newindex = function(t, k, v) rawset(t, k, v == nil and "nil" or v) end` : `__newindex = G`); break;
        case '__call': fields.push(`__call = function(self, ...) return select("#", ...), ... end`); break;
        case '__close': fields.push(`__close = function(o, e) print("closing", type(o), e) end`); break;
        case '__tostring': fields.push(`__tostring = function(o) return ${r.pick(['"T!"', '42', 'nil', 'o'])} end`); break;
        case '__name': fields.push(`__name = ${r.pick(['"MyType"', '42'])}`); break;
        case '__metatable': fields.push(`__metatable = ${r.pick(['"locked"', 'false', '{}'])}`); break;
        case '__len': fields.push(`__len = function(o) return ${r.pick(['7', '"x"', 'nil', '2^53'])} end`); break;
        case '__eq': case '__lt': case '__le': fields.push(`${e} = function(a, b) return ${r.pick(['true', 'false', 'nil', '1', 'rawequal(a, b)'])} end`); break;
        case '__unm': case '__bnot': fields.push(`${e} = function(a, b) return "${e}", rawequal(a, b) end`); break;
        case '__concat': fields.push(`__concat = function(a, b) return (type(a) == "table" and "T" or tostring(a)) .. "&" .. (type(b) == "table" and "T" or tostring(b)) end`); break;
        case '__pairs': fields.push(`__pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end`); break;
        default: fields.push(`${e} = function(a, b) return "${e}", type(a), type(b) end`);
      }
    }
    this.line(`local ${mt} = {${fields.join(', ')}}`);
    this.line(`local ${t} = setmetatable({${this.argArray().map((x) => `(${x} or false)`).join(', ')}}, ${mt})`);
    this.line(`local ${u} = setmetatable({}, ${mt})`);
    const ops = [`${t} + 1`, `1 - ${t}`, `${t} * ${u}`, `${t} / 2`, `${t} % 3`, `${t} ^ 2`, `-${t}`, `${t} // 1`, `${t} & 1`,
      `1 | ${t}`, `${t} ~ ${u}`, `${t} << 1`, `${t} >> 1`, `~${t}`, `${t} .. "s"`, `1 .. ${t}`, `#${t}`, `${t} == ${u}`,
      `${t} < ${u}`, `${t} <= ${u}`, `${t} > 1`, `${t}.x`, `${t}[1]`, `${t}.zz`, `${t}(1, nil, 3)`, `tostring(${t}) == tostring(${u})`,
      `getmetatable(${t}) == ${mt}`, `type(getmetatable(${t}))`, `pcall(setmetatable, ${t}, {})`, `rawget(${t}, "x")`, `rawlen(${t})`,
      `keys(${t})`, `string.format("%s", ${t}) and 1`, `select("#", ${t}(...))`, `${t} ~= ${u}`, `"a" .. ${t} .. "b"`, `${t} .. ${u}`];
    const m = r.range(2, 6);
    for (let i = 0; i < m; i++) this.line(`show(pcall(function(...) return ${r.pick(ops)} end))`);
    if (r.chance(0.4)) this.line(`show(pcall(function(...) ${t}.w = 5; ${t}[1] = nil; return rawget(${t}, "w"), keys(${t}) end))`);
    if (r.chance(0.3)) this.line(`show(pcall(function(...) local acc = {} for k, v in pairs(${t}) do acc[#acc + 1] = tostring(k) end table.sort(acc) return table.concat(acc, ",") end))`);
    if (events.has('__close')) this.line(`show(pcall(function(...) local z <close> = ${t}; return 1 end))`);
  }

  private coroutines(): void {
    const r = this.r;
    this.line(r.pick([
      `do local co = coroutine.create(function(a, b) show(coroutine.isyieldable()) local c = coroutine.yield(a + b) local d, e = coroutine.yield(c * 2) return d, e, "end" end) show(coroutine.resume(co, 1, 2)) show(coroutine.status(co)) show(coroutine.resume(co, 10)) show(coroutine.resume(co, "x", "y")) show(coroutine.status(co)) show(coroutine.resume(co)) end`,
      `do local gen = coroutine.wrap(function(n) for i = 1, n do coroutine.yield(i, i * i) end return "fin" end) show(gen(${r.range(0, 4)})) show(pcall(gen)) show(pcall(gen)) show(pcall(gen)) show(pcall(gen)) end`,
      `do local co = coroutine.create(function() error(${r.pick(['"boom"', '{code = 1}', '42', 'nil', 'setmetatable({}, {__tostring = function() return "E" end})'])}) end) show(coroutine.resume(co)) show(coroutine.status(co)) show(coroutine.close(co)) end`,
      `do local co = coroutine.create(function() local x <close> = setmetatable({}, {__close = function(_, e) print("closed", e) end}) coroutine.yield(1) end) show(coroutine.resume(co)) show(coroutine.close(co)) show(coroutine.status(co)) show(coroutine.resume(co)) end`,
      `do show(coroutine.isyieldable()) show(coroutine.running()) show(pcall(coroutine.yield, 1)) local co = coroutine.wrap(function() return coroutine.running() end) show(co()) end`,
      `do local function gen(t) return coroutine.wrap(function() for _, v in ipairs(t) do coroutine.yield(v) end end) end local acc = {} for v in gen({${this.argList()}}) do acc[#acc + 1] = type(v) end show(table.concat(acc, ",")) end`,
      `do local co co = coroutine.create(function() show(coroutine.status(co)) show(coroutine.resume(co)) return coroutine.resume(coroutine.running()) end) show(coroutine.resume(co)) end`,
      `do local co = coroutine.wrap(function(...) local n = select("#", ...) while true do n = n + select("#", coroutine.yield(n)) if n > 6 then return "over", n end end end) show(co(1, 2)) show(co()) show(co(nil, nil, nil)) show(co(1, 2, 3, 4)) show(pcall(co)) end`,
      `do local co = coroutine.create(function() pcall(function(...) coroutine.yield("in pcall") error("after") end) return "survived" end) show(coroutine.resume(co)) show(coroutine.resume(co)) end`,
      `do local t = setmetatable({}, {__index = function(t, k) return coroutine.yield(k) end}) local co = coroutine.wrap(function() return t.foo .. t.bar end) show(co()) show(co("A")) show(co("B")) end`,
      `do local co = coroutine.wrap(function() table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end) end) show(pcall(co)) end`,
      `do show(pcall(coroutine.close, coroutine.running())) show(pcall(coroutine.resume, coroutine.running())) show(select("#", coroutine.running())) end`,
    ]));
  }

  private errors(): void {
    const r = this.r;
    const val = r.pick(['"msg"', '{}', '42', '4.5', 'nil', 'true', 'setmetatable({}, {__tostring = function() return "custom" end})', '"x" .. 1', 'G']);
    this.line(r.pick([
      `show(pcall(error, ${val}))`,
      `show(pcall(error, ${val}, ${r.pick(['0', '1', '2', '3'])}))`,
      `show(pcall(function(...) error(${val}, ${r.pick(['0', '1', '2'])}) end))`,
      `show(xpcall(function(...) error(${val}) end, function(m) return type(m), m == nil end))`,
      `show(xpcall(function(...) return ${this.safe(2)} end, function(m) return "handled: " .. tostring(m) end))`,
      `show(xpcall(function(...) error(${val}) end, function(m) error("in handler") end))`,
      `show(pcall(pcall))`, `show(pcall(xpcall))`, `show(xpcall(error, print, ${val}))`,
      `show(pcall(function(...) local x = nil; return x.field end))`,
      `show(pcall(function(...) local t = {} return t.a.b end))`,
      `show(pcall(function(...) return G.undefined_fn() end))`,
      `show(pcall(function(...) return ("x")() end))`,
      `show(pcall(function(...) return 1 < "2" end))`,
      `show(pcall(function(...) return {} < {} end))`,
      `show(pcall(function(...) return #nil end))`,
      `show(pcall(function(...) return -{} end))`,
      `show(pcall(function(...) return 1 // 0 end))`, `show(pcall(function(...) return 1 % 0 end))`,
      `show(pcall(function(...) return 1.5 | 0 end))`, `show(pcall(function(...) return "3" | 0, "3.0" | 0, "a" | 0 end))`,
      `show(pcall(function(...) return math.maxinteger // -1, math.mininteger // -1, math.mininteger % -1 end))`,
      `show(pcall(string.rep))`, `show(pcall(string.sub, {}))`, `show(pcall(setmetatable, 1, {}))`,
      `show(pcall(function(...) local a <const> = 1; return a + {} end))`,
      `show(select("#", pcall(error)))`,
      `show(pcall(function(...) error() end))`,
      `show(pcall(function(...) local t = setmetatable({}, {__index = function(t, k) error("idx " .. k, 2) end}) return t.zzz end))`,
      `show(pcall(function(...) return tostring(setmetatable({}, {__tostring = function() return 1 end})) end))`,
      `show(pcall(next, {}, "nokey"))`, `show(pcall(ipairs))`, `show(pcall(rawset, {}, nil, 1))`, `show(pcall(rawset, {}, 0/0, 1))`,
      `show(pcall(function(...) local t = {} t[0/0] = 1 end))`, `show(pcall(function(...) local t = {} t[nil] = 1 end))`,
      `show(pcall(load, "return +"))`, `show(load("return 1 +"))`, `show(load("x = ", "=chunk"))`,
      `show(pcall(load("return ...", "c", "t", {}), 1, 2))`, `show(pcall(load("error('in chunk')", "=mychunk")))`,
      `show(pcall(load(function() return nil end)))`, `show(pcall(string.format, "%d", 1.5))`,
      `show(pcall(assert, false, ${val}))`, `show(pcall(assert, ${this.safe(2)}, "assert msg"))`, `show(pcall(assert))`,
    ]));
  }

  private gotoLoop(): void {
    const r = this.r;
    const l = this.fresh('L');
    this.line(r.pick([
      `do local i = 0 ::${l}:: i = i + 1 if i < ${r.range(1, 6)} then goto ${l} end show(i) end`,
      `do local acc = {} for i = 1, ${r.range(1, 6)} do if i % 2 == 0 then goto ${l} end acc[#acc + 1] = i ::${l}:: end show(table.concat(acc, ",")) end`,
      `do local fs = {} local i = 1 ::${l}:: local j = i fs[i] = function() return j end i = i + 1 if i <= 3 then goto ${l} end show(fs[1](), fs[2](), fs[3]()) end`,
      `do goto ${l} local x ::${l}:: end show("jumped")`,
      `do local n = 0 while true do n = n + 1 if n > 3 then goto ${l} end end ::${l}:: show(n) end`,
    ]));
  }

  private varargs(): void {
    const r = this.r;
    this.line(r.pick([
      `show((function(...) return select("#", ...), ... end)(${this.argList()}))`,
      `show((function(...) local a, b = ... return a, b end)(${this.argList()}))`,
      `show((function(...) return {...} end)(${this.argList()})[2])`,
      `show((function(...) local t = table.pack(...) return t.n, t[1], t[t.n] end)(nil${this.moreArgs(2)}, nil))`,
      `show(select(-1, ${this.safe(2)}, ${this.safe(2)}))`, `show(pcall(select, -5, 1, 2))`, `show(pcall(select, 0, 1))`,
      `show(table.unpack({1, 2, 3}, -1, 1))`, `show(pcall(table.unpack, {}, 1, 1e8))`, `show(table.unpack({1, 2, nil, 4}, 1, 4))`,
      `show((function(a, ...) return ... end)(${this.argList()}))`,
      `show(math.max(table.unpack({${this.num()}, ${this.num()}, ${this.num()}})))`,
      `show(string.byte("hello", 1, -1))`, `show(("x"):rep(3, ","))`,
    ]));
  }

  private multiAssign(): void {
    const r = this.r;
    this.line(r.pick([
      `do local a, b, c = ${this.argList()} show(a, b, c) a, b = b, a show(a, b) end`,
      `do local t = {} local i = 1 i, t[i] = i + 1, 20 show(i, t[1], t[2]) end`,
      `do local a, b, c = (function() return 1, 2, 3 end)() show(a, b, c) local d, e = ((function() return 1, 2 end)()) show(d, e) end`,
      `do local t = {(function() return 1, 2, 3 end)(), (function() return 1, 2, 3 end)()} show(#t, t[1], t[2], t[4]) end`,
      `do G.x, G.y, G.z = ${this.argList()} show(G.x, G.y, G.z) end`,
      `do local a <const>, b = 10, ${this.safe(2)} show(a, b) end`,
    ]));
  }

  private closeVars(): void {
    const r = this.r;
    this.line(r.pick([
      `do local function mk(n) return setmetatable({}, {__close = function(o, e) print("close", n, e) end}) end show(pcall(function(...) local a <close> = mk(1) local b <close> = mk(2) local c <close> = nil local d <close> = false ${r.pick(['error("E")', 'return "r"', 'error({})', 'error(nil)', ''])} end)) end`,
      `show(pcall(function(...) local x <close> = {} end))`, `show(pcall(function(...) local x <close> = 42 end))`,
      `do local function mk(n) return setmetatable({}, {__close = function(o, e) print("close", n, e) error("close error " .. n) end}) end show(pcall(function(...) local a <close> = mk(1) local b <close> = mk(2) return 1 end)) end`,
      `do local log = {} for i = 1, 3 do local x <close> = setmetatable({}, {__close = function() log[#log + 1] = i end}) if i == 2 then break end end show(table.concat(log, ",")) end`,
      `do local function f() local x <close> = setmetatable({}, {__close = function() print("closed in f") end}) return "a", "b" end show(f()) end`,
      `do local co = coroutine.wrap(function() local x <close> = setmetatable({}, {__close = function() print("co closed") end}) coroutine.yield(1) return 2 end) show(co()) show(co()) end`,
      `do for k, v in function(s, i) if i < 2 then return i + 1 end end, nil, 0, setmetatable({}, {__close = function() print("for closed") end}) do show(k) end end`,
    ]));
  }

  private constVars(): void {
    this.line(this.r.pick([
      `do local K <const> = ${this.num()} local S <const> = ${this.str()} show(K, S, K + 0, #S) local function f() return K, S end show(f()) end`,
      `do local A <const> = 2^53 local B <const> = math.maxinteger show(A + 1, B + 1, A // 3, B % 7) end`,
      `do local N <const> = nil local T <const> = true show(N, T, not T) end`,
      `do local X <const> = 10 local Y <const> = X * 2 local Z <const> = Y .. "z" show(X, Y, Z) end`,
    ]));
  }

  private tableLib(): void {
    const r = this.r;
    const arr = `{${Array.from({ length: r.range(0, 8) }, () => r.pick([this.int(), this.str(), this.num()])).join(', ')}}`;
    const nums = `{${Array.from({ length: r.range(0, 12) }, () => String(r.range(-50, 50))).join(', ')}}`;
    this.line(r.pick([
      `do local t = ${nums} table.sort(t) show(table.concat(t, ",")) end`,
      `do local t = ${nums} table.sort(t, function(a, b) return a > b end) show(table.concat(t, " ")) end`,
      `show(pcall(function(...) local t = ${arr} table.sort(t) return table.concat(t, ",") end))`,
      `show(pcall(function(...) local t = ${arr} table.insert(t, ${this.safe(2)}) table.insert(t, 1, "first") return #t, t[1], t[#t] end))`,
      `show(pcall(table.insert, ${arr}, ${r.pick(['0', '10', '-1', '1', '2'])}, "x"))`,
      `show(pcall(function(...) local t = ${arr} local v = table.remove(t${r.chance(0.5) ? ', ' + this.small() : ''}) return v, #t end))`,
      `show(pcall(table.concat, ${arr}, ${this.str()}, ${this.small()}, ${this.small()}))`,
      `show(pcall(function(...) local t = table.move(${nums}, ${this.small()}, ${this.small()}, ${this.small()}) return t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8] end))`,
      `show(pcall(function(...) local a = ${nums} local b = table.move(a, 1, #a, 3, {}) return b[1], table.concat(b, ",", 3, #a + 2) end))`,
      `show(table.pack(${this.argList()}).n)`,
      `show(pcall(table.sort, {3, 1, 2}, function(a, b) return true end))`,
      `show(pcall(table.sort, {1, "x", 2}))`,
      `do local t = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end, __len = function() return 3 end}) show(table.concat(t, ","), table.unpack(t)) end`,
      `do local t = {} for i = 1, ${r.range(0, 40)} do t[i] = (i * 37) % 11 end table.sort(t) show(#t, table.concat(t, "")) end`,
      `do local t = {10, 20, 30} t[#t + 1] = 40 t[#t] = nil show(#t, select("#", table.unpack(t))) end`,
    ]));
  }

  private stringLib(): void {
    const r = this.r;
    const s = this.str(), p = r.pick(PATTERNS);
    this.line(r.pick([
      `show(pcall(string.find, ${s}, ${p}, ${this.small()}))`,
      `show(pcall(string.match, ${s}, ${p}, ${this.small()}))`,
      `show(pcall(string.gsub, ${s}, ${p}, ${r.pick(['"[%0]"', '"%1-%1"', '"%%"', '"%9"', '{}', 'function(...) return select("#", ...) end'])}))`,
      `show(pcall(function(...) local acc = {} for a, b in string.gmatch(${s}, ${p}) do acc[#acc + 1] = tostring(a) .. "|" .. tostring(b) if #acc > 20 then break end end return table.concat(acc, ";") end))`,
      `show(pcall(string.format, ${r.pick(FORMATS)}, ${this.safe(2)}))`,
      `show(pcall(string.format, "%s|%d|%5.1f|%q", ${this.str()}, ${this.int()}, ${this.num()}, ${this.str()}))`,
      `show(pcall(string.format, "%q", ${r.pick([...FLOATS, ...INTS])}))`,
      `show(pcall(string.rep, ${s}, ${this.small()}, ${this.str()}))`,
      `show(pcall(string.sub, ${s}, ${r.pick(INTS)}, ${r.pick(INTS)}))`,
      `show(${s} < ${this.str()}, ${s} == ${this.str()}, ${s} .. ${this.num()})`,
      `show(pcall(string.char, ${r.range(0, 255)}, ${r.range(0, 300)}))`,
      `show(tostring(${this.num()}), tostring(${this.num()}) .. "")`,
      `show(${this.num()} .. "", ${this.int()} .. ${this.str()})`,
      `show(pcall(function(...) return ${this.str()} + ${this.num()}, ${this.str()} * "2", "10" // "3", "7" % 2.0 end))`,
      `show(string.format("%5s|%-5s|%.2s", "ab", "cd", "efg"), string.format("%c%c", 76, 117))`,
    ]));
  }

  private gsubLoop(): void {
    this.line(this.r.pick([
      `show(string.gsub("hello world from lua", "(%w+)", "<%1>"))`,
      `show(string.gsub("abc", "", "-"))`,
      `show(string.gsub("abc def", "%f[%w]%w", string.upper))`,
      `show(string.gsub("$name is $age", "%$(%w+)", {name = "Ann", age = 3}))`,
      `show(string.find("a.b.c", ".", 1, true), string.find("a+b", "+", 1, true))`,
      `show(string.match("key = value", "(%w+)%s*=%s*(%w+)"))`,
      `show(string.match("  trim  ", "^%s*(.-)%s*$"))`,
      `show(string.gsub("THE (quick) fox", "%((%w+)%)", "%0 %1"))`,
      `show(pcall(string.gsub, "x", "(", ""))`, `show(pcall(string.find, "x", "%"))`, `show(pcall(string.match, "x", "[a"))`,
      `show(pcall(string.rep, "x", 1 << 40))`, `show(pcall(string.gsub, "abc", "%w", "%2"))`,
      `show(string.find("abc", "b", -10), string.find("abc", "", 10), string.find("abc", "", 4))`,
    ]));
  }

  private doBlock(): void {
    this.open('do');
    this.block(this.r.range(1, 4));
    this.close();
  }

  private recursion(): void {
    const r = this.r;
    this.line(r.pick([
      `do local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end show(fib(${r.range(0, 18)})) end`,
      `do local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end show(fact(${r.range(0, 25)}), fact(${r.range(15, 30)} + 0.0)) end`,
      `do local function sum(n, acc) if n == 0 then return acc end return sum(n - 1, acc + n) end show(sum(${r.range(0, 5000)}, 0)) end`,
      `do local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end show(pcall(deep, ${r.pick(['10', '1000', '150000', '1e6'])})) end`,
      `do local t = setmetatable({}, {__index = function(t, k) if k > 0 then return t[k - 1] + 1 end return 0 end}) show(t[${r.range(0, 150)}]) end`,
      `do local function ack(m, n) if m == 0 then return n + 1 elseif n == 0 then return ack(m - 1, 1) else return ack(m - 1, ack(m, n - 1)) end end show(ack(2, ${r.range(0, 5)})) end`,
      `do local function even(n) if n == 0 then return true end return odd(n - 1) end function odd(n) if n == 0 then return false end return even(n - 1) end show(pcall(even, ${r.range(0, 20)})) end`,
    ]));
  }

  private integerFloat(): void {
    const r = this.r;
    const a = this.num(), b = this.num();
    this.line(r.pick([
      `show(pcall(function(...) return ${a} + ${b}, ${a} - ${b}, ${a} * ${b} end))`,
      `show(pcall(function(...) return ${a} / ${b}, ${a} // ${b}, ${a} % ${b} end))`,
      `show(pcall(function(...) return ${a} ^ ${b}, -${a}, ${a} == ${b}, ${a} < ${b}, ${a} <= ${b} end))`,
      `show(pcall(function(...) return ${this.int()} & ${this.int()}, ${this.int()} | ${this.int()}, ${this.int()} ~ ${this.int()}, ~${this.int()} end))`,
      `show(pcall(function(...) return ${this.int()} << ${r.pick(['0', '1', '63', '64', '-1', '-64', '65'])}, ${this.int()} >> ${r.pick(['1', '63', '64', '-1'])} end))`,
      `show(math.tointeger(${a}), math.type(${a}), ${a} == math.tointeger(${a}))`,
      `show(pcall(string.format, "%.17g|%d", ${a}, ${this.int()}))`,
      `show(math.floor(${a}), math.ceil(${a}), math.abs(${a}))`,
      `show(${this.int()} == ${this.num()}, ${this.int()} < ${this.num()}, math.ult(${this.int()}, ${this.int()}))`,
      `show(1e15, 1e16, 2^63, -2^63, 123456.789e3, 0.1 + 0.2, 100 / 3, -0.0, 1/0, -1/0, 2^-1074)`,
      `show(math.mininteger, math.maxinteger + 1, math.mininteger - 1, math.maxinteger * 2, math.mininteger // -1)`,
      `show(3 % -2, -3 % 2, 3.0 % -2, -3 % 2.0, 5.5 % -2, -5.5 % 2, 1e308 % 3, 3 % math.huge, -3 % math.huge)`,
      `show(7 // 2, -7 // 2, 7 // -2.0, -7.5 // 2, 1 // 0.0, -1 // 0.0, 0/0 == 0/0)`,
      `do local t = {} t[1.0] = "a" t[2^53] = "b" t[-0.0] = "z" show(t[1], t[math.tointeger(2^53)], t[0], keys(t)) end`,
      `show(tostring(1e100), tostring(-1e-100), 2^63 == math.mininteger, 2^63 == -(2^63), math.maxinteger + 0.0 == 2^63)`,
      `show(string.format("%.3f %5.1f %g %g %g", 1/3, -2.25, 1e20, 1e-5, 100000))`,
      `show(math.fmod(-6, 4), math.fmod(6, -4), math.fmod(6.5, 4), pcall(math.fmod, 1, 0), math.fmod(1, 0.0), math.fmod(math.mininteger, -1))`,
    ]));
  }

  private utf8Lib(): void {
    const r = this.r;
    this.line(r.pick([
      `show(utf8.char(72, 228, 8364, 128512), utf8.charpattern)`,
      `show(pcall(utf8.len, ${this.str()}, ${this.small()}, ${this.small()}))`,
      `show(pcall(utf8.codepoint, ${this.str()}, 1, -1))`,
      `show(pcall(utf8.offset, ${this.str()}, ${this.int()}, ${this.small()}))`,
      `show(pcall(function(...) local acc = {} for p, c in utf8.codes(${this.str()}) do acc[#acc + 1] = p .. ":" .. c end return table.concat(acc, " ") end))`,
      `show(utf8.len("\\xF4\\x90\\x80\\x80"), utf8.len("\\xF4\\x90\\x80\\x80", 1, -1, true), pcall(utf8.codepoint, "\\xff"))`,
      `show(pcall(utf8.char, ${r.pick(['0x80000000', '-1', '0x7FFFFFFF', '"65"', '{}'])}))`,
    ]));
  }

  private packLib(): void {
    const r = this.r;
    const f = r.pick(PACKFMTS);
    this.line(r.pick([
      `show(pcall(function(...) local s = string.pack(${f}, ${this.int()}) return #s, string.unpack(${f}, s) end))`,
      `show(pcall(string.unpack, ${f}, ${this.str()}, ${this.small()}))`,
      `show(pcall(string.packsize, ${f}))`,
      `show(pcall(function(...) return string.unpack("<i2 >i2 z s1", string.pack("<i2 >i2 z s1", -2, 513, "zs", "s1")) end))`,
      `show(pcall(string.pack, "i1", 200), pcall(string.pack, "I1", -1), pcall(string.pack, "i16", math.mininteger))`,
      `show(pcall(function(...) local s = string.pack("d n f", ${this.num()}, ${this.num()}, 0.5) return string.unpack("d n f", s) end))`,
    ]));
  }

  private randomSeeded(): void {
    const r = this.r;
    this.line(`do math.randomseed(${r.range(0, 1000)}) show(math.random(1, 100), math.random(${r.range(1, 50)}), math.random(0), math.random() < 1) show(pcall(math.random, 2, 1)) show(pcall(math.random, 1, 2, 3)) end`);
  }

  private methods(): void {
    const r = this.r;
    this.line(r.pick([
      `do local Obj = {} Obj.__index = Obj function Obj.new(v) return setmetatable({v = v}, Obj) end function Obj:get() return self.v end function Obj:add(n) self.v = self.v + n return self end show(pcall(function(...) return Obj.new(${this.num()}):add(1):add(2):get() end)) end`,
      `do local s = ${this.str()} show(s:len(), s:upper(), pcall(s.rep, s, 2)) end`,
      `do local a = {name = "a"} function a.f(self, x) return self.name, x end show(a:f(1), a.f(a, 2), pcall(a.f)) end`,
      `show(pcall(function(...) local t = {} return t:nomethod() end))`,
      `show(pcall(function(...) return (${this.num()}):foo() end))`,
    ]));
  }
}

/** The program for one fuzzer index. */
export function generateProgram(r: Rng): string {
  return new ProgramGen(r).program();
}
