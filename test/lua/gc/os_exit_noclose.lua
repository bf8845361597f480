-- os.exit without `close`: no finalizers.
G = setmetatable({}, {__gc = function () print("finalized") end})
io.stdout:write("exiting\n")
os.exit(true)
