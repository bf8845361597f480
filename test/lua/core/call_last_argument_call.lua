-- A call whose last argument is a call, f(a, g(x)): g's results are passed
-- whatever their number (none, one, nil, several, a table), the callee and
-- the earlier arguments are evaluated before g runs, and errors name the
-- outer call.
local function none() end
local function one(x) return x end
local function many(...) return ... end
local function count(...) return select('#', ...), ... end

print(count(1, none()))
print(count(1, one(nil)))
print(count(1, one(2)))
print(count(1, many(2, 3, 4)))
print(count(many()))
print(count(1, many(nil, nil)))
print(count(1, one({}) ~= nil))
local t = {10, 20, 30}
print(count(table.unpack(t)))
print(select(2, count(1, 2, table.unpack(t))))

-- The callee is read before the arguments: reassigning it in g does not change the call.
local f = function(...) return "old", ... end
local function swap() f = function() return "new" end return "arg" end
print(f(swap()))
print(f(swap()))

-- Arguments are evaluated left to right, before the last call runs.
local order = {}
local function note(x) order[#order + 1] = x return x end
local function last() order[#order + 1] = "last" return "L" end
print(count(note(1), note(2), last()))
print(table.concat(order, " "))

-- Errors: the arguments run first, then the call fails with the callee's name.
local g
print(pcall(function() g(one(1)) end))
print(pcall(function() return g(note("x"), one(1)) end))
print(pcall(function() undefinedglobal(many(1, 2)) end))
print(pcall(function() local s = "x" s(one(1)) end))
print(pcall(function() f(error("in the argument")) end))

-- A tail call and a call in a deep recursion.
local function depth(n) if n == 0 then return 0 end return one(depth(n - 1)) + 1 end
print(depth(5000))
local function tail(n, ...) if n == 0 then return select('#', ...) end return tail(n - 1, many(...)) end
print(tail(100, 1, 2, 3))

-- A traceback through such a call names it.
local function boom() error("boom") end
local function wrap(x) return x end
print(select(2, xpcall(function() wrap(boom()) end, function(m) return (debug.traceback(m, 1):gsub("\n[^\n]*%[C%][^\n]*", "")) end)))
