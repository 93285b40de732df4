-- Coroutines driven by annotated functions; yields and resumes carry several values.
local function gen(n)
  return coroutine.create(function(step)
    for i = 1, n do
      local got = coroutine.yield(i * step, i)
      if got then step = got end
    end
    return "done"
  end)
end
local co = gen(3)
print(coroutine.resume(co, 2))
print(coroutine.resume(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co))
print(coroutine.status(co))
local wrap = coroutine.wrap(function()
  for i = 1, 2 do coroutine.yield(i) end
end)
print(wrap(), wrap())
