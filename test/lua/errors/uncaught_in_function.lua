local function f()
  local a = {}
  return a.b.c
end
f()
