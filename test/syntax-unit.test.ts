// Unit tests of the front end: numerals, escapes, precedence, scoping
// fields of the AST, chunk names, check().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  AssignStat, BinaryExpr, Chunk, Dialect, Expr, FunctionExpr, GotoStat, LocalStat, NameExpr, ReturnStat, Stat, UnaryExpr,
} from '../src/syntax/ast.js';
import { check, parse, LuaSyntaxError } from '../src/syntax/index.js';
import { chunkid } from '../src/syntax/chunkid.js';

/** The value expression of `return <src>`. */
function rexpr(src: string, dialect: Dialect = '5.4'): Expr {
  const c = parse(`return ${src}`, { dialect });
  return (c.main.body.body[0] as ReturnStat).values[0]!;
}

function num(src: string, dialect: Dialect = '5.4'): { kind: string; value: unknown } {
  const e = rexpr(src, dialect);
  assert.ok(e.kind === 'Integer' || e.kind === 'Float', `${src} is a ${e.kind}`);
  return { kind: e.kind, value: e.value };
}

function str(src: string, dialect: Dialect = '5.4'): string {
  const e = rexpr(src, dialect);
  assert.equal(e.kind, 'String');
  return (e as { value: string }).value;
}

/** Fully parenthesised rendering of an expression. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'Binary': return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'Unary': return `(${e.op} ${show(e.operand)})`;
    case 'Name': return e.name;
    case 'Integer': return String(e.value);
    case 'Float': return String(e.value);
    case 'Paren': return `[${show(e.expr)}]`;
    case 'String': return JSON.stringify(e.value);
    default: return e.kind;
  }
}

test('integer numerals: int64 values, hex wraps, decimal overflow becomes float', () => {
  assert.deepEqual(num('0'), { kind: 'Integer', value: 0n });
  assert.deepEqual(num('42'), { kind: 'Integer', value: 42n });
  assert.deepEqual(num('9223372036854775807'), { kind: 'Integer', value: 9223372036854775807n });
  assert.deepEqual(num('9223372036854775808'), { kind: 'Float', value: 9223372036854775808 });
  assert.deepEqual(num('0x7fffffffffffffff'), { kind: 'Integer', value: 9223372036854775807n });
  assert.deepEqual(num('0xffffffffffffffff'), { kind: 'Integer', value: -1n });
  assert.deepEqual(num('0x10000000000000000'), { kind: 'Integer', value: 0n });
  assert.deepEqual(num('0x8000000000000000'), { kind: 'Integer', value: -9223372036854775808n });
  assert.deepEqual(num('0XfF'), { kind: 'Integer', value: 255n });
  assert.deepEqual(num('007'), { kind: 'Integer', value: 7n });
  assert.deepEqual(num('123456789012345678901234567890'), { kind: 'Float', value: 1.2345678901234568e29 });
});

test('float numerals: decimal, exponents, hex floats with binary exponents', () => {
  assert.deepEqual(num('1.5'), { kind: 'Float', value: 1.5 });
  assert.deepEqual(num('.5'), { kind: 'Float', value: 0.5 });
  assert.deepEqual(num('5.'), { kind: 'Float', value: 5 });
  assert.deepEqual(num('1e2'), { kind: 'Float', value: 100 });
  assert.deepEqual(num('1E-2'), { kind: 'Float', value: 0.01 });
  assert.deepEqual(num('3.14159265358979323846'), { kind: 'Float', value: 3.141592653589793 });
  assert.deepEqual(num('1e309'), { kind: 'Float', value: Infinity });
  assert.deepEqual(num('0x1p4'), { kind: 'Float', value: 16 });
  assert.deepEqual(num('0x.1'), { kind: 'Float', value: 0.0625 });
  assert.deepEqual(num('0xA.8p1'), { kind: 'Float', value: 21 });
  assert.deepEqual(num('0x1P-1'), { kind: 'Float', value: 0.5 });
  assert.deepEqual(num('0x1p-1074'), { kind: 'Float', value: 5e-324 });
  assert.deepEqual(num('0x1p-1075'), { kind: 'Float', value: 0 }); // tie, to even
  assert.deepEqual(num('0x3p-1075'), { kind: 'Float', value: 1e-323 }); // tie, to even (up)
  assert.deepEqual(num('0x1.00000000000008p0'), { kind: 'Float', value: 1 });
  assert.deepEqual(num('0x1.00000000000018p0'), { kind: 'Float', value: 1 + 2 ** -51 });
  assert.deepEqual(num('0x1.fffffffffffff8p1023'), { kind: 'Float', value: Infinity });
  assert.deepEqual(num('0x1.fffffffffffffp1023'), { kind: 'Float', value: Number.MAX_VALUE });
  assert.deepEqual(num('0xffffffffffffffffff.0'), { kind: 'Float', value: 4.722366482869645e21 });
});

test('numerals in 5.1 are all floats (strtod, hex included)', () => {
  assert.deepEqual(num('1', '5.1'), { kind: 'Float', value: 1 });
  assert.deepEqual(num('0x10', '5.1'), { kind: 'Float', value: 16 });
  assert.deepEqual(num('0xffffffffffffffffff', '5.1'), { kind: 'Float', value: 4.722366482869645e21 });
  assert.deepEqual(num('0x1p4', '5.1'), { kind: 'Float', value: 16 });
  assert.deepEqual(num('9007199254740993', '5.1'), { kind: 'Float', value: 9007199254740992 });
});

test('malformed numerals', () => {
  for (const [src, near] of [['3x', '3x'], ['0x', '0x'], ['1e+', '1e+'], ['1..2', '1..2'], ['0x1p', '0x1p'], ['12abc', '12abc']]) {
    assert.throws(() => parse(`x = ${src}`, { chunkName: '=t' }), (e: unknown) =>
      e instanceof LuaSyntaxError && e.message === `t:1: malformed number near '${near}'` && e.reason === 'malformed number' &&
      e.near === `'${near}'` && e.line === 1 && e.column === 5);
  }
});

test('string escapes produce byte strings', () => {
  assert.equal(str(String.raw`"\a\b\f\n\r\t\v\\\"\'"`), '\x07\b\f\n\r\t\v\\"\'');
  assert.equal(str(String.raw`"\65\066\0671\x41\x4a"`), 'ABC1AJ');
  assert.equal(str(String.raw`"\0\255"`), '\0\xff');
  assert.equal(str(String.raw`"\u{48}\u{e9}\u{20AC}\u{10FFFF}"`), 'H\xc3\xa9\xe2\x82\xac\xf4\x8f\xbf\xbf');
  assert.equal(str(String.raw`"\u{7FFFFFFF}"`), '\xfd\xbf\xbf\xbf\xbf\xbf');
  assert.equal(str(String.raw`"\u{0000000041}"`), 'A');
  assert.equal(str('"a\\z  \n\t  b"'), 'ab');
  assert.equal(str('"a\\\nb"'), 'a\nb');
  assert.equal(str('"a\\\r\nb"'), 'a\nb');
  assert.equal(str('[[\nfirst newline skipped]]'), 'first newline skipped');
  assert.equal(str('[==[a]]b]=]c]==]'), 'a]]b]=]c');
  assert.equal(str('[[a\r\nb\n\rc\rd]]'), 'a\nb\nc\nd');
  assert.equal(str('"\xff\x80"'), '\xff\x80'); // raw bytes pass through
  // 5.1: unknown escapes are the character itself
  assert.equal(str(String.raw`"\x41\q\z"`, '5.1'), 'x41qz');
});

test('string escape errors carry the buffer as the reference shows it', () => {
  const cases: [string, string][] = [
    [String.raw`x = "\q"`, String.raw`t:1: invalid escape sequence near '"\q'`],
    [String.raw`x = "\xZZ"`, String.raw`t:1: hexadecimal digit expected near '"\xZ'`],
    [String.raw`x = "\u{110000}"`, ''],
    [String.raw`x = "\u{80000000}"`, String.raw`t:1: UTF-8 value too large near '"\u{80000000'`],
    [String.raw`x = "\u12"`, String.raw`t:1: missing '{' near '"\u1'`],
    [String.raw`x = "\u{12"`, String.raw`t:1: missing '}' near '"\u{12"'`],
    [String.raw`x = "ab\300"`, String.raw`t:1: decimal escape too large near '"ab\300"'`],
    ['x = "abc', 't:1: unfinished string near <eof>'],
    ['x = "abc\n"', `t:1: unfinished string near '"abc'`],
    ['x = [==[ abc', 't:1: unfinished long string (starting at line 1) near <eof>'],
    ['--[[\n\n', 't:3: unfinished long comment (starting at line 1) near <eof>'],
    ['x = [==x', `t:1: invalid long string delimiter near '[=='`],
    ['x = \x01', `t:1: unexpected symbol near '<\\1>'`],
  ];
  for (const [src, msg] of cases) {
    const d = check(src, { chunkName: '=t' });
    if (msg === '') assert.deepEqual(d, []);
    else assert.equal(d[0]?.message, msg, src);
  }
});

test('operator precedence and associativity (5.4 and 5.1)', () => {
  assert.equal(show(rexpr('-2^2')), '(- (2 ^ 2))');
  assert.equal(show(rexpr('2^-3^2')), '(2 ^ (- (3 ^ 2)))');
  assert.equal(show(rexpr('a..b..c')), '(a .. (b .. c))');
  assert.equal(show(rexpr('1+2*3-4/5')), '((1 + (2 * 3)) - (4 / 5))');
  assert.equal(show(rexpr('not a == b')), '((not a) == b)');
  assert.equal(show(rexpr('a or b and c')), '(a or (b and c))');
  assert.equal(show(rexpr('a < b < c')), '((a < b) < c)');
  assert.equal(show(rexpr('1 .. 2 == 3')), '((1 .. 2) == 3)');
  assert.equal(show(rexpr('a | b ~ c & d << e .. f')), '(a | (b ~ (c & (d << (e .. f)))))');
  assert.equal(show(rexpr('~a // b % c')), '(((~ a) // b) % c)');
  assert.equal(show(rexpr('#t + -x * y ^ z')), '((# t) + ((- x) * (y ^ z)))');
  assert.equal(show(rexpr('(a + b) * c')), '([(a + b)] * c)');
  assert.equal(show(rexpr('-x^2', '5.1')), '(- (x ^ 2))');
  assert.equal(show(rexpr('a .. b == c and d', '5.1')), '(((a .. b) == c) and d)');
  const b = rexpr('a\n+\nb') as BinaryExpr;
  assert.equal(b.opLine, 2);
  assert.equal(b.line, 1);
});

test('every node has 1-based positions', () => {
  const c = parse('local x = 1\n  if x then\n    print(x, "s")\n  end');
  const [loc, ifs] = c.main.body.body as [LocalStat, Stat];
  assert.deepEqual([loc.line, loc.column], [1, 1]);
  assert.deepEqual([loc.variables[0]!.line, loc.variables[0]!.column], [1, 7]);
  assert.deepEqual([loc.values[0]!.line, loc.values[0]!.column], [1, 11]);
  assert.equal(ifs.kind, 'If');
  if (ifs.kind !== 'If') return;
  assert.deepEqual([ifs.line, ifs.column], [2, 3]);
  const call = ifs.clauses[0]!.body.body[0]!;
  assert.equal(call.kind, 'CallStat');
  if (call.kind !== 'CallStat' || call.call.kind !== 'Call') return;
  assert.deepEqual([call.line, call.column], [3, 5]);
  assert.deepEqual([call.call.args[1]!.line, call.call.args[1]!.column], [3, 14]);
  assert.equal(ifs.clauses[0]!.body.endLine, 4);
});

test('scope analysis: locals, upvalues, globals through _ENV', () => {
  const c: Chunk = parse([
    'local a, b = 1, 2',
    'x = a',
    'local function f(p, ...)',
    '  local q = p + b + y',
    '  return function() return q, a, b end',
    'end',
    'a = 3',
  ].join('\n'));
  const env = c.env;
  assert.equal(env.role, 'env');
  assert.deepEqual(c.main.upvalues, [env]);
  const [l1, asg1, lf, asg2] = c.main.body.body as [LocalStat, AssignStat, Stat, AssignStat];
  const [a, b] = l1.variables as [NonNullable<NameExpr['variable']>, NonNullable<NameExpr['variable']>];
  const x = asg1.targets[0] as NameExpr;
  assert.equal(x.variable, null);
  assert.equal(x.env, env);
  assert.equal(x.isUpvalue, true);
  assert.equal((asg1.values[0] as NameExpr).variable, a);
  assert.equal((asg1.values[0] as NameExpr).isUpvalue, false);
  assert.equal(lf.kind, 'LocalFunction');
  if (lf.kind !== 'LocalFunction') return;
  const f = lf.func;
  assert.equal(f.parent, c.main);
  assert.equal(f.isVararg, true);
  assert.deepEqual(f.params.map((p) => [p.name, p.role]), [['p', 'param']]);
  // f refers to b (upvalue) and to the global y (through the _ENV upvalue), in that order
  assert.deepEqual(f.upvalues.map((v) => v.name), ['b', '_ENV', 'a']);
  const inner = ((f.body.body[1] as ReturnStat).values[0] as FunctionExpr).func;
  assert.deepEqual(inner.upvalues.map((v) => v.name), ['q', 'a', 'b']);
  assert.equal(a.captured, true);
  assert.equal(b.captured, true);
  assert.equal(a.assigned, true);
  assert.equal(b.assigned, false);
  assert.equal(f.body.variables[0]!.name, 'q');
  assert.equal(f.body.variables[0]!.captured, true);
  assert.deepEqual(c.main.body.variables.map((v) => v.name), ['a', 'b', 'f']);
  assert.equal((asg2.targets[0] as NameExpr).variable, a);
  const sum = (f.body.body[0] as LocalStat).values[0] as BinaryExpr;
  const y = sum.right as NameExpr;
  assert.equal(y.name, 'y');
  assert.equal(y.variable, null);
  assert.equal(y.env, env);
  assert.equal(y.isUpvalue, true);
  assert.equal((sum.left as BinaryExpr).right.kind, 'Name');
  assert.equal(((sum.left as BinaryExpr).right as NameExpr).isUpvalue, true);
});

test('a local _ENV changes where globals go', () => {
  const c = parse('local _ENV = {}\nx = 1\nlocal function f() return y end');
  const envVar = (c.main.body.body[0] as LocalStat).variables[0]!;
  const x = (c.main.body.body[1] as AssignStat).targets[0] as NameExpr;
  assert.equal(x.env, envVar);
  assert.equal(x.isUpvalue, false);
  const f = c.main.body.body[2]!;
  if (f.kind !== 'LocalFunction') return assert.fail();
  assert.deepEqual(f.func.upvalues, [envVar]);
  assert.equal(envVar.captured, true);
});

test('<const> locals: compile-time constants as lparser.c folds them', () => {
  const c = parse([
    'local a <const> = 1 + 2',
    'local b <const> = (1 or 2) and 3',
    'local s <const> = "s"',
    'local n <const> = -0.0',
    'local d <const> = 1 // 0',
    'local e <const> = a * 2',
    'local t <const> = {}',
    'local u <const>, v <const> = 1, 2',
    'local w <close> = nil',
    'return function() return a, t end',
  ].join('\n'));
  const vars = c.main.body.body.filter((s): s is LocalStat => s.kind === 'Local').flatMap((s) => s.variables);
  const cv = Object.fromEntries(vars.map((v) => [v.name, v.constValue ? [v.constValue.kind, (v.constValue as { value?: unknown }).value] : null]));
  assert.deepEqual(cv, {
    a: ['Integer', 3n], b: ['Integer', 3n], s: ['String', 's'], n: null, d: null, e: ['Integer', 6n], t: null,
    u: null, v: ['Integer', 2n], w: null,
  });
  assert.equal(vars.find((v) => v.name === 'w')!.attrib, 'close');
  assert.equal(vars.find((v) => v.name === 'u')!.attrib, 'const');
  const ret = c.main.body.body[c.main.body.body.length - 1] as ReturnStat;
  const inner = (ret.values[0] as FunctionExpr).func;
  // a is a compile-time constant: no upvalue; t is a real variable
  assert.deepEqual(inner.upvalues.map((v) => v.name), ['t']);
  const aRef = (inner.body.body[0] as ReturnStat).values[0] as NameExpr;
  assert.equal(aRef.variable?.constValue?.kind, 'Integer');
});

test('attributes and const assignment errors', () => {
  const m = (src: string, d: Dialect = '5.4') => check(src, { chunkName: '=t', dialect: d })[0]?.message;
  assert.equal(m('local x <const> = 1; x = 2'), "t:1: attempt to assign to const variable 'x'");
  assert.equal(m('local x <close> = nil; local function f() x = 1 end'), "t:1: attempt to assign to const variable 'x'");
  assert.equal(m('local x <foo> = 1'), "t:1: unknown attribute 'foo'");
  assert.equal(m('local x <close>, y <close> = 1'), 't:1: multiple to-be-closed variables in local list');
  assert.equal(m('local x <const> = 1', '5.3'), "t:1: unexpected symbol near '<'");
});

test('goto, labels and break', () => {
  const c = parse('::top:: do goto top end goto fwd; ::fwd:: while true do break end');
  assert.equal(c.main.hasGoto, true);
  const body = c.main.body.body;
  const top = body[0]!;
  assert.equal(top.kind, 'Label');
  const g1 = (body[1] as { body: { body: Stat[] } }).body.body[0] as GotoStat;
  assert.equal(g1.target, top);
  const g2 = body[2] as GotoStat;
  assert.equal(g2.target, body[3]);
  const m = (src: string, d: Dialect = '5.4') => check(src, { chunkName: '=t', dialect: d })[0]?.message;
  assert.equal(m('goto l'), "t:1: no visible label 'l' for <goto> at line 1");
  assert.equal(m('goto l; local a; ::l:: print(a)'), "t:1: <goto l> at line 1 jumps into the scope of local 'a'");
  assert.equal(m('::l:: ::l::'), "t:1: label 'l' already defined on line 1");
  assert.equal(m('\nbreak\n'), 't:3: break outside loop at line 2');
  assert.equal(m('\nbreak\n', '5.3'), 't:3: <break> at line 2 not inside a loop');
  assert.equal(m('\nbreak\n', '5.1'), "t:3: no loop to break near '<eof>'");
  assert.equal(m('goto l', '5.1'), "t:1: '=' expected near 'l'");
  assert.equal(check('local goto = 1', { dialect: '5.1' }).length, 0);
});

test('varargs, self and 5.1 arg', () => {
  const m = (src: string, d: Dialect = '5.4') => check(src, { chunkName: '=t', dialect: d })[0]?.message;
  assert.equal(m('function f() return ... end'), "t:1: cannot use '...' outside a vararg function near '...'");
  const c = parse('function a.b:c(x) return self end');
  const fs = c.main.body.body[0]!;
  if (fs.kind !== 'FunctionStat') return assert.fail();
  assert.equal(fs.isMethod, true);
  assert.deepEqual(fs.func.params.map((p) => [p.name, p.role]), [['self', 'self'], ['x', 'param']]);
  assert.equal(((fs.func.body.body[0] as ReturnStat).values[0] as NameExpr).variable, fs.func.params[0]);
  const c51 = parse('function f(a, ...) return arg end', { dialect: '5.1' });
  const f51 = c51.main.body.body[0]!;
  if (f51.kind !== 'FunctionStat') return assert.fail();
  // `arg` is a local after the parameters, not a parameter: it takes no argument.
  assert.deepEqual(f51.func.params.map((p) => [p.name, p.role]), [['a', 'param']]);
  assert.deepEqual([f51.func.argVar?.name, f51.func.argVar?.role, f51.func.usesVararg], ['arg', 'vararg', undefined]);
  const u51 = parse('function f(...) return ... end', { dialect: '5.1' }).main.body.body[0]!;
  if (u51.kind !== 'FunctionStat') return assert.fail();
  assert.equal(u51.func.usesVararg, true);
});

test('5.1 dialect differences', () => {
  const m = (src: string) => check(src, { chunkName: '=t', dialect: '5.1' })[0]?.message;
  assert.equal(m('f\n(g)'), "t:2: ambiguous syntax (function call x new statement) near '('");
  assert.equal(m('x = 1 // 2'), "t:1: unexpected symbol near '/'");
  assert.equal(m('x = ~1'), "t:1: unexpected symbol near '~'");
  assert.equal(m('x = 1 & 2'), "t:1: unexpected symbol near '&'");
  assert.equal(m('x = "\\300"'), `t:1: escape sequence too large near '"'`);
  assert.equal(m('x = [[ [[ ]]'), "t:1: nesting of [[...]] is deprecated near '['");
  assert.equal(m('x ='), "t:1: unexpected symbol near '<eof>'");
  assert.equal(m('function f(1) end'), "t:1: <name> or '...' expected near '1'");
  assert.equal(m('local'), "t:1: '<name>' expected near '<eof>'");
});

test('deep nesting ends in the reference error, never a JS exception', () => {
  const m = (src: string, d: Dialect) => check(src, { chunkName: '=t', dialect: d })[0]?.message;
  const parens = 'x = ' + '('.repeat(100000) + '1' + ')'.repeat(100000);
  assert.equal(m(parens, '5.4'), 'C stack overflow');
  assert.equal(m(parens, '5.3'), "t:1: too many C levels (limit is 200) in main function near '('");
  assert.equal(m(parens, '5.1'), 't:1: chunk has too many syntax levels');
  const funcs = 'function f() '.repeat(100000);
  assert.equal(m(funcs, '5.4'), 'C stack overflow');
  const lefty = 'x = 1' + ' + 1'.repeat(200000);
  assert.deepEqual(check(lefty, { dialect: '5.4' }), []);
});

test('chunkid follows luaO_chunkid', () => {
  assert.equal(chunkid('@f.lua'), 'f.lua');
  assert.equal(chunkid('=stdin'), 'stdin');
  assert.equal(chunkid('x = = 1'), '[string "x = = 1"]');
  assert.equal(chunkid('line1\nline2'), '[string "line1..."]');
  assert.equal(chunkid('a'.repeat(44)), `[string "${'a'.repeat(44)}"]`);
  assert.equal(chunkid('a'.repeat(45)), `[string "${'a'.repeat(45)}..."]`);
  assert.equal(chunkid('=' + 'n'.repeat(70)), 'n'.repeat(59));
  assert.equal(chunkid('@' + 'd/'.repeat(40) + 'f.lua'), '...' + ('d/'.repeat(40) + 'f.lua').slice(-56));
  assert.equal(chunkid('@' + 'p'.repeat(59)), 'p'.repeat(59));
  assert.equal(chunkid('x\0y'), '[string "x');
  assert.equal(chunkid('x\0y', '5.3'), '[string "x"]');
  assert.equal(chunkid('a\rb', '5.1'), '[string "a..."]');
  assert.equal(chunkid('@' + 'q'.repeat(100), '5.1', 80), '...' + 'q'.repeat(72));
  const e = check('x = = 1')[0]!;
  assert.equal(e.message, `[string "x = = 1"]:1: unexpected symbol near '='`);
  assert.deepEqual([e.line, e.column, e.near], [1, 5, "'='"]);
});

test('a first line starting with # is skipped only on request', () => {
  assert.deepEqual(check('#!/usr/bin/lua\nx = 1', { skipShebang: true }), []);
  assert.equal(check('#!/usr/bin/lua\nx = = 1', { chunkName: '=t', skipShebang: true })[0]?.message, "t:2: unexpected symbol near '='");
  assert.equal(check('#!/usr/bin/lua\nx = 1', { chunkName: '=t' })[0]?.message, "t:1: unexpected symbol near '#'");
});

test('unary operators keep their operand structure', () => {
  const u = rexpr('not not x') as UnaryExpr;
  assert.equal(u.op, 'not');
  assert.equal((u.operand as UnaryExpr).op, 'not');
});
