-- A class the chunk never changes after defining it is sealed: Account.new and a:deposit become direct calls.
local Account = {}
Account.__index = Account

function Account.new(owner)
    return setmetatable({owner = owner, balance = 0}, Account)
end

function Account:deposit(v)
    self.balance = self.balance + v
end

function Account:report()
    return self.owner .. ": " .. self.balance
end

local a = Account.new("ann")
a:deposit(10)
print(a:report())
