-- Each loop iteration creates fresh variables; mutation through one closure
-- is visible only to closures of the same iteration.
local gets, sets = {}, {}
for i = 1, 3 do
  gets[i] = function() return i end
  sets[i] = function(v) i = v end
end
sets[2](99)
print(gets[1](), gets[2](), gets[3]())

-- float loops too
local fl = {}
for x = 0.5, 1.5, 0.5 do fl[#fl + 1] = function() return x end end
print(fl[1](), fl[2](), fl[3]())

-- generic for: both variables are fresh
local pairs_c = {}
for idx, val in ipairs({"a", "b"}) do
  pairs_c[idx] = function() idx = idx + 100 return idx, val end
end
print(pairs_c[1]())
print(pairs_c[1]())
print(pairs_c[2]())

-- while loop with a body local: fresh per iteration
local w = {}
local n = 0
while n < 3 do
  n = n + 1
  local m = n
  w[n] = function() m = m * 2 return m end
end
print(w[1](), w[1](), w[2](), w[3]())

-- repeat: the body local is fresh; the outer counter is shared
local r = {}
local cnt = 0
repeat
  cnt = cnt + 1
  local mine = cnt
  r[cnt] = function() return mine, cnt end
until cnt == 3
print(r[1]())
print(r[3]())

-- loop closure escapes via break
local escaped
for i = 10, 20 do
  local tag = "i" .. i
  if i == 12 then escaped = function() return tag end break end
end
print(escaped())

-- two closures from the same iteration share the variable
local pairs_of = {}
for i = 1, 2 do
  local v = 0
  pairs_of[i] = {inc = function() v = v + i end, get = function() return v end}
end
pairs_of[1].inc() pairs_of[1].inc() pairs_of[2].inc()
print(pairs_of[1].get(), pairs_of[2].get())
