"""Lua's table library (Lua 5.4's ltablib.c).

Element reads and writes go through ``t[i]`` / ``t[i] = v`` (or ops.index and
ops.setindex for non-table values with metatables), so ``__index``,
``__newindex`` and ``__len`` apply as in Lua. ``sort`` is Lua's own quicksort,
so the result for comparators with ties, the calls made to the comparator and
the "invalid order function" errors are those of real Lua.
"""

from __future__ import annotations

import inspect
import time as _time

from ..errors import LuaError
from ..ops import eq, index, length, metamethod, setindex, settle
from ..table import Table
from ..values import MAXINTEGER, number_to_str, to_integer, type_name, wrap
from .lmath import NOVALUE, arg_error, c_lt, check_integer, check_string, opt_integer, type_error

_M64 = 0xFFFFFFFFFFFFFFFF
_R, _W, _L = 1, 2, 4
# Lua's stack limit (LUAI_MAXSTACK, one million slots less the ones in use)
# bounds how many values unpack may return.
_MAX_RESULTS = 999_980


def _checktab(t, n: int, fname: str, what: int) -> None:
    """A table, or a value whose metatable has the metamethods ``what`` needs."""
    if isinstance(t, Table):
        return
    if (
        (not what & _R or metamethod(t, "__index") is not None)
        and (not what & _W or metamethod(t, "__newindex") is not None)
        and (not what & _L or metamethod(t, "__len") is not None)
    ):
        return
    raise type_error(t, n, fname, "table")


def _len(t) -> int:
    """``luaL_len``: ``#t`` with ``__len``, which must give an integer."""
    if type(t) is Table:
        return t.length()
    if not isinstance(t, Table) and type(t) is not str and metamethod(t, "__len") is None:
        # A type error inside a C function carries no position.
        raise LuaError(f"attempt to get length of a {'nil' if t is NOVALUE else type_name(t)} value")
    n = length(t)
    i = to_integer(n) if type(n) in (int, float, str) else None
    if i is None:
        raise LuaError.at_caller("object length is not an integer")
    return i


def _getn(t, fname: str, what: int) -> int:
    _checktab(t, 1, fname, what | _L)
    return _len(t)


def _getter(t):
    if isinstance(t, Table):
        return t.__getitem__
    return lambda k: index(t, k)


def _setter(t):
    if isinstance(t, Table):
        return t.set
    return lambda k, v: setindex(t, k, v)


def insert(t=NOVALUE, *args):
    nargs = len(args)
    if nargs == 1 and type(t) is Table:
        t.append(args[0])
        return ()
    e = wrap(_getn(t, "insert", _R | _W) + 1)
    if nargs == 1:
        pos = e
    elif nargs == 2:
        pos = check_integer(args[0], 2, "insert")
        # pos must be in [1, e]; compared unsigned as Lua does.
        if (pos - 1) & _M64 >= e & _M64:
            raise arg_error(2, "insert", "position out of bounds")
        get, set_ = _getter(t), _setter(t)
        for i in range(e, pos, -1):
            set_(i, get(i - 1))
    else:
        raise LuaError.at_caller("wrong number of arguments to 'insert'")
    _setter(t)(pos, args[-1])
    return ()


def remove(t=NOVALUE, pos=None, *_):
    size = _getn(t, "remove", _R | _W)
    pos = opt_integer(pos, 2, "remove", size)
    # An explicit position must be in [1, size + 1].
    if pos != size and (pos - 1) & _M64 > size & _M64:
        raise arg_error(2, "remove", "position out of bounds")
    get, set_ = _getter(t), _setter(t)
    result = get(pos)
    while pos < size:
        set_(pos, get(pos + 1))
        pos += 1
    set_(pos, None)
    return result


def move(a1=NOVALUE, f=NOVALUE, e=NOVALUE, t=NOVALUE, a2=None, *_):
    f = check_integer(f, 2, "move")
    e = check_integer(e, 3, "move")
    t = check_integer(t, 4, "move")
    same = a2 is None or a2 is NOVALUE
    dest = a1 if same else a2
    _checktab(a1, 1, "move", _R)
    _checktab(dest, 1 if same else 5, "move", _W)
    if e >= f:
        if not (f > 0 or e < MAXINTEGER + f):
            raise arg_error(3, "move", "too many elements to move")
        n = e - f + 1
        if t > MAXINTEGER - n + 1:
            raise arg_error(4, "move", "destination wrap around")
        get, set_ = _getter(a1), _setter(dest)
        # Copy backwards only when the ranges overlap with the target above.
        if t > e or t <= f or (not same and not eq(a1, dest)):
            for i in range(n):
                set_(t + i, get(f + i))
        else:
            for i in range(n - 1, -1, -1):
                set_(t + i, get(f + i))
    return dest


