-- A blocked select wakes on whichever case becomes ready first.
local a, b = channel.new(), channel.new()
local out = channel.new(3)

coroutine.spawn(function()
  local r = channel.select{a:case_receive(), b:case_receive()}
  out:send((r.channel == a and "a" or "b") .. " " .. tostring(r.value) .. " " .. tostring(r.ok))
end)
b:send("via b")
print(out:receive())

coroutine.spawn(function()
  local r = channel.select{a:case_receive(), b:case_receive()}
  out:send((r.channel == a and "a" or "b") .. " " .. tostring(r.value) .. " " .. tostring(r.ok))
end)
a:close()
print(out:receive())

-- A blocked send case completes when a receiver comes.
local c = channel.new()
coroutine.spawn(function()
  local r = channel.select{c:case_send("sent by select"), b:case_receive()}
  out:send("send case: " .. tostring(r.channel == c) .. " " .. r.value)
end)
print(c:receive())
print(out:receive())
-- The select left b's queue: a later send on b waits for a receiver.
print(channel.select{b:case_send("nobody"), default = true}.default)
