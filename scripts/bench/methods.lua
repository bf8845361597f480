-- Microbenchmark: OOP method calls through metatables: a class hierarchy
-- built with __index class tables (two levels of inheritance), obj:method()
-- calls, field reads and writes.
-- usage: methods.lua [N]   (default 4000000)
local A1 = ...  -- script argument (as lua.c passes it)
local n = tonumber(A1) or 4000000

local Point = {}
Point.__index = Point

function Point.new(x, y)
  return setmetatable({ x = x, y = y }, Point)
end

function Point:add(o)
  self.x = self.x + o.x
  self.y = self.y + o.y
  return self
end

function Point:norm1()
  local x, y = self.x, self.y
  return (x < 0 and -x or x) + (y < 0 and -y or y)
end

local Point3 = setmetatable({}, { __index = Point })
Point3.__index = Point3

function Point3.new(x, y, z)
  local p = Point.new(x, y)
  p.z = z
  return setmetatable(p, Point3)
end

function Point3:norm1()
  local z = self.z
  return Point.norm1(self) + (z < 0 and -z or z)
end

local acc = Point3.new(0, 0, 0)
local step = Point.new(1, -2)
local s = 0
for i = 1, n do
  acc:add(step)              -- inherited method (two __index hops)
  s = s + acc:norm1() % 13   -- overriding method calling the parent's
  if i % 100000 == 0 then
    local p = Point3.new(i, i, i)
    s = s + p:norm1()
  end
end
print(s, acc.x, acc.y, acc.z)
