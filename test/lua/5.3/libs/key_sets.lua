local function keys(t, name)
  local ks = {}
  for k in pairs(t) do ks[#ks+1] = tostring(k) end
  table.sort(ks)
  print(name, table.concat(ks, " "))
end
keys(_G, "_G")
for _, n in ipairs{"string","table","math","os","io","coroutine","package","utf8","debug","bit32"} do
  if _G[n] then keys(_G[n], n) end
end
keys(getmetatable("").__index and getmetatable("") or {}, "strmeta")
print(_VERSION)
