-- With several cases ready, the first in written order wins.
local a, b, c = channel.new(2), channel.new(2), channel.new(2)
b:send("b1")
c:send("c1")
a:send("a1")
b:send("b2")

local names = {}
local function name(ch)
  return names[ch]
end
names[a], names[b], names[c] = "a", "b", "c"

for _ = 1, 4 do
  local r = channel.select{c:case_receive(), b:case_receive(), a:case_receive()}
  print(name(r.channel), r.value, r.ok)
end

-- A send case that is ready wins over a later receive case.
local out = channel.new(1)
local r = channel.select{out:case_send("x"), a:case_receive()}
print(name(r.channel) or "out", r.value, r.ok, out:receive())

-- A receive case on a closed channel is ready, with ok = false.
a:close()
r = channel.select{b:case_receive(), a:case_receive()}
print(name(r.channel), r.value, r.ok)
