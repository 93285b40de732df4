-- load with a reader function: pieces are concatenated until nil or ""
local function reader(pieces)
  local i = 0
  return function()
    i = i + 1
    return pieces[i]
  end
end
local f = load(reader({"return ", "1 ", "+ ", "41"}))
print(f())
-- tokens split across pieces
f = load(reader({"ret", "urn 'spl", "it' .. 'str", "ing'"}))
print(f())
-- an empty string ends the chunk early
f = load(reader({"return 'first'", "", " .. 'ignored'"}))
print(f())
-- a reader that returns nothing at all: an empty chunk
f = load(function() return nil end)
print(type(f), select("#", f()))
-- the reader is called until it returns nil
local calls = 0
f = load(function()
  calls = calls + 1
  if calls == 1 then return "return " end
  if calls == 2 then return "'calls'" end
end)
print(f(), calls)
-- one character at a time
local src = "local a, b = 3, 4 return a * b"
local pos = 0
f = load(function()
  pos = pos + 1
  if pos <= #src then return src:sub(pos, pos) end
end)
print(f())
-- a reader returning a non-string is an error
print(load(function() return true end))
print(load(reader({"return 1", {}})))
-- a reader that raises an error
print(load(function() error("reader failed") end))
print(load(function() error({}) end))
-- syntax errors in reader-built chunks use the default chunk name "=(load)"
print(load(reader({"return +"})))
print(load(reader({"x = "}), "=custom"))
-- a reader-built chunk with a runtime error
f = load(reader({"local t = nil\n", "return t.x"}))
print(pcall(f))
