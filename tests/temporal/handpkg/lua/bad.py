"""bad.lua: workflows that fail.

1  local function fail(input)
2      return nil, errors.new({kind = errors.INVALID, message = "bad input", retryable = false})
3  end
4  local function crash(input)
5      error("boom: " .. input.why)
6  end
7  return {fail = fail, crash = crash}
"""

from luac2py.runtime import LuaSource, Table, concat, index
from luac2py.runtime import lib as lua

__lua__ = LuaSource("bad.lua", "20:1,22:2,24:4,25:5,27:7")


def chunk(_ENV, *varargs):
    # bad.lua:1
    async def fail(input=None, *_):
        errors = _ENV["errors"]
        return (None, errors.new(Table(kind=errors.INVALID, message="bad input", retryable=False)))

    async def crash(input=None, *_):
        lua.error(concat("boom: ", index(input, "why")))

    return Table(fail=fail, crash=crash)
