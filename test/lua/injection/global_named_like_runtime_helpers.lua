-- names that an implementation might use internally
local names = {'L', 'R', 'rt', 'env', 'ENV', '_ENV_', 'lua', 'Lua', 'regolith', 'state', 'vm', 'call', 'index',
  'tbl', 'upv', 'varargs', 'va', 'self', 'ret', 'tmp', 't0', '$', 'G', '__index', '__call'}
local out = {}
for i, n in ipairs(names) do
  _G[n] = i
end
for i, n in ipairs(names) do out[#out + 1] = tostring(_G[n] == i) end
print(table.concat(out, ' '))
L = nil; R = nil; rt = nil; env = nil; ENV = nil; lua = nil; Lua = nil; regolith = nil; state = nil; vm = nil
call = nil; index = nil; tbl = nil; upv = nil; varargs = nil; va = nil; self = nil; ret = nil; tmp = nil; t0 = nil
print(L, R, rt, env, ENV, lua, call, index, self, tmp)
local function f(L, R, rt, env, state, vm, self, ret, tmp)
  return L + R + rt + env + state + vm + self + ret + tmp
end
print(f(1, 2, 3, 4, 5, 6, 7, 8, 9))
