local i = 1
goto done
::done::
print(i)
local function f()
  local v = 'fn local'
  do goto out end
  ::out::
  return v
end
print(f())
