local Account = {}
Account.__index = Account
function Account.new(b) return setmetatable({balance = b}, Account) end
function Account:deposit(v) self.balance = self.balance + v; return self end
function Account:get() return self.balance end
local a = Account.new(10)
print(a:deposit(5):deposit(7):get())
print(Account.get(a), a.get(a))
local s = 'chain'
print(s:upper():lower():len())
print(pcall(function() local n = nil; return n:method() end))
print(pcall(function() return a:missing() end))
