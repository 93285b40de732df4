-- tables only ever indexed with integers inside one function (kept in lists
-- by the compiler): holes, zero and negative keys, sparse keys, growth, nil
local t = {}
for i = 1, 10 do t[i] = i * i end
print(t[0], t[1], t[10], t[11], t[-1])
t[0] = "zero"
t[-5] = "minus"
t[1000000] = "far"
t[12] = "twelve"          -- past the end, near: grows
print(t[0], t[-5], t[1000000], t[11], t[12], t[13])
t[5] = nil
t[12] = nil
print(t[5], t[12], t[4], t[6])
for k = 13, 40 do t[k] = k end   -- grows one by one
print(t[13], t[40], t[41])
local far = {}
far[100] = "a"; far[50] = "b"; far[3] = "c"
far[1] = 1; far[2] = 2
for k = 4, 120 do if far[k] == nil then far[k] = k end end
print(far[3], far[50], far[100], far[99], far[101], far[120], far[121])
far[100] = nil
print(far[100])
local neg = {}
for k = -3, 3 do neg[k] = k * 10 end
for k = -4, 4 do io.write(tostring(neg[k]), " ") end
print()
local big = {}
big[math.maxinteger] = "max"; big[math.mininteger] = "min"
print(big[math.maxinteger], big[math.mininteger], big[0])

-- the key is evaluated before the value, as in Lua
local a = {}
local i = 1
local function bump() i = i + 1; return "v" .. i end
a[i] = bump()
a[i] = bump()
print(a[1], a[2], a[3], i)
a[i + 1] = bump()
print(a[4], a[5], i)

-- read through closures; values of any type
local squares = {}
local function sq(n) if squares[n] == nil then squares[n] = n * n end return squares[n] end
print(sq(3), sq(3), sq(12), squares[3], squares[4])
local mixed = {}
mixed[1] = true; mixed[2] = false; mixed[3] = "s"; mixed[4] = {x = 1}; mixed[5] = 1.5
print(mixed[1], mixed[2], mixed[3], mixed[4].x, mixed[5], mixed[6])

-- sieve
local composite = {}
local count = 0
for p = 2, 1000 do
  if not composite[p] then
    count = count + 1
    for m = p * p, 1000, p do composite[m] = true end
  end
end
print(count)

-- uses that keep a real table: #, pairs, multiple assignment, string keys
local l = {}
for k = 1, 5 do l[k] = k end
print(#l)
local m1 = {}
m1[1], m1[2] = "x", "y"
print(m1[1], m1[2])
