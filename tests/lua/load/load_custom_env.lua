-- load(s, name, mode, env): global names resolve in env
local env = {x = 10, y = 20}
local f = load("z = x + y return z", "=env", "t", env)
print(f(), env.z, z)
-- the environment lacks the standard library
local g = load("return print", "=noprint", "t", {})
print(g())
local h = load("print('hi')", "=callprint", "t", {})
print(pcall(h))
-- env with a metatable falling back to _G
local sandbox = setmetatable({}, {__index = _G})
load("created = tostring(123) .. type(created)", "=sb", "t", sandbox)()
print(sandbox.created, created)
-- _ENV inside the chunk is the given env
local e2 = {}
local same = load("return _ENV", "=e", "t", e2)()
print(same == e2)
-- functions defined inside keep the env
local e3 = {val = "e3"}
local getter = load("return function() return val end", "=e3", "t", e3)()
print(getter())
e3.val = "changed"
print(getter())
-- two chunks sharing one env communicate through it
local shared = {}
load("counter = 1", "=a", "t", shared)()
load("counter = counter + 1", "=b", "t", shared)()
print(shared.counter)
-- env = nil: any global access fails
local nilenv = load("return anything", "=nilenv", "t", nil)
print(pcall(nilenv))
-- the env argument also works with reader functions
local parts = {"return ", "k * 2"}
local i = 0
local r = load(function() i = i + 1 return parts[i] end, "=reader", "t", {k = 21})
print(r())
-- an env that is not a table (allowed; indexing it fails)
local weird = load("return foo", "=weird", "t", 5)
print(pcall(weird))
-- a chunk may replace _ENV locally
print(load("local _ENV = {v = 'inner'} return v", "=local_env", "t", {v = "outer"})())
