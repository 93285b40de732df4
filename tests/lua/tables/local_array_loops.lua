-- Upward loops over local arrays whose first key may be below 1 (two versions
-- of the loop), and arrays of booleans, tables or functions read as conditions.
local function fill(first, last, step)
  local a = {}
  for j = first, last, step do a[j] = true end
  local keys = {}
  for j = first - step, last + step do
    if a[j] then keys[#keys + 1] = j end
  end
  return table.concat(keys, " ")
end
print(fill(1, 10, 3))
print(fill(-4, 6, 2))
print(fill(0, 3, 1))
print(fill(5, 4, 1))
print(fill(-2, -1, 1))

-- a first key from an integer that wrapped around
local function wrapped(i, n)
  local a = {}
  local count = 0
  for j = i * i, n, 1 do
    a[j] = true
    count = count + 1
    if count > 3 then break end
  end
  local found = 0
  for j = -10, 10 do if a[j] then found = found + 1 end end
  return count, found, a[i * i] == true
end
print(wrapped(3, 12))
print(wrapped(3037000500, 0))

-- the loop variable read and written around the stores, a nested loop
local function sieve(n)
  local composite = {}
  local primes = {}
  for i = 2, n do
    if not composite[i] then
      primes[#primes + 1] = i
      for j = i * i, n, i do composite[j] = true end
    end
  end
  return table.concat(primes, ",")
end
print(sieve(60))
print(sieve(1), sieve(2))

-- items that are false, tables and functions: truth as Lua sees it
local flags = {}
for i = 1, 6 do flags[i] = (i % 2 == 0) end
flags[7] = nil
local out = {}
for i = 0, 8 do
  if flags[i] then out[#out + 1] = "T" elseif not flags[i] then out[#out + 1] = "f" end
end
print(table.concat(out))
local boxes = {}
for i = 1, 3 do boxes[i] = {i} end
boxes[2] = nil
for i = 1, 4 do print(i, not boxes[i], boxes[i] and boxes[i][1]) end
local fns = {}
fns[1] = print
fns[3] = function() end
for i = 1, 3 do if fns[i] then io.write("fn ") else io.write("none ") end end
print()

-- numbers and strings stored: 0 and "" are true in Lua
local nums = {}
for i = 1, 4 do nums[i] = i - 2 end
nums[5] = ""
for i = 1, 6 do if nums[i] then io.write("t ") else io.write("f ") end end
print()
for i = 1, 6 do io.write(tostring(not nums[i]), " ") end
print()
