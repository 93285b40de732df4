"""Differential tests of the runtime's table library against real Lua 5.4 (lupa).

Call cases evaluate an argument list in Lua and call the real and the runtime
function on the same values; program cases run a Lua chunk and a Python
function doing the same through the runtime (metamethods, comparators, the
partial state a failed sort leaves). Results must be equal, integers and
floats distinguished.
"""

from __future__ import annotations

import random

import pytest

from luac2py.runtime.errors import LuaError
from luac2py.runtime.lib import ltable as T
from luac2py.runtime.lib.base import setmetatable, tostring
from luac2py.runtime.table import Table

from lupa_harness import check_call, check_program, with_meta

# --- call cases -------------------------------------------------------------------

CALLS = [
    ("insert", "nil, 1"), ("insert", ""), ("insert", "{}, 1, 2, 3"), ("insert", "{}"), ("insert", "{}, 3, 1"),
    ("insert", "{}, 0, 1"), ("insert", "{1}, 2.0, 'x'"), ("insert", "{1}, 1.5, 'x'"), ("insert", "{1}, '2', 'x'"),
    ("insert", "{1, 2}, -1, 'x'"), ("insert", "{1, 2}, 'a', 'x'"), ("insert", "'abc', 1"),
    ("remove", "{}, 5"), ("remove", "{1, 2, 3}, 7"), ("remove", "{1, 2, 3}"), ("remove", "{1, 2, 3}, 1"),
    ("remove", "{1, 2, 3}, 4"), ("remove", "{}"), ("remove", "{}, 0"), ("remove", "{}, 1"), ("remove", "{}, -1"),
    ("remove", "{1, 2, 3}, nil"), ("remove", "nil"), ("remove", "{1, 2}, 'x'"), ("remove", "{[0] = 'z'}, 0"),
    ("concat", "{1, 2.5, 'a'}, ', '"), ("concat", "{1, {}, 3}"), ("concat", "{}, {}"), ("concat", "{1, 2, true}, '', 1, 3"),
    ("concat", "{1, 2}, '', 1, 3"), ("concat", "{'a', 'b', 'c'}, '-', 2"), ("concat", "{'a', 'b', 'c'}, '-', 2, 2"),
    ("concat", "{'a', 'b', 'c'}, '-', 3, 2"), ("concat", "{'a', 'b'}, 1"), ("concat", "{}"), ("concat", "nil"),
    ("concat", "{1, 2^63, -0.0, 1e100, 0/0}, ' '"), ("concat", "{'a', 'b'}, nil, 1, 2"), ("concat", "{'x'}, '', 1.0, 1.0"),
    ("concat", "{'x'}, '', 1.5"), ("concat", "{setmetatable({}, {__name = 'X'})}"), ("concat", "{[0] = 'a', 'b'}, ',', 0"),
    ("concat", "{'a', 'b'}, '', 1, math.maxinteger"),
    ("unpack", "{1, 2, 3}"), ("unpack", "{1, 2, 3}, 2"), ("unpack", "{1, 2, 3}, 2, 5"), ("unpack", "{1, 2, 3}, -1, 1"),
    ("unpack", "{}, 1, 1e6"), ("unpack", "{}, 1, 999000"), ("unpack", "nil, 1, 2"), ("unpack", "nil"), ("unpack", ""),
    ("unpack", "{}, 1, 0"),
    ("unpack", "{1, 2, 3}, 3, 2"), ("unpack", "{1, nil, 3}"), ("unpack", "{}, math.maxinteger, math.mininteger"),
    ("unpack", "{}, math.mininteger, math.maxinteger"), ("unpack", "{1, 2}, 'x'"), ("unpack", "{1, 2}, 1, nil"),
    ("unpack", "{1, 2}, '2'"),
    ("pack", ""), ("pack", "1, nil, 3"), ("pack", "nil"), ("pack", "nil, nil"), ("pack", "'a', 2.5, true"),
    ("move", "{1, 2, 3}, 1, 3, 1, nil"), ("move", "{1, 2, 3}, math.mininteger, 0, 1"),
    ("move", "{1, 2, 3}, 1, 3, math.maxinteger"), ("move", "{1, 2, 3}, 1, 3, 2"), ("move", "{1, 2, 3}, 1, 3, 3, {}"),
    ("move", "{1, 2, 3}, 2, 3, 1"), ("move", "{1, 2, 3}, 3, 1, 1"), ("move", "{1, 2, 3}, 1, 2"), ("move", "nil, 1, 2, 3"),
    ("move", "{}, 1, 2, 3, 5"), ("move", "{1, 2, 3}, 1.5, 2, 3"), ("move", "{1, 2, 3}, -1, 1, 5"),
    ("move", "{1, 2, 3, 4, 5}, 2, 4, 3"), ("move", "{1, 2, 3}, 1, 3, -5, {}"),
    ("sort", "{3, 1, 2}, {}"), ("sort", "{3, 1, 2}, 'f'"), ("sort", "{3, 1, 2}, nil"), ("sort", "nil"), ("sort", "{}"),
    ("sort", "{1, 'x'}"), ("sort", "{1, nil, 3}"), ("sort", "{'b', 'a', 'c'}, nil"), ("sort", "{{}, {}}"),
    ("sort", "{5, 2.5, 2, -1/0, 1/0, 3.0, 3}"), ("sort", "{0.0, -0.0, 1, 0, -1}"), ("sort", "{'b', 'B', '', 'a\\0', 'a'}"),
]  # fmt: skip


