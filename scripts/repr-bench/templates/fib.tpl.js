// fib(32).  Lua: lua/fib_local.lua (glob=local) or lua/fib_global.lua (glob=table)
function main() { /*{T*/
  const t0 = performance.now();
  const fib = function (n) { /*{T*/
    @enter
    if (@lt(n, 2)) @ret(n)
    @ret(@add(@call1(@glob(fib), @sub(n, 1)), @call1(@glob(fib), @sub(n, 2))))
  /*T}*/ };
  @setglob(fib, fib)
  const r = @call1(@glob(fib), 32);
  reportTime(performance.now() - t0);
  print(r);
/*T}*/ }
main();
