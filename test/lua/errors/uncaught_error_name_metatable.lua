error(setmetatable({}, {__name = 'MyError'}))