@pytest.mark.parametrize("name,args", CALLS, ids=[f"{n}({a})" for n, a in CALLS])
def test_call(name, args):
    # Mutating functions return their table here so the final state is compared.
    check_call(f"table.{name}", args, getattr(T, name), pcall=True)


def test_lib_table():
    assert sorted(T.LIB) == ["concat", "insert", "move", "pack", "remove", "sort", "unpack"]


# --- programs ---------------------------------------------------------------------


def tbl(*items, **fields):
    return Table.of(items, fields)


# A table whose every read, write and length goes through metamethods to
# `store`, logging accesses, in Lua and in Python.
PROXY_LUA = """
local function proxy(store, log)
  return setmetatable({}, {
    __index = function(_, k) log[#log + 1] = "r" .. k return store[k] end,
    __newindex = function(_, k, v) log[#log + 1] = "w" .. k .. "=" .. tostring(v) store[k] = v end,
    __len = function() return #store end})
end
"""


def proxy(store, log):
    def get(_, k):
        log.append(f"r{k}")
        return store[k]

    def put(_, k, v):
        log.append(f"w{k}={tostring(v)}")
        store.set(k, v)
        return ()

    return with_meta(Table(), __index=get, __newindex=put, __len=lambda *_: store.length())


def log_text(log):
    return " ".join(log)


def prog_insert_remove():
    t = tbl(1, 2, 3)
    T.insert(t, "x")
    T.insert(t, 1, "y")
    T.insert(t, 3, "z")
    a = T.remove(t, 2)
    b = T.remove(t)
    return a, b, T.remove(t, 5), t


def prog_proxy_insert():
    log, store = [], tbl(10, 20, 30)
    p = proxy(store, log)
    T.insert(p, 2, 15)
    T.insert(p, 99)
    r = T.remove(p, 1)
    r2 = T.remove(p)
    return log_text(log), r, r2, store


def prog_proxy_read():
    log, store = [], tbl("a", "b", "c", "d")
    p = proxy(store, log)
    return (T.concat(p, "+"), T.concat(p, "", 2, 3), *T.unpack(p, 2), log_text(log))


def prog_proxy_move():
    log, store = [], tbl(1, 2, 3, 4, 5)
    p = proxy(store, log)
    T.move(p, 1, 3, 2)
    T.move(p, 2, 4, 1)
    return log_text(log), store


def prog_move_between():
    log, store = [], tbl()
    a = tbl(1, 2, 3)
    r = T.move(a, 1, 3, 2, proxy(store, log))
    return log_text(log), store, r is not a


def prog_unpack_index():
    p = with_meta(Table(), __index=lambda _, k: k * 2)
    return T.unpack(p, 1, 3)


def prog_len_meta():
    return T.concat(with_meta(tbl("a", "b", "c"), __len=lambda *_: 2.0), ",")


def prog_len_not_integer():
    return T.insert(with_meta(Table(), __len=lambda *_: 2.5), 1)


def prog_len_string():
    return T.concat(with_meta(tbl("a", "b", "c"), __len=lambda *_: "2"), ",")


