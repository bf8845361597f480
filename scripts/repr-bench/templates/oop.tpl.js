// Point class via metatable __index; 10M calls of p:move(1, 2).  Lua: lua/oop.lua
function main() { /*{T*/
  const t0 = performance.now();
  const smt = @bi(setmetatable);
  const Point = @newt();
  @set(Point, "__index", Point)
  const Point_new = function (x, y) { /*{T*/
    @enter
    const o = @newt();
    @set(o, "x", x)
    @set(o, "y", y)
    @ret(@call1(smt, o, Point))
  /*T}*/ };
  @set(Point, "new", Point_new)
  const Point_move = function (self, dx, dy) { /*{T*/
    @enter
    @set(self, "x", @add(@get(self, "x"), dx))
    @set(self, "y", @add(@get(self, "y"), dy))
    @end
  /*T}*/ };
  @set(Point, "move", Point_move)
  const p = @call1(@get(Point, "new"), 0, 0);
  for (let i = 1; i <= 10000000; i++) {
    @meth(p, "move", 1, 2)
  }
  reportTime(performance.now() - t0);
  print(@get(p, "x"), @get(p, "y"));
/*T}*/ }
main();
