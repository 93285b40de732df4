local Account = {}
Account.__index = Account
function Account.new(balance) return setmetatable({balance = balance}, Account) end
function Account:withdraw(n)
  if n > self.balance then
    error("insufficient funds")
  end
  self.balance = self.balance - n
  return self.balance
end
local a = Account.new(100)
print(a:withdraw(30))
print(a:withdraw(50))
print(a:withdraw(40))
