-- os.exit(code, true) closes the state: finalizers run.
G = setmetatable({}, {__gc = function () print("finalized") end})
io.stdout:write("exiting\n")
os.exit(3, true)
