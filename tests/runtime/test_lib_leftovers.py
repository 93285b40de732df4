"""Lua 5.1 names Wippy code still uses: the global ``unpack``, ``math.pow`` and
``math.log10``. Lua 5.4 has none of them, so the differential programs under
tests/lua cannot cover them; this checks they exist in a fresh environment and
behave as their Lua 5.4 counterparts (``table.unpack``, ``^``,
``math.log(x, 10)``)."""

from __future__ import annotations

import pytest

from luac2py.runtime.env import new_env
from luac2py.runtime.errors import LuaError
from luac2py.runtime.table import Table

from lupa_harness import LUA, check_program


def test_absent_from_lua54():
    assert LUA.execute("return unpack, math.pow, math.log10") == (None, None, None)


def test_present_in_env():
    env = new_env()
    math = env["math"]
    assert callable(env["unpack"]) and callable(math["pow"]) and callable(math["log10"])


def test_unpack_is_table_unpack():
    env = new_env()
    unpack = env["unpack"]
    t = Table.of(["a", "b", "c"])
    check_program("return table.unpack({'a', 'b', 'c'})", lambda: unpack(t))
    check_program("return table.unpack({'a', 'b', 'c'}, 2)", lambda: unpack(t, 2))
    check_program("return table.unpack({'a', 'b', 'c'}, 2, 4)", lambda: unpack(t, 2, 4))
    check_program("return table.unpack({}, 3, 1)", lambda: unpack(Table(), 3, 1))


def test_pow_and_log10():
    env = new_env()
    math = env["math"]
    check_program(
        "return 2^10, 2^0.5, 10^-1, math.log(1000, 10), math.log(0.001, 10), math.log(0, 10)",
        lambda: (math["pow"](2, 10), math["pow"](2, 0.5), math["pow"](10, -1),
                 math["log10"](1000), math["log10"](0.001), math["log10"](0)),
    )
    with pytest.raises(LuaError, match="number expected"):
        math["pow"]("x", 1)
