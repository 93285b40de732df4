"""The Lua standard library as generated code sees it: ``lua.print(...)``,
``lua.string.format(...)``. Library tables are shared by the whole process."""

from . import lcoroutine as coroutine
from . import ldebug as debug
from . import lio as io
from . import lmath as math
from . import los as os
from . import lstring as string
from . import ltable as table
from . import lutf8 as utf8
from .base import (
    collectgarbage,
    error,
    getmetatable,
    ipairs,
    ipairs_iter,
    lua_assert,
    lua_next,
    lua_print,
    lua_type,
    new_object,
    pairs,
    pairs_iter,
    pcall,
    apcall,
    axpcall,
    rawequal,
    rawget,
    rawlen,
    rawset,
    select,
    setmetatable,
    tonumber,
    tostring,
    unpack,
    xpcall,
)

print = lua_print  # noqa: A001
type = lua_type  # noqa: A001
next = lua_next  # noqa: A001

# Lua global name -> value, for building a global table (``_ENV``).
BASE = {
    "assert": lua_assert,
    "collectgarbage": collectgarbage,
    "error": error,
    "getmetatable": getmetatable,
    "ipairs": ipairs,
    "next": lua_next,
    "pairs": pairs,
    "pcall": pcall,
    "print": lua_print,
    "rawequal": rawequal,
    "rawget": rawget,
    "rawlen": rawlen,
    "rawset": rawset,
    "select": select,
    "setmetatable": setmetatable,
    "tonumber": tonumber,
    "tostring": tostring,
    "type": lua_type,
    "unpack": unpack,
    "xpcall": xpcall,
}

LIBRARIES = {
    "string": string,
    "table": table,
    "math": math,
    "os": os,
    "utf8": utf8,
    "coroutine": coroutine,
    "io": io,
    "debug": debug,
}
