import { Lua, LuaLimitError } from 'regolith';

// An untrusted script: safe libraries and limits on every run.
const lua = new Lua({
  libs: 'safe',
  limits: { instructions: 1_000_000, timeoutMs: 1000, memory: 16 * 2 ** 20, depth: 200 },
});

for (const script of ['while true do end', 'local t = {} while true do t[#t + 1] = {} end', 'return ("x"):rep(10)']) {
  try {
    console.log(lua.doString(script));
  } catch (e) {
    // pcall cannot catch a limit: the run ends, the state stays usable.
    if (e instanceof LuaLimitError) console.log(e.kind, e.message);
  }
}

// Step by step (a debugger, or fair scheduling of many scripts).
const s = lua.stepper(lua.load('local n = 0 for i = 1, 1e5 do n = n + i end return n'));
let steps = 0, r;
while ((r = s.step({ instructions: 10_000 })).status === 'running') steps++;
console.log(steps, r); // 19 { status: 'done', values: [ 5000050000 ] }
lua.close();
