-- Validator annotations on types: @min_len(1), @pattern("^a"), several in a row.
type Username = string @min_len(1) @pattern("^a")
type Percent = integer @min(0) @max(100)
type Form = {
  user: Username,
  score: number @min(0),
  tags?: {string} @max_len(3),
}
local function render(f: Form): string
  return f.user .. "=" .. f.score .. "/" .. (f.tags and #f.tags or 0)
end
local pct: Percent = 42
local code: string @pattern("^[A-Z]+$") @min_len(2) = "OK"
local scores: {number @min(0) @max(10)} = {3, 7}
local id: integer @min(1) | string @min_len(1) = "x1"
local flag: boolean @deprecated = true
print(render({user = "alice", score = 7}))
print(render({user = "amy", score = 0.5, tags = {"x"}}))
print(pct, code, #scores, id, flag)
