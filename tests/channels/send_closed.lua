-- Sending on a closed channel is an error at the send.
local ch = channel.new(1)
ch:close()
print(pcall(ch.send, ch, 1))
local ok, err = pcall(function()
  ch:send("x")
end)
print(ok, err)

-- A sender blocked when the channel closes fails too.
local full = channel.new(0)
local report = channel.new(1)
coroutine.spawn(function()
  local ok2, err2 = pcall(function()
    full:send("never")
  end)
  report:send(tostring(ok2) .. " " .. err2)
end)
full:close()
print(report:receive())

ch:send("unprotected")
print("not reached")
