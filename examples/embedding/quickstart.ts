import { Lua, type LuaFunctionHandle } from 'regolith';

const lua = new Lua();

// A JS function is a Lua function: arguments and results are converted.
lua.global.set('greet', (name: string) => `Hello, ${name}!`);
lua.doString('print(greet("Lua"))');

// Every value a chunk returns comes back.
const [sum, text, big] = lua.doString('return 1 + 2, "é" .. "t", math.maxinteger');
console.log(sum, text, big); // 3 ét 9223372036854775807n

// Lua functions come back as handles, typed if you like.
lua.doString('function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end');
const fib = lua.global.get<LuaFunctionHandle<[number], [number]>>('fib');
console.log(fib.call1(20)); // 6765

lua.close();