def concat(t=NOVALUE, sep=None, i=None, j=None, *_):
    last = _getn(t, "concat", _R)
    sep = "" if sep is None or sep is NOVALUE else check_string(sep, 2, "concat")
    i = opt_integer(i, 3, "concat", 1)
    last = opt_integer(j, 4, "concat", last)
    if type(t) is Table and last - i < dict.__len__(t):
        # Fast path; a range longer than the table must hit a nil, found below.
        get = dict.get
        try:
            return sep.join([get(t, k) for k in range(i, last + 1)])
        except TypeError:
            pass  # numbers to convert, or an invalid value: the loop below
    get = _getter(t)
    parts = []
    for k in range(i, last + 1):
        v = get(k)
        tv = type(v)
        if tv is str:
            parts.append(v)
        elif tv is int or tv is float:
            parts.append(number_to_str(v))
        else:
            raise LuaError.at_caller(f"invalid value ({type_name(v)}) at index {k} in table for 'concat'")
    return sep.join(parts)


def pack(*args):
    t = Table.of(args)
    t["n"] = len(args)
    return t


def unpack(t=NOVALUE, i=None, j=None, *_):
    i = opt_integer(i, 2, "unpack", 1)
    e = _len(t) if j is None or j is NOVALUE else check_integer(j, 3, "unpack")
    if i > e:
        return ()
    if e - i >= _MAX_RESULTS:
        raise LuaError.at_caller("too many results to unpack")
    if isinstance(t, Table):
        get = t.__getitem__
    elif type(t) is str or metamethod(t, "__index") is not None:
        return tuple([index(t, k) for k in range(i, e + 1)])
    else:
        raise LuaError(f"attempt to index a {type_name(t)} value")
    return tuple([get(k) for k in range(i, e + 1)])


# --- sort -------------------------------------------------------------------------

_RANLIMIT = 100


def sort(t=NOVALUE, comp=None, *_):
    n = _getn(t, "sort", _R | _W)
    if n <= 1:
        return ()
    if n >= 2**31 - 1:
        raise arg_error(1, "sort", "array too big")
    if comp is NOVALUE or comp is None:
        if type(t) is Table and _sort_plain(t, n):
            return ()
        lt = c_lt
    elif type_name(comp) != "function":
        raise type_error(comp, 2, "sort", "function")
    else:
        # Its results are tested inline by _auxsort; one compiled as a function that may suspend is settled.
        lt = comp if not inspect.iscoroutinefunction(comp) else (lambda a, b: settle(comp(a, b)))

    from .lcoroutine import NONYIELDABLE

    NONYIELDABLE.depth += 1  # a comparator cannot yield across sort (a C function in Lua)
    try:
        if type(t) is Table:
            # Reads and writes of a plain table are not observable: the same
            # quicksort runs on a list, written back even when a comparison fails.
            get = dict.get
            items = [None, *[get(t, k) for k in range(1, n + 1)]]
            try:
                _auxsort(items, lt, 1, n, 0)
            finally:
                for k in range(1, n + 1):
                    t[k] = items[k]  # (a plain table may hold None: an absent key)
        else:
            _auxsort(_TableView(t), lt, 1, n, 0)
    finally:
        NONYIELDABLE.depth -= 1
    return ()


def sort_by_fields(t=NOVALUE, comp=None, order=()):
    """``table.sort(t, comp)`` where the compiler saw that ``comp`` compares
    the fields ``order`` ((name, descending), ...) of its arguments
    lexicographically (lower/calls.py). When t is a plain sequence of plain
    tables whose keys are numbers (or strings, ascending) and all distinct,
    Lua's quicksort can only end in the one sorted order, and its comparator
    calls have no effects (raw reads, number and string comparisons): a key
    sort gives the same table. Anything else runs Lua's algorithm."""
    if type(t) is not Table:
        return sort(t, comp)
    n = t.length()
    if n < 2 or n >= 2**31 - 1:
        return sort(t, comp)
    get = dict.get
    items = [get(t, k) for k in range(1, n + 1)]
    columns = []
    for name, descending in order:
        column = [get(item, name) if type(item) is Table else None for item in items]
        kinds = {type(v) for v in column}
        if kinds <= {int, float}:
            if float in kinds and any(v != v for v in column):
                return sort(t, comp)  # NaN: no order
            columns.append([-v for v in column] if descending else column)
        elif kinds == {str} and not descending:
            columns.append(column)
        else:
            return sort(t, comp)
    keys = columns[0] if len(columns) == 1 else list(zip(*columns))
    if len(set(keys)) != n:
        return sort(t, comp)  # ties: which of them comes first is the algorithm's
    for k, i in enumerate(sorted(range(n), key=keys.__getitem__), 1):
        t[k] = items[i]  # (a plain table's store is the dict's own)
    return ()


