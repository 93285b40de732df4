-- Validator annotations on types: @min_len(1), @pattern("^a"), several in a row.







local function render(f)
  return f.user .. "=" .. f.score .. "/" .. (f.tags and #f.tags or 0)
end
local pct = 42
local code = "OK"
local scores = {3, 7}
local id = "x1"
local flag = true
print(render({user = "alice", score = 7}))
print(render({user = "amy", score = 0.5, tags = {"x"}}))
print(pct, code, #scores, id, flag)
