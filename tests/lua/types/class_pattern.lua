-- A class written the Wippy way: a record type, a metatable, typed constructor and methods.
type Account = {
  owner: string,
  balance: number,
  history: {number},
}
local Account = {}
Account.__index = Account
function Account.new(owner: string, balance: number?): Account
  local self: Account = {owner = owner, balance = balance or 0, history = {}}
  return setmetatable(self, Account)
end
function Account:deposit(amount: number): (boolean, string?)
  if amount <= 0 then return false, "bad amount" end
  self.balance = self.balance + amount
  self.history[#self.history + 1] = amount
  return true
end
function Account:summary(): string
  return string.format("%s: %.2f (%d ops)", self.owner, self.balance, #self.history)
end
local acct = Account.new("ann")
print(acct:deposit(10))
print(acct:deposit(-1))
print(acct:deposit(2.5))
print(acct:summary(), getmetatable(acct) == Account)
local other: Account = Account.new("bob", 100)
print(other:summary())
