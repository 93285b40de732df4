-- select with default = true never waits.
local a, b = channel.new(), channel.new(1)
local r = channel.select{a:case_receive(), b:case_receive(), default = true}
print(r.default, r.ok, r.channel, r.value)

b:send("ready")
r = channel.select{a:case_receive(), b:case_receive(), default = true}
print(r.default, r.ok, r.channel == b, r.value)

-- A full channel's send case is not ready.
b:send("full")
r = channel.select{b:case_send("more"), default = true}
print(r.default, b:len())

-- Polling until a spawned coroutine has sent.
local polls = 0
coroutine.spawn(function()
  a:send("late")
end)
while true do
  r = channel.select{a:case_receive(), default = true}
  if not r.default then
    break
  end
  polls = polls + 1
end
print(r.value, polls)
