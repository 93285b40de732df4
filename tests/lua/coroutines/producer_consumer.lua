-- Producer/consumer with a filter in between (resume-driven)
local function receive(prod)
  local ok, value = coroutine.resume(prod)
  return value
end
local function send(x) coroutine.yield(x) end

local function producer(items)
  return coroutine.create(function()
    for _, item in ipairs(items) do send(item) end
    send(nil)
  end)
end
local function filter(prod)
  return coroutine.create(function()
    local line = 1
    while true do
      local x = receive(prod)
      if x == nil then send(nil) break end
      send(string.format("%3d %s", line, x))
      line = line + 1
    end
  end)
end
local function consumer(prod)
  local got = {}
  while true do
    local x = receive(prod)
    if x == nil then break end
    got[#got + 1] = x
  end
  return got
end
local lines = consumer(filter(producer({"alpha", "beta", "gamma"})))
for _, l in ipairs(lines) do print(l) end

-- consumer-driven: the consumer is the coroutine, values are sent in
local sink = coroutine.create(function()
  local total, count = 0, 0
  while true do
    local v = coroutine.yield(count)
    if v == "stop" then break end
    total, count = total + v, count + 1
  end
  return "total", total, "count", count
end)
coroutine.resume(sink)
for i = 1, 4 do io.write(select(2, coroutine.resume(sink, i * 1.5)), " ") end
print()
print(coroutine.resume(sink, "stop"))

-- ping-pong between two coroutines via a scheduler
local log = {}
local function player(name, n)
  return coroutine.create(function()
    for i = 1, n do log[#log + 1] = name .. i coroutine.yield() end
  end)
end
local tasks = {player("ping", 3), player("pong", 2), player("pang", 4)}
while #tasks > 0 do
  for i = #tasks, 1, -1 do
    local t = tasks[i]
    coroutine.resume(t)
    if coroutine.status(t) == "dead" then table.remove(tasks, i) end
  end
end
print(table.concat(log, " "))
