-- Chunk names in error messages from loaded code
local function run(src, name)
  local f, err = load(src, name)
  if not f then print("compile:", err) return end
  print("runtime:", select(2, pcall(f)))
end
run("error('boom')")
run("local x = nil; return x.y")
run("\n\nerror('on line 3')")
run("return 1 + {}")
run("error('msg')", "=custom")
run("error('msg')", "@somefile.lua")
run("error('msg')", "plain name")
run("error('msg')", "")
run("error('msg')", "=")
run("error('this source is long enough to be truncated in the chunk name')")
run("local a = 1\nerror('first line is shown')")
run("error('msg')", "name with\nnewline")
run("error('msg')", string.rep("n", 100))
run("error('msg')", "=" .. string.rep("n", 100))
run("error('msg')", "@" .. string.rep("n", 100))
-- error levels inside loaded chunks
run("local function f() error('in f', 2) end\nf()")
-- functions defined in loaded chunks keep the chunk name
local g = load("return function() error('from g') end", "=gchunk")()
print(pcall(g))
-- the default chunk name is the source itself
print(pcall(load("error('default')")))
print(pcall(load("  error('leading spaces')")))
