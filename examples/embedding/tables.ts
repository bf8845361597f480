import { Lua, LuaTableHandle } from 'regolith';

const lua = new Lua();

// Plain objects, arrays and Maps go in as copies (arrays start at 1).
lua.global.set('config', { name: 'demo', ports: [80, 443] });
console.log(lua.doString('return config.name, #config.ports, config.ports[1]')); // [ 'demo', 2, 80 ]

// Tables come out as live handles...
const [t] = lua.doString('return {1, 2, 3, label = "xyz"}') as [LuaTableHandle];
t.set('label', 'changed');
console.log(t.get('label'), t.length()); // changed 3

// ...or as plain data: sequences become arrays, string keys objects.
const [list, obj] = lua.doString('return {10, 20, 30}, {a = 1, b = {c = true}}') as LuaTableHandle[];
console.log(list.toJS(), obj.toJS()); // [ 10, 20, 30 ] { a: 1, b: { c: true } }

// Several results from a JS function: Lua.multi.
lua.global.set('divmod', (a: number, b: number) => Lua.multi(Math.floor(a / b), a % b));
console.log(lua.doString('return divmod(17, 5)')); // [ 3, 2 ]

// A live view of a JS object instead of a copy.
const state = { count: 0 };
lua.global.set('state', lua.proxy(state));
lua.doString('state.count = state.count + 1');
console.log(state.count); // 1

lua.close();