def prog_sort_too_big():
    return T.sort(with_meta(Table(), __len=lambda *_: 2.0**40))


def prog_pack():
    t = T.pack(1, None, 3, None)
    return t["n"], t.length() in (1, 3, 4), t


def prog_eq_move():
    # Source and destination equal by __eq but distinct: copies forwards.
    mt = Table.of((), {"__eq": lambda a, b: True})
    a = tbl(1, 2, 3, 4)
    b = tbl(1, 2, 3, 4)
    setmetatable(a, mt)
    setmetatable(b, mt)
    T.move(a, 1, 3, 2, b)
    return b


PROGRAMS = [
    ("local t = {1, 2, 3} table.insert(t, 'x') table.insert(t, 1, 'y') table.insert(t, 3, 'z') "
     "local a = table.remove(t, 2) local b = table.remove(t) return a, b, table.remove(t, 5), t", prog_insert_remove),
    (PROXY_LUA + "local log, store = {}, {10, 20, 30} local p = proxy(store, log) table.insert(p, 2, 15) "
     "table.insert(p, 99) local r = table.remove(p, 1) local r2 = table.remove(p) "
     "return table.concat(log, ' '), r, r2, store", prog_proxy_insert),
    (PROXY_LUA + "local log, store = {}, {'a', 'b', 'c', 'd'} local p = proxy(store, log) "
     "local a, b = table.concat(p, '+'), table.concat(p, '', 2, 3) local c, d, e = table.unpack(p, 2) "
     "return a, b, c, d, e, table.concat(log, ' ')", prog_proxy_read),
    (PROXY_LUA + "local log, store = {}, {1, 2, 3, 4, 5} local p = proxy(store, log) table.move(p, 1, 3, 2) "
     "table.move(p, 2, 4, 1) return table.concat(log, ' '), store", prog_proxy_move),
    (PROXY_LUA + "local log, store = {}, {} local a = {1, 2, 3} local r = table.move(a, 1, 3, 2, proxy(store, log)) "
     "return table.concat(log, ' '), store, r ~= a", prog_move_between),
    ("local p = setmetatable({}, {__index = function(_, k) return k * 2 end}) return table.unpack(p, 1, 3)",
     prog_unpack_index),
    ("return table.concat(setmetatable({'a', 'b', 'c'}, {__len = function() return 2.0 end}), ',')", prog_len_meta),
    ("return table.insert(setmetatable({}, {__len = function() return 2.5 end}), 1)", prog_len_not_integer),
    ("return table.concat(setmetatable({'a', 'b', 'c'}, {__len = function() return '2' end}), ',')", prog_len_string),
    # Through pcall, as the Python call has no Lua call site: Lua then names 'table.sort'.
    ("local ok, e = pcall(table.sort, setmetatable({}, {__len = function() return 2^40 end})) error(e, 0)",
     prog_sort_too_big),
    ("local t = table.pack(1, nil, 3, nil) local n = #t return t.n, n == 1 or n == 3 or n == 4, t", prog_pack),
    ("local mt = {__eq = function() return true end} local a = setmetatable({1, 2, 3, 4}, mt) "
     "local b = setmetatable({1, 2, 3, 4}, mt) table.move(a, 1, 3, 2, b) return b", prog_eq_move),
]  # fmt: skip


@pytest.mark.parametrize("src,py", PROGRAMS, ids=[p.__name__ for _, p in PROGRAMS])
def test_program(src, py):
    check_program(src, py)


# --- sort -----------------------------------------------------------------------

# Comparators as Lua source and as the same function through the runtime.
COMPARATORS = {
    "default": (None, None),
    "desc": ("function(a, b) return a > b end", lambda a, b: a > b),
    "le": ("function(a, b) return a <= b end", lambda a, b: a <= b),
    "ge": ("function(a, b) return a >= b end", lambda a, b: a >= b),
    "always": ("function(a, b) return true end", lambda a, b: True),
    "never": ("function(a, b) return false end", lambda a, b: False),
    "mixed": ("function(a, b) return (a * 7 + b * 3) % 5 < 2 end", lambda a, b: (a * 7 + b * 3) % 5 < 2),
    "nil_result": ("function(a, b) if a < b then return 1 end end", lambda a, b: 1 if a < b else None),
}


def lua_list(values):
    return "{" + ", ".join(map(str, values)) + "}"


