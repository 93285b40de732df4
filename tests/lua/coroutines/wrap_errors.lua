-- coroutine.wrap propagates errors to the caller (with a position prefix for strings)
local w = coroutine.wrap(function()
  coroutine.yield(1)
  error("inside wrap")
end)
print(w())
print(pcall(w))
print(pcall(w))
local w2 = coroutine.wrap(function() error({code = 5}) end)
local ok, e = pcall(w2)
print(ok, type(e), e.code)
local w3 = coroutine.wrap(function() error("level zero", 0) end)
print(pcall(w3))
local w4 = coroutine.wrap(function() local t = nil; return t.x end)
print(pcall(w4))
-- nested wraps: each layer adds its position
local inner = coroutine.wrap(function() error("deep", 0) end)
local outer = coroutine.wrap(function() return inner() end)
print(pcall(outer))
-- wrap used as an iterator: the error escapes the for loop
local function gen(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
    error("generator exhausted", 0)
  end)
end
local ok2, err2 = pcall(function()
  local seen = {}
  for v in gen(3) do seen[#seen + 1] = v end
end)
print(ok2, err2)
-- calling a finished wrap
local once = coroutine.wrap(function() return "once" end)
print(once())
once()
