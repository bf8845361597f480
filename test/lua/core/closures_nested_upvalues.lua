local function outer()
  local x = 1
  return function()
    local y = 10
    return function()
      x = x + 1
      y = y + 1
      return x, y
    end
  end
end
local mid = outer()
local f1 = mid()
local f2 = mid()
print(f1())
print(f1())
print(f2())
