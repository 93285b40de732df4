-- Sibling closures share one upvalue; inner functions share with outer ones
local function account(balance)
  local history = {}
  local function record(kind, amount) history[#history + 1] = kind .. amount end
  local obj = {}
  function obj.deposit(n) balance = balance + n record("+", n) return balance end
  function obj.withdraw(n)
    if n > balance then return nil, "insufficient funds" end
    balance = balance - n record("-", n) return balance
  end
  function obj.balance() return balance end
  function obj.history() return table.concat(history, " ") end
  function obj.reset() balance = 0 history = {} end
  return obj
end
local a, b = account(100), account(5)
print(a.deposit(50), a.withdraw(30), a.withdraw(1000))
print(b.deposit(1), a.balance(), b.balance())
print(a.history(), "|", b.history())
a.reset()
print(a.balance(), a.history() == "", b.balance())

-- an upvalue shared by closures created at different nesting depths
local function nest()
  local x = 0
  local function lvl1()
    x = x + 1
    local function lvl2()
      x = x + 10
      return function() x = x + 100 return x end
    end
    return lvl2
  end
  return lvl1, function() return x end
end
local l1, read = nest()
local l3 = l1()()
print(read(), l3(), read(), l1() and read())

-- closures created in a loop that all share an outer variable and own an inner one
local total = 0
local adders = {}
for i = 1, 3 do
  local own = 0
  adders[i] = function() own = own + i total = total + i return own, total end
end
print(adders[1]())
print(adders[3]())
print(adders[1]())
print(adders[2]())

-- a closure that replaces a sibling function through the shared upvalue
local handler
local function set(fn) handler = fn end
local function fire(v) return handler(v) end
set(function(v) return "first " .. v end)
print(fire(1))
set(function(v) set(function(w) return "third " .. w end) return "second " .. v end)
print(fire(2), fire(3))

-- parameters and locals with the same name at different levels
local function shadow(v)
  local get_outer = function() return v end
  local v = v * 2
  local get_inner = function() return v end
  v = v + 1
  return get_outer(), get_inner()
end
print(shadow(5))
