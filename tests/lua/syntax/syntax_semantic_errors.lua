-- errors lparser.c finds from scopes: gotos, labels, attributes, varargs, limits
local function check(src, name)
  local f, err = load(src, name)
  print(type(f), err)
end
check("goto nowhere")
check("do goto a end ::a:: x = 1")
check("break")
check("if x then break end")
check("do break end")
check("function f() break end")
check("x = 1\nlocal function f()\n  goto out\nend\n::out::")
check("::a:: ::a::")
check("::a:: do ::a:: end")
check("do ::a:: end ::a::")
check("  ::A:: a = 1\n  ::A::\n")
check("goto l; local x; ::l:: print(x)")
check("goto l; local x; ::l::")
check("do goto l; local x; ::l:: end")
check("repeat goto l; local x; ::l:: until x")
check("local x <const> = 1; x = 2")
check("local x <const> = {}; x = 2")
check("local x <const> = 1; function f() x = 2 end")
check("local x <close> = nil; x = 1")
check("local x <const> = 1; local function g() return function() x = 3 end end")
check("local x <foo> = 1")
check("local x <close>, y <close> = 1, 2")
check("local x <const> = 1; function x() end")
check("local x <const> = 1; function x.y() end")
check("function f() return ... end")
check("local function f() local g = function(...) return ... end return ... end")
check("return ...", "=vararg ok")
check("local a = ...; return function(...) return select('#', ...) end")
check(string.rep("(", 300) .. "1" .. string.rep(")", 300))
check("return " .. string.rep("(", 150) .. "1" .. string.rep(")", 150))
check(string.rep("do ", 100) .. string.rep(" end", 100))
check(string.rep("do ", 300) .. string.rep(" end", 300))
check("local a; a" .. string.rep(",a", 300) .. " = 1")
check("x = " .. string.rep("{", 300) .. string.rep("}", 300))
check("return " .. string.rep("-", 300) .. "1")
check("return 1" .. string.rep(" .. 1", 300))
-- local variables limit (200 per function)
local s = "\nfunction foo ()\n  local "
for j = 1, 300 do s = s .. "a" .. j .. ", " end
print(load(s .. "b\n"))
-- upvalues limit (255 per function)
s = "local function fooA ()\n  local "
for j = 1, 127 do s = s .. "a" .. j .. ", " end
s = s .. "b,c\nlocal function fooB ()\n  local "
for j = 1, 127 do s = s .. "b" .. j .. ", " end
s = s .. "b\nfunction fooC () return b+c"
for j = 1, 127 do s = s .. "+a" .. j .. "+b" .. j end
print(load(s .. "\nend  end end"))
-- registers
print((select(2, load("a = f(x" .. string.rep(",x", 260) .. ")"))))
