-- Three workers take six jobs from a buffered channel; the results sum to 42.
local jobs = channel.new(10)
local results = channel.new(10)

for w = 1, 3 do
  coroutine.spawn(function()
    while true do
      local job, ok = jobs:receive()
      if not ok then
        print("worker " .. w .. " done")
        break
      end
      print("worker " .. w .. " takes job " .. job)
      results:send({worker = w, result = job * 2})
    end
  end)
end

for i = 1, 6 do
  jobs:send(i)
end
jobs:close()

local total = 0
for _ = 1, 6 do
  local r = results:receive()
  total = total + r.result
end
print("total", total)
