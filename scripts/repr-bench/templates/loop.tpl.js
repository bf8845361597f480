// local s = 0; for i = 1, 50000000 do s = s + i % 7 end print(s)
function main() { /*{T*/
  const t0 = performance.now();
  let s = 0;
  for (let i = 1; i <= 50000000; i++) {
    s = @add(s, @mod(i, 7));
  }
  reportTime(performance.now() - t0);
  print(s);
/*T}*/ }
main();
