// Scaling check: operations whose cost should be linear in the size of their
// input, timed at size n and at 10n in one process. A ratio near 10 is
// linear; near 100 quadratic. Not a test (timings vary with the machine);
// a report to read after changing string building, the parser or codegen.
//
//   npm run bench:scaling                 every case
//   npm run bench:scaling -- --filter gsub   only cases whose name matches
//   npm run bench:scaling -- --scale 0.1     smaller sizes (quick look)
//
// Each case is a Lua function of n (run in-process on a fresh state), or a
// chunk of n lines to compile. It runs once at n to warm up, then at n and
// at 10n; the time of a size is the best of `reps` runs, in CPU time of the
// process (the collector's threads included). Exit status 0 whatever the
// ratios (a report), 2 on bad options.
import { LuaState } from '../src/runtime/state.js';
import { openLibs } from '../src/stdlib/init.js';
import { nodeHost } from '../src/host/node.js';
import type { LuaValue } from '../src/runtime/value.js';

interface Case {
  name: string;
  /** The smaller size. */
  n: number;
  /** Body of `function(n) ... end`: the work to time. */
  body?: string;
  /** Or: source of a chunk of size n, compiled (not run). */
  chunk?: (n: number) => string;
}

const CASES: Case[] = [
  { name: 'gsub (string replacement)', n: 500_000, body: 'return #(("ab"):rep(n):gsub("a", "xyz"))' },
  { name: 'gsub (function replacement)', n: 200_000, body: 'return #(("ab"):rep(n):gsub("a", function() return "xyz" end))' },
  { name: 'gsub (table replacement)', n: 200_000, body: 'return #(("ab"):rep(n):gsub("%a", {a = "x"}))' },
  { name: 'gsub (pattern, captures)', n: 100_000, body: 'return #(("k=v;"):rep(n):gsub("(%w+)=(%w+)", "%2=%1"))' },
  { name: 'string.rep', n: 1_000_000, body: 'return #(("abc"):rep(n))' },
  { name: 'string.rep with separator', n: 1_000_000, body: 'return #(("abc"):rep(n, ", "))' },
  { name: 'string.reverse', n: 1_000_000, body: 'return #(("abc"):rep(n):reverse())' },
  { name: 'string.upper', n: 1_000_000, body: 'return #(("abc"):rep(n):upper())' },
  { name: '.. in a loop (s = s .. x)', n: 1_000_000, body: 'local s = "" for i = 1, n do s = s .. "ab" end return #s' },
  { name: '.. chains of pieces', n: 300_000, body: 'local s = "" for i = 1, n do s = s .. "a" .. i .. "b" end return #s' },
  { name: 'table.concat', n: 500_000, body: 'local t = {} for i = 1, n do t[i] = "ab" end return #table.concat(t, ",")' },
  { name: 'table.concat (numbers)', n: 200_000, body: 'local t = {} for i = 1, n do t[i] = i end return #table.concat(t)' },
  {
    name: 'string.format (many specs)', n: 20_000,
    body: 'local t = {} for i = 1, n do t[i] = i end return #string.format(("%d,"):rep(n), table.unpack(t))',
  },
  { name: 'string.format (%s of a long string)', n: 1_000_000, body: 'return #string.format("[%s]", ("x"):rep(n))' },
  { name: 'string.char', n: 20_000, body: 'local t = {} for i = 1, n do t[i] = 65 end return #string.char(table.unpack(t))' },
  { name: 'utf8.char', n: 20_000, body: 'local t = {} for i = 1, n do t[i] = 0x3b1 end return #utf8.char(table.unpack(t))' },
  { name: 'gmatch', n: 100_000, body: 'local c = 0 for w in ("ab "):rep(n):gmatch("%a+") do c = c + 1 end return c' },
  { name: 'string.find loop', n: 50_000, body: 'local s, i, c = ("ab "):rep(n), 1, 0 while true do local _, e = s:find("%a+", i) if not e then return c end c = c + 1 i = e + 1 end' },
  { name: 'string.pack (many values)', n: 20_000, body: 'local t = {} for i = 1, n do t[i] = i end return #string.pack(("i4"):rep(n), table.unpack(t))' },
  { name: 'string.unpack (many values)', n: 20_000, body: 'local f = ("i4"):rep(n) return select("#", string.unpack(f, string.pack(f, table.unpack((function() local t = {} for i = 1, n do t[i] = i end return t end)()))))' },
  {
    name: 'io write + read "a"', n: 1_000_000,
    body: 'local name = os.tmpname() local f = io.open(name, "w") f:write(("x"):rep(n)) f:close() f = io.open(name) local s = f:read("a") f:close() os.remove(name) return #s',
  },
  {
    name: 'io lines', n: 100_000,
    body: 'local name = os.tmpname() local f = io.open(name, "w") f:write(("line\\n"):rep(n)) f:close() local c = 0 for _ in io.lines(name) do c = c + 1 end os.remove(name) return c',
  },
  {
    name: 'compile: goto/label per line', n: 2_000,
    chunk: (n) => {
      const lines = ['local x = 0'];
      for (let i = 1; i <= n; i++) lines.push(`x = x + 1 if x > 1e9 then goto l${i} end ::l${i}::`);
      return lines.join('\n');
    },
  },
  {
    name: 'compile: backward gotos', n: 2_000,
    chunk: (n) => {
      const lines = ['local x = 0'];
      for (let i = 1; i <= n; i++) lines.push(`::l${i}:: x = x + 1 if x < ${i} then goto l${i} end`);
      return lines.join('\n');
    },
  },
  {
    name: 'compile: plain statements', n: 20_000,
    chunk: (n) => {
      const lines = ['local x = 0'];
      for (let i = 1; i <= n; i++) lines.push(`x = x + ${i} if x > 1e9 then x = 0 end`);
      return lines.join('\n');
    },
  },
];

