-- The state is closed (finalizers run) also after an uncaught error.
G = setmetatable({}, {__gc = function () print("finalized after the error") end})
error("boom")
