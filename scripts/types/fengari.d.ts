// Just enough of fengari's (untyped) C-like API for scripts/bench-api.ts.
declare module 'fengari' {
  type State = object;
  export const lua: {
    lua_call(L: State, nargs: number, nresults: number): void;
    lua_pushnumber(L: State, n: number): void;
    lua_pushinteger(L: State, n: number): void;
    lua_tonumber(L: State, i: number): number;
    lua_tointeger(L: State, i: number): number;
    lua_pop(L: State, n: number): void;
    lua_settop(L: State, n: number): void;
    lua_gettop(L: State): number;
    lua_getglobal(L: State, name: Uint8Array): number;
    lua_setglobal(L: State, name: Uint8Array): void;
    lua_pushvalue(L: State, i: number): void;
    lua_rawgeti(L: State, i: number, n: number): number;
    lua_pushjsfunction(L: State, f: (L: State) => number): void;
    lua_close(L: State): void;
    LUA_REGISTRYINDEX: number;
  };
  export const lauxlib: {
    luaL_newstate(): State;
    luaL_loadstring(L: State, s: Uint8Array): number;
    luaL_ref(L: State, t: number): number;
    luaL_checknumber(L: State, i: number): number;
  };
  export const lualib: { luaL_openlibs(L: State): void };
  export function to_luastring(s: string): Uint8Array;
}
