import { Lua, LuaError } from 'regolith';

const lua = new Lua();

// A Lua error is a LuaError: message, value, lua5.4's traceback, frames.
try {
  lua.doString('local function check(x)\n  assert(x > 0, "x must be positive")\nend\ncheck(-1)', { chunkName: '@check.lua' });
} catch (e) {
  if (e instanceof LuaError) {
    console.log(e.traceback);
    console.log(e.frames.map((f) => `${f.source}:${f.line} ${f.what}`).join(' | '));
  }
}

// A JS exception in a JS function: Lua's pcall sees its message...
const failure = new Error('disk full');
lua.global.set('save', () => { throw failure; });
console.log(lua.doString('return pcall(save)')); // [ false, 'disk full' ]

// ...and uncaught, the very same object arrives back in JS.
try {
  lua.doString('save()');
} catch (e) {
  console.log(e === failure); // true
}

lua.close();
