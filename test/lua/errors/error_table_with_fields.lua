local function thrower() error({msg = 'structured', code = 404}) end
local ok, e = pcall(thrower)
print(ok, type(e), e.msg, e.code)
local ok2, e2 = pcall(function()
  local ok3, e3 = pcall(thrower)
  e3.code = e3.code + 1
  error(e3)
end)
print(ok2, e2.msg, e2.code)