class _TableView:
    """``t[i]`` and ``t[i] = v`` through metamethods, for ``_auxsort``."""

    def __init__(self, t):
        self.get = _getter(t)
        self.put = _setter(t)

    def __getitem__(self, k):
        return self.get(k)

    def __setitem__(self, k, v):
        self.put(k, v)


def _sort_plain(t: Table, n: int) -> bool:
    """Sort with Python's sort when that cannot differ from Lua's: all
    integers, all strings, or all nonzero non-NaN floats (equal elements are
    then indistinguishable). False when the values are anything else."""
    get = dict.get
    values = [get(t, k) for k in range(1, n + 1)]
    kind = type(values[0])
    if kind not in (int, str, float) or any(type(v) is not kind for v in values):
        return False
    if kind is float and not all(v == v and v != 0.0 for v in values):
        return False
    values.sort()
    for k, v in enumerate(values, 1):
        t[k] = v  # (a plain table's store is the dict's own)
    return True


def _invalid_order():
    return LuaError.at_caller("invalid order function for sorting")


def _truth(r) -> bool:
    """Lua truth of a comparator's result other than True, False and nil."""
    if type(r) is tuple:
        r = r[0] if r else None
    return r is not None and r is not False


def _auxsort(arr, lt, lo: int, up: int, rnd: int) -> None:
    """ltablib.c's auxsort: quicksort on arr[lo..up] with a median-of-three
    pivot, recursing into the smaller half (same comparisons as Lua's).
    ``lt`` is the comparator itself: its result is tested inline (a call less
    per comparison)."""
    while lo < up:
        a, b = arr[lo], arr[up]
        if (r := lt(b, a)) is True or r is not False and r is not None and _truth(r):
            arr[lo] = b
            arr[up] = a
        if up - lo == 1:
            return
        if up - lo < _RANLIMIT or rnd == 0:
            p = (lo + up) // 2
        else:
            r4 = (up - lo) // 4
            p = rnd % (r4 * 2) + (lo + r4)
        a, b = arr[p], arr[lo]
        if (r := lt(a, b)) is True or r is not False and r is not None and _truth(r):
            arr[p] = b
            arr[lo] = a
        else:
            c = arr[up]
            if (r := lt(c, a)) is True or r is not False and r is not None and _truth(r):
                arr[p] = c
                arr[up] = a
        if up - lo == 2:
            return
        pivot = arr[p]
        arr[p] = arr[up - 1]
        arr[up - 1] = pivot
        # Partition: arr[lo..i-1] <= pivot <= arr[j+1..up], pivot kept at up-1.
        i, j = lo, up - 1
        while True:
            i += 1
            ai = arr[i]
            while (r := lt(ai, pivot)) is True or r is not False and r is not None and _truth(r):
                if i == up - 1:
                    raise _invalid_order()
                i += 1
                ai = arr[i]
            j -= 1
            aj = arr[j]
            while (r := lt(pivot, aj)) is True or r is not False and r is not None and _truth(r):
                if j < i:
                    raise _invalid_order()
                j -= 1
                aj = arr[j]
            if j < i:
                arr[up - 1] = ai
                arr[i] = pivot
                break
            arr[i] = aj
            arr[j] = ai
        p = i
        if p - lo < up - p:
            _auxsort(arr, lt, lo, p - 1, rnd)
            n = p - lo
            lo = p + 1
        else:
            _auxsort(arr, lt, p + 1, up, rnd)
            n = up - p
            up = p - 1
        if (up - lo) // 128 > n:
            # Badly unbalanced: Lua picks pivots at random from now on.
            rnd = (int(_time.process_time() * 1e6) + int(_time.time())) & 0xFFFFFFFF


LIB = Table()
for _name in ("concat", "insert", "move", "pack", "remove", "sort", "unpack"):
    LIB[_name] = globals()[_name]


def create(narray=NOVALUE, nhash=None, *_):
    """``table.create(narray [, nhash])``: Wippy's extension (Lua's
    ``lua_createtable``): a new empty table; the sizes are only hints."""
    check_integer(narray, 1, "create")
    if nhash is not None and nhash is not NOVALUE:
        check_integer(nhash, 2, "create")
    return Table()


# ``table`` as Wippy code sees it: Lua's and ``create``.
WIPPY_LIB = Table()
for _name, _fn in LIB.fields():
    WIPPY_LIB[_name] = _fn
WIPPY_LIB["create"] = create
