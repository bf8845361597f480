-- Lua names that are JS reserved words, JS object names or the names of the
-- compiler's runtime helpers (bound as `$D`, `$H`, `$clr`...) and of its own
-- variables (`$fr`, `$va`, `$top`, `$e`) are plain Lua names, also in
-- coroutines (resumable code) and in this chunk, which mentions
-- debug.getlocal and so always runs instrumented.
local function names(D, R, H, clr, mkfn, deep, yield, arguments, eval, this, __proto__, constructor)
  local fr, va, top, e, cl, G = "fr", "va", "top", "e", "cl", "G"
  local class, new, delete, typeof, instanceof, await, let, static = 1, 2, 3, 4, 5, 6, 7, 8
  local out = {}
  local i = 1
  while true do
    local name, value = debug.getlocal(1, i)
    if not name then break end
    if name ~= "out" and name ~= "i" then out[#out + 1] = name .. "=" .. tostring(value) end
    i = i + 1
  end
  return table.concat(out, " "), D .. R .. H .. clr .. mkfn .. deep .. yield .. arguments .. eval .. this
    .. __proto__ .. constructor .. fr .. va .. top .. e .. cl .. G, class + new + delete + typeof + instanceof + await + let + static
end
local args = {"D", "R", "H", "clr", "mkfn", "deep", "yield", "arguments", "eval", "this", "__proto__", "constructor"}
print(names(table.unpack(args)))
print(coroutine.wrap(names)(table.unpack(args)))

-- upvalues with such names, a self tail call, a coroutine yielding through them
local D, H, clr, top, fr = 0, {}, "clr", "top", "fr"
local function count(n, acc)
  if n == 0 then return acc end
  D = D + 1
  H[#H + 1] = top .. n
  return count(n - 1, acc .. clr .. fr)
end
print(count(3, ""), D, table.concat(H, ","))
local co = coroutine.wrap(function(yield, ...)
  local va = {...}
  for _, __proto__ in ipairs(va) do yield(__proto__ .. count(1, "")) end
  return "done", D
end)
print(co(coroutine.yield, "a", "b"))
print(co())
print(co())
for i = 1, 6 do io.write(tostring((debug.getupvalue(count, i))), " ") end
print()
