// Expands the hand-written templates in templates/*.tpl.js into one plain
// .mjs file per (program, variant) under gen/.  The templates are written the
// way a straightforward Lua->JS compiler would emit code, with every
// representation-dependent construct spelled as a macro (@add(a, b),
// @get(t, "x"), @call1(f, x), @ret(v), ...).  The macro expansion for each
// variant is what the compiler would emit under that representation choice.
//
//   node scripts/repr-bench/gen.mjs        (run.mjs calls this itself)
//
// Temp variables for inline expansions are declared per function: a
// template marks function scopes with /*{T*/ ... /*T}*/.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MAXS = '9007199254740991';

// cfg: { arith: plain|helper|inline|boxHelper|boxInline,
//        tab: plain|strs|strsfast|map, ret: plain|array|reg1|regall,
//        depth: none|let|obj, glob: local|table }
export function expand(src, cfg) {
  const out = [];
  const scopes = [];
  const hoisted = []; // [name, init]
  const boxConsts = new Set();
  let tempN = 0;
  const tmp = () => {
    const name = '$t' + (++tempN);
    scopes[scopes.length - 1].temps.push(name);
    return name;
  };
  const LT = cfg.tab === 'strsfast' ? 'LuaTableF' : 'LuaTable';

  const isIdent = (x) => /^[A-Za-z_$][\w$]*$/.test(x);
  const isNum = (x) => /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(x);
  const simple = (x) => isIdent(x) || isNum(x);
  const kind = (x) => {
    if (/^-?\d+$/.test(x)) return 'int';
    if (isNum(x)) return Number.isInteger(Number(x)) ? null : 'float';
    if (boxConsts.has(x)) return 'box';
    return null;
  };
  const bind = (x) => {
    x = x.trim();
    if (simple(x)) return [x, ''];
    const t = tmp();
    return [t, `${t} = ${x}, `];
  };
  const hoist = (init) => {
    const name = '$K' + (hoisted.length + 1);
    hoisted.push([name, init]);
    return name;
  };
  const dec = { none: '', let: 'D--;', obj: 'S.D--;' }[cfg.depth];
  const strKey = (k) => { const m = /^["'](\w+)["']$/.exec(k.trim()); if (!m) throw new Error('bad key ' + k); return m[1]; };

  const OPS = { add: '+', sub: '-', mul: '*' };
  const NUMSLOW = { add: 'addNum', sub: 'subNum', mul: 'mulNum' };
  const GEN = { add: 'arithAdd', sub: 'arithSub', mul: 'arithMul', div: 'arithDiv', mod: 'arithMod', unm: 'arithUnm' };
  const GENB = { add: 'arithAddB', sub: 'arithSubB', mul: 'arithMulB', div: 'arithDivB', unm: 'arithUnmB' };
  const INTB = { add: 'addIntB', sub: 'subIntB', mul: 'mulIntB' };

  function arith(name, args) {
    const mode = cfg.arith;
    if (mode === 'plain') {
      if (name === 'unm') return `(-${args[0]})`;
      const op = { add: '+', sub: '-', mul: '*', div: '/', mod: '%', lt: '<', le: '<=' }[name];
      return `(${args[0]} ${op} ${args[1]})`;
    }
    if (mode === 'helper') return `${name}(${args.join(', ')})`;
    if (mode === 'boxHelper') return `${name}B(${args.join(', ')})`;
    const [A, pa] = bind(args[0]);
    const [B, pb] = args.length > 1 ? bind(args[1]) : [null, ''];
    const kA = kind(A), kB = B === null ? null : kind(B);
    const pre = pa + pb;
    const wrap = (e) => (pre ? `(${pre}${e})` : `(${e})`);
    if (mode === 'inline') {
      const tc = [kA ? null : `typeof ${A} === 'number'`, B === null || kB ? null : `typeof ${B} === 'number'`].filter(Boolean);
      const ic = [kA === 'int' ? null : `Number.isInteger(${A})`, B === null || kB === 'int' ? null : `Number.isInteger(${B})`].filter(Boolean);
      const guard = (fast, slow) => (tc.length ? `${tc.join(' && ')} ? ${fast} : ${slow}` : fast);
      if (name in OPS) {
        const R = tmp(), op = OPS[name], norm = name === 'mul' ? ' + 0' : '';
        let inner;
        if (kA === 'float' || kB === 'float') inner = `Number.isInteger(${R} = ${A} ${op} ${B}) ? ${NUMSLOW[name]}(${A}, ${B}) : ${R}`;
        else inner = `Number.isInteger(${R} = ${A} ${op} ${B}) ? (${[...ic, `${R} <= ${MAXS}`, `${R} >= -${MAXS}`].join(' && ')} ? ${R}${norm} : ${NUMSLOW[name]}(${A}, ${B})) : ${R}`;
        return wrap(guard(`(${inner})`, `${GEN[name]}(${A}, ${B})`));
      }
      if (name === 'div') {
        const R = tmp();
        return wrap(guard(`(Number.isInteger(${R} = ${A} / ${B}) ? new LuaFloat(${R}) : ${R})`, `arithDiv(${A}, ${B})`));
      }
      if (name === 'mod') {
        const R = tmp();
        const conds = [...tc, ...ic];
        if (kB !== 'int') conds.push(`${B} !== 0`);
        const fast = kB === 'int' && Number(B) > 0
          ? `((${R} = ${A} % ${B}) < 0 ? ${R} + ${B} : ${R} + 0)`
          : `((${R} = ${A} % ${B}) !== 0 && (${R} < 0) !== (${B} < 0) ? ${R} + ${B} : ${R} + 0)`;
        return wrap(conds.length ? `${conds.join(' && ')} ? ${fast} : arithMod(${A}, ${B})` : fast);
      }
      if (name === 'unm') return wrap(guard(`0 - ${A}`, `arithUnm(${A})`));
      if (name === 'lt' || name === 'le') {
        const op = name === 'lt' ? '<' : '<=';
        return wrap(guard(`${A} ${op} ${B}`, `${name}Slow(${A}, ${B})`));
      }
    }
    if (mode === 'boxInline') {
      const isN = (X, k) => (k === 'int' ? 'true' : k === 'box' ? 'false' : `typeof ${X} === 'number'`);
      const isF = (X, k) => (k === 'box' ? 'true' : k === 'int' ? 'false' : `${X} instanceof LuaFloat`);
      const and = (...c) => { if (c.includes('false')) return 'false'; const r = c.filter((x) => x !== 'true'); return r.length ? r.join(' && ') : 'true'; };
      const cond = (c, a, b) => (c === 'true' ? a : c === 'false' ? b : `${c} ? ${a} : ${b}`);
      if (name in OPS) {
        const R = tmp(), op = OPS[name], norm = name === 'mul' ? ' + 0' : '';
        const intPath = `((${R} = ${A} ${op} ${B}) <= ${MAXS} && ${R} >= -${MAXS} ? ${R}${norm} : ${INTB[name]}(${A}, ${B}))`;
        const fltPath = `new LuaFloat(${A}.n ${op} ${B}.n)`;
        return wrap(cond(and(isN(A, kA), isN(B, kB)), intPath, cond(and(isF(A, kA), isF(B, kB)), fltPath, `${GENB[name]}(${A}, ${B})`)));
      }
      if (name === 'div') return wrap(cond(and(isF(A, kA), isF(B, kB)), `new LuaFloat(${A}.n / ${B}.n)`, `arithDivB(${A}, ${B})`));
      if (name === 'unm') return wrap(cond(isN(A, kA), `0 - ${A}`, cond(isF(A, kA), `new LuaFloat(-${A}.n)`, `arithUnmB(${A})`)));
      if (name === 'lt') return wrap(cond(and(isN(A, kA), isN(B, kB)), `${A} < ${B}`, cond(and(isF(A, kA), isF(B, kB)), `${A}.n < ${B}.n`, `ltSlowB(${A}, ${B})`)));
      throw new Error('boxInline: ' + name + ' not supported');
    }
    throw new Error('arith mode ' + mode);
  }

  function callExpr(F, args, extra = []) {
    if (cfg.ret === 'plain') return `${F}(${[...extra, ...args].join(', ')})`;
    // complex arguments are evaluated once, into temps, before the type test
    const bound = args.map(bind);
    const pre = bound.map((b) => b[1]).join('');
    const all = [...extra, ...bound.map((b) => b[0])].join(', ');
    return `(${pre}typeof ${F} === 'function' ? ${F}(${all}) : callSlow(${F}${all ? ', ' + all : ''}))`;
  }

  const macros = {
    add: (a) => arith('add', a), sub: (a) => arith('sub', a), mul: (a) => arith('mul', a),
    div: (a) => arith('div', a), mod: (a) => arith('mod', a), unm: (a) => arith('unm', a),
    lt: (a) => arith('lt', a), le: (a) => arith('le', a),
    flt([lit]) {
      const v = Number(lit);
      if (cfg.arith === 'plain') return lit;
      if (cfg.arith.startsWith('box') || Number.isInteger(v)) { const k = hoist(`new LuaFloat(${lit})`); boxConsts.add(k); return k; }
      return lit;
    },
    newt: () => (cfg.tab === 'plain' ? '{}' : `new ${LT}()`),
    newarr(args) {
      if (cfg.tab === 'plain') return `[${args.join(', ')}]`;
      const T = tmp();
      return `(${T} = new ${LT}(), ${T}.arr.push(${args.join(', ')}), ${T})`;
    },
    get([t, k]) {
      const key = strKey(k);
      if (cfg.tab === 'plain') return `${t}.${key}`;
      const [T, pt] = bind(t); const V = tmp();
      if (cfg.tab === 'map') return `(${pt}${T} instanceof ${LT} && (${V} = ${T}.hash.get("${key}")) !== undefined ? ${V} : indexM(${T}, "${key}"))`;
      return `(${pt}${T} instanceof ${LT} && (${V} = ${T}.strs.${key}) !== undefined ? ${V} : index(${T}, "${key}"))`;
    },
    set([t, k, v]) {
      const key = strKey(k);
      if (cfg.tab === 'plain') return `${t}.${key} = ${v};`;
      if (cfg.tab === 'map') return `{ const $T = ${t}, $V = ${v}; if ($T instanceof ${LT} && ($T.metatable === null || $T.hash.has("${key}"))) $T.hash.set("${key}", $V); else newindexM($T, "${key}", $V); }`;
      return `{ const $T = ${t}, $V = ${v}; if ($T instanceof ${LT} && ($T.metatable === null || $T.strs.${key} !== undefined)) $T.strs.${key} = $V; else newindex($T, "${key}", $V); }`;
    },
    geti([t, i]) {
      if (cfg.tab === 'plain') return `${t}[${i} - 1]`;
      const [T, pt] = bind(t); const [I, pi] = bind(i); const V = tmp();
      return `(${pt}${pi}${T} instanceof ${LT} && (${V} = ${T}.arr[${I} - 1]) !== undefined ? ${V} : ${cfg.tab === 'map' ? 'indexM' : 'index'}(${T}, ${I}))`;
    },
    forlim([x]) {
      if (cfg.arith === 'plain') return x;
      const [X, px] = bind(x);
      return `(${px}typeof ${X} === 'number' && Number.isInteger(${X}) ? ${X} : forlimSlow(${X}))`;
    },
    len([t]) {
      if (cfg.tab === 'plain') return `${t}.length`;
      const [T, pt] = bind(t);
      return `(${pt}${T} instanceof ${LT} && ${T}.metatable === null ? ${T}.arr.length : lenSlow(${T}))`;
    },
    glob([name]) { return cfg.glob === 'table' ? macros.get(['G', `"${name}"`]) : name; },
    setglob([name, v]) { return cfg.glob === 'table' ? macros.set(['G', `"${name}"`, v]) : ''; },
    bi([name]) {
      if (name === 'sqrt') return cfg.arith === 'plain' ? 'Math.sqrt' : cfg.arith.startsWith('box') ? 'sqrtB' : 'sqrtA';
      if (name === 'setmetatable') return { plain: null, array: 'setmetatable', reg1: 'setmetatableReg1', regall: 'setmetatableRegAll' }[cfg.ret];
      throw new Error('bi ' + name);
    },
    call1([f, ...args]) {
      const [F, pf] = bind(f);
      const c = callExpr(F, args);
      if (cfg.ret === 'plain' || cfg.ret === 'reg1') return pf ? `(${pf}${c})` : c;
      if (cfg.ret === 'regall') return `(${pf}${c}, R.v1)`;
      const V = tmp();
      return `(${pf}${V} = ${c}, Array.isArray(${V}) ? ${V}[0] : ${V})`;
    },
    callS([f, ...args]) { const [F, pf] = bind(f); return `${pf ? `(${pf}${callExpr(F, args)})` : callExpr(F, args)};`; },
    call2([a, b, f, ...args]) {
      const [F, pf] = bind(f);
      const c = pf ? `(${pf}${callExpr(F, args)})` : callExpr(F, args);
      switch (cfg.ret) {
        case 'plain': return `{ const $v = ${c}; ${a} = $v[0]; ${b} = $v[1]; }`;
        case 'array': return `{ const $v = ${c}; if (Array.isArray($v)) { ${a} = $v[0]; ${b} = $v[1]; } else { ${a} = $v; ${b} = undefined; } }`;
        case 'reg1': return `${a} = ${c}; ${b} = R.n >= 2 ? R.v2 : undefined;`;
        case 'regall': return `${c}; ${a} = R.v1; ${b} = R.n >= 2 ? R.v2 : undefined;`;
      }
    },
    meth([o, k, ...args]) {
      const key = strKey(k);
      if (cfg.tab === 'plain') return `${o}.${key}(${args.join(', ')});`;
      const O = tmp(), F = tmp();
      return `${O} = ${o}; ${F} = ${macros.get([O, k])}; ${callExpr(F, args, [O])};`;
    },
    enter: () => ({ none: '', let: 'if (++D > LIMIT) return deep();', obj: 'if (++S.D > LIMIT) return deep();' }[cfg.depth]),
    ret([v]) {
      switch (cfg.ret) {
        case 'plain': return `return ${v};`;
        case 'array': return simple(v) ? `{ ${dec} return ${v}; }` : `{ const $r = ${v}; ${dec} return $r; }`;
        case 'reg1': return `{ const $r = ${v}; ${dec} R.n = 1; return $r; }`;
        case 'regall': return `{ const $r = ${v}; ${dec} R.n = 1; R.v1 = $r; return; }`;
      }
    },
    ret2([a, b]) {
      switch (cfg.ret) {
        case 'plain': return `return [${a}, ${b}];`;
        case 'array': return `{ const $r = [${a}, ${b}]; ${dec} return $r; }`;
        case 'reg1': return `{ const $a = ${a}, $b = ${b}; ${dec} R.n = 2; R.v2 = $b; return $a; }`;
        case 'regall': return `{ const $a = ${a}, $b = ${b}; ${dec} R.n = 2; R.v1 = $a; R.v2 = $b; return; }`;
      }
    },
    end: () => (cfg.ret === 'reg1' ? `${dec} R.n = 0;` : cfg.ret === 'regall' ? `${dec} R.n = 0; R.v1 = undefined;` : dec),
  };

  // --- scanner -----------------------------------------------------------
  function parseArgs(s, i) { // s[i] === '(' ; returns [args, indexAfter]
    let depth = 0, cur = '', args = [];
    for (let j = i; j < s.length; j++) {
      const c = s[j];
      if (c === '"' || c === "'" || c === '`') {
        const end = s.indexOf(c, j + 1);
        cur += s.slice(j, end + 1); j = end; continue;
      }
      if (c === '(' || c === '[' || c === '{') { if (depth++ === 0 && c === '(') continue; }
      else if (c === ')' || c === ']' || c === '}') {
        if (--depth === 0) { if (cur.trim() !== '' || args.length) args.push(cur.trim()); return [args, j + 1]; }
      } else if (c === ',' && depth === 1) { args.push(cur.trim()); cur = ''; continue; }
      cur += c;
    }
    throw new Error('unbalanced macro call');
  }
  function expandStr(s, allowScopes) {
    let res = '';
    const re = /@(\w+)|\/\*\{T\*\/|\/\*T\}\*\//g;
    let last = 0, m;
    while ((m = re.exec(s))) {
      res += s.slice(last, m.index);
      if (m[0] === '/*{T*/') {
        if (!allowScopes) throw new Error('scope marker inside macro');
        out.push(res); res = '';
        const scope = { temps: [], slot: out.length };
        out.push(null); scopes.push(scope);
        last = re.lastIndex; continue;
      }
      if (m[0] === '/*T}*/') {
        const scope = scopes.pop();
        out[scope.slot] = scope.temps.length ? `let ${scope.temps.join(', ')};` : '';
        last = re.lastIndex; continue;
      }
      const name = m[1];
      if (!macros[name]) throw new Error('unknown macro @' + name);
      let args = [], after = re.lastIndex;
      if (s[after] === '(') [args, after] = parseArgs(s, after);
      args = args.map((a) => expandStr(a, false));
      res += macros[name](args);
      last = re.lastIndex = after;
    }
    return res + s.slice(last);
  }
  scopes.push({ temps: [], slot: -1 }); // module scope (should stay empty)
  out.push(expandStr(src, true));
  if (scopes.length !== 1 || scopes[0].temps.length) throw new Error('unbalanced scopes / module-level temps');
  const body = out.join('');
  const header = [
    `// GENERATED by scripts/repr-bench/gen.mjs from the template; variant config: ${JSON.stringify(cfg)}\n// Edit the template, not this file.`,
    `import { LuaFloat, LuaTable, LuaTableF, MAX, LIMIT, R, S, deep, callSlow, index, indexM, newindex, newindexM, lenSlow,`,
    `  add, sub, mul, div, mod, unm, lt, le, addNum, subNum, mulNum, arithAdd, arithSub, arithMul, arithDiv, arithMod, arithUnm, ltSlow, leSlow,`,
    `  addB, subB, mulB, divB, unmB, ltB, addIntB, subIntB, mulIntB, arithAddB, arithSubB, arithMulB, arithDivB, arithUnmB, ltSlowB,`,
    `  setmetatable, setmetatableReg1, setmetatableRegAll, forlimSlow, sqrtA, sqrtB, print, fmt9, reportTime } from '../rt.mjs';`,
    cfg.depth === 'let' ? 'let D = 0;' : '',
    `const G = new ${LT}();`,
    ...hoisted.map(([n, init]) => `const ${n} = ${init};`),
    '',
  ].join('\n');
  return header + body;
}

export const PROGRAMS = {
  // name: { lua: file under lua/, tpl: file under templates/, args, variants: {label: cfg} }
};

const base = { arith: 'inline', tab: 'strs', ret: 'array', depth: 'let', glob: 'local' };
const plain = { arith: 'plain', tab: 'plain', ret: 'plain', depth: 'none', glob: 'local' };
export const SUITE = [
  { prog: 'fib_local', lua: 'fib_local.lua', tpl: 'fib.tpl.js', variants: {
    'JS plain (lower bound)': plain,
    'A helper': { ...base, arith: 'helper' },
    'A inline': base,
    'E: A inline, no depth counter': { ...base, depth: 'none' },
    'E: A inline, depth counter in object field': { ...base, depth: 'obj' },
    'C: A inline, register returns (first value returned, R.n set)': { ...base, ret: 'reg1' },
    'C: A inline, register returns (all values in R)': { ...base, ret: 'regall' },
  } },
  { prog: 'fib_global', lua: 'fib_global.lua', tpl: 'fib.tpl.js', variants: {
    'A helper, G strs (Object.create(null))': { ...base, arith: 'helper', glob: 'table' },
    'A inline, G strs (Object.create(null))': { ...base, glob: 'table' },
    'D: A inline, G strs (fast null-proto class)': { ...base, glob: 'table', tab: 'strsfast' },
    'D: A inline, G Map': { ...base, glob: 'table', tab: 'map' },
  } },
  { prog: 'loop', lua: 'loop.lua', tpl: 'loop.tpl.js', variants: {
    'JS plain (lower bound)': plain,
    'A helper': { ...base, arith: 'helper' },
    'A inline': base,
  } },
  { prog: 'nbody', lua: 'nbody.lua', args: ['500000'], tpl: 'nbody.tpl.js', variants: {
    'JS plain (lower bound)': plain,
    'A helper, strs': { ...base, arith: 'helper' },
    'A inline, strs': base,
    'B helper (all floats boxed), strs': { ...base, arith: 'boxHelper' },
    'B inline (all floats boxed), strs': { ...base, arith: 'boxInline' },
    'D: A inline, strs fast null-proto class': { ...base, tab: 'strsfast' },
    'D: A inline, Map': { ...base, tab: 'map' },
    'A helper, strs fast': { ...base, arith: 'helper', tab: 'strsfast' },
    'B helper (all floats boxed), strs fast': { ...base, arith: 'boxHelper', tab: 'strsfast' },
    'B inline (all floats boxed), strs fast': { ...base, arith: 'boxInline', tab: 'strsfast' },
  } },
  { prog: 'oop', lua: 'oop.lua', tpl: 'oop.tpl.js', variants: {
    'JS plain class (lower bound)': { ...plain, tpl: 'oop_plain.tpl.js' },
    'A helper, strs': { ...base, arith: 'helper' },
    'A inline, strs': base,
    'D: A inline, strs fast null-proto class': { ...base, tab: 'strsfast' },
    'D: A inline, Map': { ...base, tab: 'map' },
    'A helper, strs fast': { ...base, arith: 'helper', tab: 'strsfast' },
  } },
  { prog: 'multret', lua: 'multret.lua', tpl: 'multret.tpl.js', variants: {
    'JS plain (array, no checks)': plain,
    'A inline, array returns': base,
    'C: A inline, register (first value returned)': { ...base, ret: 'reg1' },
    'C: A inline, register (all values in R)': { ...base, ret: 'regall' },
    'A inline, array returns, node --no-turbo-inlining': { ...base, node: ['--no-turbo-inlining'] },
    'C: A inline, register (first value returned), node --no-turbo-inlining': { ...base, ret: 'reg1', node: ['--no-turbo-inlining'] },
    'C: A inline, register (all values in R), node --no-turbo-inlining': { ...base, ret: 'regall', node: ['--no-turbo-inlining'] },
  } },
];

export const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

export function generateAll() {
  const genDir = path.join(HERE, 'gen');
  fs.mkdirSync(genDir, { recursive: true });
  for (const f of fs.readdirSync(genDir)) if (f.endsWith('.mjs')) fs.unlinkSync(path.join(genDir, f));
  const files = [];
  for (const p of SUITE) {
    for (const [label, cfg] of Object.entries(p.variants)) {
      const src = fs.readFileSync(path.join(HERE, 'templates', cfg.tpl ?? p.tpl), 'utf8');
      const file = path.join(genDir, `${p.prog}__${slug(label)}.mjs`);
      fs.writeFileSync(file, expand(src, cfg));
      files.push({ prog: p.prog, label, file, nodeFlags: cfg.node ?? [] });
    }
  }
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const f of generateAll()) console.log(path.relative(process.cwd(), f.file));
}
