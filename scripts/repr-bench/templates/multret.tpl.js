// local function two(i) return i, i * 2 end ... local a, b = two(i); s = s + a - b  (20M)
function main() { /*{T*/
  const t0 = performance.now();
  const two = function (i) { /*{T*/
    @enter
    @ret2(i, @mul(i, 2))
  /*T}*/ };
  let s = 0;
  for (let i = 1; i <= 20000000; i++) {
    let a, b;
    @call2(a, b, two, i)
    s = @sub(@add(s, a), b);
  }
  reportTime(performance.now() - t0);
  print(s);
/*T}*/ }
main();
