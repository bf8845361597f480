import { Lua, LuaError } from 'regolith';

// 'safe': no files, processes, debug or binary chunks; the libraries are read-only.
const lua = new Lua({ libs: 'safe' });
console.log(lua.doString('return io, os.getenv, string.dump, os.time() > 0')); // [ undefined, undefined, undefined, true ]

try {
  lua.doString('string.upper = string.lower', { chunkName: '=script' });
} catch (e) {
  if (e instanceof LuaError) console.log(e.message); // script:1: attempt to modify a readonly table
}
lua.close();

// Down to single functions; lua.freeze makes any table read-only.
const tiny = new Lua({ libs: { base: { except: ['dofile', 'loadfile'] }, os: ['clock'], string: true } });
tiny.global.set('config', { level: 3 });
tiny.freeze(tiny.globals.get('config'));
console.log(tiny.doString('return pcall(function () config.level = 9 end), config.level, os.clock ~= nil, math')); // [ false, 3, true, undefined ]
tiny.close();
