-- _ENV: globals are fields of the current environment
local print, tostring, setmetatable, rawget = print, tostring, setmetatable, rawget
gv = 1
print(_ENV.gv, _G.gv, _ENV == _G)
_ENV.gv2 = "via _ENV"
print(gv2)

do
  local _ENV = {y = "env y"}
  z = "stored in new env"
  print(y, z, _ENV.z, gv)
end
print(z, _G.z)

-- a function with _ENV as parameter
local function with_env(_ENV)
  return a + b
end
print(with_env({a = 1, b = 2}), with_env({a = 10, b = 20}))

-- environments with __index fallback to the global table
local sandbox = setmetatable({}, {__index = _G})
do
  local _ENV = sandbox
  newglobal = "sandboxed"
  print(newglobal, type(newglobal))
end
print(newglobal, sandbox.newglobal)

-- upvalue _ENV captured by closures
local function make()
  local _ENV = {counter = 0}
  return function() counter = counter + 1 return counter end
end
local c = make()
print(c(), c(), c())

-- _ENV reassigned in the middle of a scope
local saved = _ENV
local function reader() return gv end
_ENV = {gv = "replaced"}
local r = reader()
_ENV = saved
print(r, reader())
