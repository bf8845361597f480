-- A __close run because of an error runs from the protected call: the
-- erroring function is gone (debug.getinfo(2) is pcall, no name for it)
local function func2close (f) return setmetatable({}, {__close = f}) end
local function foo ()
  local x <close> = func2close(function (self, msg)
    print("x", debug.getinfo(2).name, msg)
    print(debug.getinfo(1, "n").name)
    print((debug.traceback("tb"):gsub("0x%x+", "")))
  end)
  local x1 <close> = func2close(function (self, msg)
    print("x1", debug.getinfo(2).name, msg)
    error("@x1")
  end)
  error(4)
end
print(pcall(foo))
