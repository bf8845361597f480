-- Integral floats read back from tables (boxed in Regolith) meeting
-- integers, fractional floats, other integral floats, big integers,
-- strings and metamethods in + - * / < <= == and ~=, in direct code and inside
-- a coroutine (the resumable variant).
local vals = {
  3.0, -0.0, 0.0, 2.0^53, 2.0^63, -2.0^63, 1e308, -1e308, 1/0, -1/0,
  5, -7, 0, 2^53 - 1, math.maxinteger, math.mininteger,
  0.5, -2.25, 0/0,
}
local box = {}
for i, v in ipairs(vals) do box[i] = {v = v} end

local function show(x)
  if x ~= x then return "nan" end
  return string.format("%s:%s", math.type(x), tostring(x))
end

local function run()
  local out = {}
  for i = 1, #vals do
    for j = 1, #vals do
      local a, b = box[i].v, box[j].v
      out[#out + 1] = table.concat({
        show(a + b), show(a - b), show(a * b), show(a / b),
        tostring(a < b), tostring(a <= b), tostring(b < a), tostring(b <= a),
        tostring(a == b), tostring(a ~= b),
      }, " ")
    end
  end
  return out
end

local direct = run()
for _, line in ipairs(direct) do print(line) end
local co = coroutine.wrap(function() coroutine.yield(run()) end)
local resumed = co()
local same = #resumed == #direct
for k = 1, #direct do same = same and resumed[k] == direct[k] end
print("coroutine agrees", same)

-- Strings and metamethods still take the slow paths with a boxed float.
local three = box[1].v
print(pcall(function() return three + "2" end))
print(pcall(function() return three < "4" end))
print(pcall(function() return three + {} end))
local mt = {__add = function(x, y) return "added" end, __lt = function() return true end}
local t = setmetatable({}, mt)
print(three + t, t + three, pcall(function() return three < t end))
print(three // 2.0, three % 2.0, three ^ 2, -three, three // 0.0)
