local function pack(...) return {...} end
local t = pack(1, 2, 3)
print(#t, t[1], t[3])
local function f(...)
  local a = {..., "end"}
  local b = {"start", ...}
  return #a, #b, a[1], a[2], b[1], b[#b]
end
print(f(7, 8, 9))
print(f())
local function g(...) local n = {n = select('#', ...), ...} return n.n, n[1] end
print(g("x", "y"))