/** Milliseconds of CPU time used by the process: less disturbed by other processes than wall time. */
function now(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function parseArgs(argv: string[]): { filter: RegExp | null; scale: number; reps: number } | string {
  let filter: RegExp | null = null;
  let scale = 1;
  let reps = 3;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [key, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => inline ?? argv[++i] ?? '';
    if (key === '--filter') filter = new RegExp(value(), 'i');
    else if (key === '--scale') scale = Number(value());
    else if (key === '--reps') reps = Number(value());
    else return `unknown option ${a}`;
  }
  if (!(scale > 0) || !(reps >= 1)) return 'bad --scale or --reps';
  return { filter, scale, reps };
}

function main(): number {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    process.stderr.write(`bench-scaling: ${opts}\n`);
    return 2;
  }
  const L = new LuaState({ host: nodeHost() });
  openLibs(L);
  const rows: string[][] = [['case', 'n', 'cpu(n)', 'cpu(10n)', 'ratio', '']];
  for (const c of CASES) {
    if (opts.filter && !opts.filter.test(c.name)) continue;
    const n = Math.max(1, Math.round(c.n * opts.scale));
    let run: (size: number) => void;
    if (c.body !== undefined) {
      const fn = L.load(`return function(n) ${c.body} end`, `=${c.name}`)() as (n: LuaValue) => unknown;
      run = (size) => { fn(size); };
    } else {
      const make = c.chunk!;
      run = (size) => { L.load(make(size), '=bench'); };
    }
    const time = (size: number): number => {
      let best = Infinity;
      for (let r = 0; r < opts.reps; r++) {
        const t0 = now();
        run(size);
        best = Math.min(best, now() - t0);
      }
      return best;
    };
    run(n);
    const t1 = time(n);
    const t10 = time(10 * n);
    const ratio = t10 / Math.max(t1, 0.001);
    // A few milliseconds are mostly noise (timer, collections).
    const verdict = ratio < 20 || t10 < 20 ? '' : ratio < 40 ? 'superlinear?' : 'SUPERLINEAR';
    rows.push([c.name, String(n), `${t1.toFixed(1)} ms`, `${t10.toFixed(1)} ms`, `${ratio.toFixed(1)}x`, verdict]);
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) {
    process.stdout.write(r.map((cell, i) => (i === 0 || i === 5 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd() + '\n');
  }
  process.stdout.write('\nlinear: about 10x (timer noise and collections move small times); quadratic: about 100x\n');
  return 0;
}

process.exitCode = main();