def sort_case(values, comp):
    lua_cmp, py_cmp = COMPARATORS[comp]
    args = f", {lua_cmp}" if lua_cmp else ""
    src = f"local t = {lua_list(values)} local ok, e = pcall(table.sort, t{args}) return ok, e, t"

    def py():
        t = Table.of(values)
        try:
            T.sort(t, *([py_cmp] if py_cmp else []))
        except LuaError as e:
            return False, str(e), t
        return True, None, t

    return src, py


def _lists():
    rng = random.Random(54)
    lists = [[3, 1, 2], [1, 1], [2, 1, 2, 1], [5, 4, 3, 2, 1], list(range(20)), [7] * 9]
    for n in (4, 7, 12, 30, 101, 250):
        lists.append([rng.randrange(n // 2 + 1) for _ in range(n)])
    return lists


SORTS = [(values, comp) for values in _lists() for comp in COMPARATORS]


@pytest.mark.parametrize("values,comp", SORTS, ids=[f"{c}-{len(v)}-{i}" for i, (v, c) in enumerate(SORTS)])
def test_sort(values, comp):
    check_program(*sort_case(values, comp))


def test_sort_records_with_ties():
    # Lua's quicksort is not stable: tied records must end in Lua's order.
    rng = random.Random(7)
    recs = [(rng.randrange(6), i) for i in range(300)]
    lua_recs = "{" + ", ".join(f"{{k = {k}, id = {i}}}" for k, i in recs) + "}"
    src = (
        f"local t = {lua_recs} table.sort(t, function(a, b) return a.k < b.k end) local ids = {{}} "
        "for i, r in ipairs(t) do ids[i] = r.id end return ids"
    )

    def py():
        t = Table.of([tbl(k=k, id=i) for k, i in recs])
        T.sort(t, lambda a, b: a["k"] < b["k"])
        return Table.of([r["id"] for r in t.values()])

    check_program(src, py)


def test_sort_comparator_calls():
    # The comparator sees the same pairs in the same order as in Lua.
    values = [9, 3, 7, 3, 1, 8, 2, 2, 6, 5, 4, 0]
    src = (
        f"local t, log = {lua_list(values)}, {{}} table.sort(t, function(a, b) log[#log + 1] = a .. '<' .. b "
        "return a < b end) return table.concat(log, ' '), t"
    )

    def py():
        t, log = Table.of(values), []

        def lt(a, b):
            log.append(f"{a}<{b}")
            return a < b

        T.sort(t, lt)
        return " ".join(log), t

    check_program(src, py)


def test_sort_metamethods():
    # __lt on elements, and reads/writes through a proxy.
    src = PROXY_LUA + """
local mt = {__lt = function(a, b) return a.v < b.v end}
local items = {}
for i, v in ipairs({4, 1, 3, 1, 2}) do items[i] = setmetatable({v = v, i = i}, mt) end
local log, store = {}, {}
for i = 1, 5 do store[i] = items[i] end
table.sort(proxy(store, log))
local order = {}
for i = 1, 5 do order[i] = store[i].i end
return #log, order"""

    def py():
        mt = Table.of((), {"__lt": lambda a, b: a["v"] < b["v"]})
        store, log = Table(), []
        for i, v in enumerate([4, 1, 3, 1, 2], 1):
            store[i] = tbl(v=v, i=i)
            setmetatable(store[i], mt)
        T.sort(proxy(store, log))
        return len(log), Table.of([store[i]["i"] for i in range(1, 6)])

    check_program(src, py)


def test_sort_error_in_comparator():
    src = (
        "local t = {3, 2, 1} local ok, e = pcall(table.sort, t, function(a, b) "
        "if a == 1 then error({code = a}) end return a < b end) return ok, e.code, t"
    )

    def py():
        t = Table.of([3, 2, 1])

        def lt(a, b):
            if a == 1:
                raise LuaError(tbl(code=a))
            return a < b

        try:
            T.sort(t, lt)
        except LuaError as e:
            return False, e.value["code"], t

    check_program(src, py)


def test_sort_fast_path_large():
    rng = random.Random(3)
    for values in ([rng.randrange(-(10**6), 10**6) for _ in range(5000)], [f"k{rng.random()}" for _ in range(2000)]):
        t = Table.of(values)
        T.sort(t)
        assert list(t.values()) == sorted(values)
