local function f(a, b, ...)
  local c = a + b
  for i = 1, 2 do
    local x = i * 10
    if i == 2 then
      for j = 1, 10 do
        local n, v = debug.getlocal(1, j)
        if not n then break end
        print(j, n, v)
      end
      print(debug.getlocal(1, -1)); print(debug.getlocal(1, -2)); print(debug.getlocal(1, -3))
      print(debug.setlocal(1, 3, 99), c)
    end
  end
  return c
end
print(f(1, 2, "va1", "va2"))
local function g() local q = 5; local function h() local n, v = debug.getlocal(2, 1); return n, type(v) end; return h() end
print(g())
print(select("#", debug.getlocal(1, 100)))
print(pcall(debug.getlocal, 50, 1))
for k, v in pairs({10}) do print((debug.getlocal(1, 1)), debug.getlocal(1, 7)) end
print(debug.setlocal(1, 100, 1), pcall(debug.setlocal, 99, 1, 1))
