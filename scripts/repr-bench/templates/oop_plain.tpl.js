// Lower bound for oop: idiomatic JS class (no macros).
function main() {
  const t0 = performance.now();
  class Point {
    constructor(x, y) { this.x = x; this.y = y; }
    move(dx, dy) { this.x = this.x + dx; this.y = this.y + dy; }
  }
  const p = new Point(0, 0);
  for (let i = 1; i <= 10000000; i++) p.move(1, 2);
  reportTime(performance.now() - t0);
  print(p.x, p.y);
}
main();
