"""Lua operators, indexing, calls and value-count adjustment.

Generated code calls these where static facts cannot prove a plain Python
operator means the same thing. Each has a fast path for the common types
first; metamethods, coercions and errors are on the slow path.
"""

from __future__ import annotations

import math
import sys
from types import CoroutineType

from .errors import LuaError
from .table import MetaTable, Table
from .values import (
    MAXINTEGER,
    MININTEGER,
    TYPE_META,
    Userdata,
    float_to_int,
    obj_type_name,
    number_to_str,
    str_to_number,
    type_name,
    wrap,
)

_get = dict.get  # a raw read (no __missing__)

# --- values and calls ---------------------------------------------------------


def first(v):
    """The first of a call's values (``f()`` used as one value)."""
    if type(v) is tuple:
        return v[0] if v else None
    if type(v) is CoroutineType:
        return first(settle(v))
    return v


def settle(r):
    """The values of a Lua function compiled as one that may suspend (``async
    def``), called where nothing can wait: by a metamethod, a sort comparator,
    a ``gsub`` function. It runs to its end at once; one that really waits
    is Lua's yield across a C-call boundary."""
    if type(r) is not CoroutineType:
        return r
    try:
        r.send(None)
    except StopIteration as done:
        return done.value
    r.close()
    raise LuaError.at_caller("attempt to yield across a C-call boundary")


def spread(v):
    """All of a call's values, for ``f(a, g())``, ``{g()}`` and ``return g()``."""
    if type(v) is tuple:
        return v
    return (v,)


def adjust(v, n: int) -> tuple:
    """Exactly ``n`` values from a call result (multiple assignment)."""
    if type(v) is not tuple:
        return (v,) + (None,) * (n - 1)
    k = len(v)
    if k == n:
        return v
    if k > n:
        return v[:n]
    return v + (None,) * (n - k)


def truthy(v) -> bool:
    return v is not None and v is not False


def metamethod(v, event: str):
    t = type(v)
    if t is MetaTable:
        return dict.get(v.meta, event)
    if t is Table:
        return None
    if t is str:
        from .lib.lstring import STRING_META

        return dict.get(STRING_META, event)
    if isinstance(v, Userdata):
        return getattr(v, "lua_meta", {}).get(event) if hasattr(v, "lua_meta") else None
    if TYPE_META:
        meta = TYPE_META.get(type_name(v))
        return None if meta is None else dict.get(meta, event)
    return None


def call(f, *args):
    """Call any Lua value (tables with ``__call``; errors as Lua words them)."""
    if callable(f):
        return f(*args)
    raise LuaError.at_caller(f"attempt to call a {obj_type_name(f)} value", 0)


def _call_table(self, *args):
    meta = self.meta
    handler = None if meta is None else dict.get(meta, "__call")
    if handler is None:
        raise LuaError.at_caller(f"attempt to call a {obj_type_name(self)} value", what="call")
    # A chain of __call tables is followed here, not by recursion (Lua's stack does not grow).
    while isinstance(handler, Table):
        args = (self, *args)
        self = handler
        meta = handler.meta
        handler = None if meta is None else dict.get(meta, "__call")
        if handler is None:
            raise LuaError.at_caller(f"attempt to call a {obj_type_name(self)} value", what="call")
    return handler(self, *args)


MetaTable.__call__ = _call_table


async def acall(f, *args):
    """Call a value that may be an ``async`` Lua function (workflow code)."""
    r = f(*args)
    if type(r) is CoroutineType:
        return await r
    return r


# --- indexing -----------------------------------------------------------------


def index(obj, key):
    """``obj[key]`` for a value of unknown type."""
    if type(obj) is Table or type(obj) is MetaTable:
        if type(key) is bool:
            return obj.__missing__(key)
        return obj[key]
    if type(obj) is str:
        from .lib.lstring import STRING_META

        h = dict.get(STRING_META, "__index")
        if isinstance(h, Table):
            return h[key] if type(key) is not bool else None
        return first(h(obj, key))
    if isinstance(obj, Userdata):
        return obj.lua_index(key)
    h = metamethod(obj, "__index")
    if h is None:
        raise LuaError.at_caller(f"attempt to index a {obj_type_name(obj)} value", 0)
    return index_with(h, obj, key)


def index_with(handler, obj, key):
    """``obj[key]`` through an ``__index`` value: a function is called, any
    other value is indexed in turn."""
    if isinstance(handler, Table):
        return index(handler, key)
    if callable(handler):
        return first(handler(obj, key))
    if type(handler) is str or isinstance(handler, Userdata):
        return index(handler, key)
    raise LuaError.at_caller(f"attempt to index a {obj_type_name(handler)} value")


def setindex(obj, key, value):
    """``obj[key] = value`` for a value of unknown type."""
    if type(obj) is Table or type(obj) is MetaTable:
        obj.set(key, value)
        return
    if isinstance(obj, Userdata) and hasattr(obj, "lua_setindex"):
        obj.lua_setindex(key, value)
        return
    raise LuaError.at_caller(f"attempt to index a {obj_type_name(obj)} value", 0)


def newindex_with(handler, obj, key, value):
    if isinstance(handler, Table):
        handler.set(key, value)
    elif callable(handler):
        settle(handler(obj, key, value))
    elif isinstance(handler, Userdata) and hasattr(handler, "lua_setindex"):
        handler.lua_setindex(key, value)
    else:
        raise LuaError.at_caller(f"attempt to index a {obj_type_name(handler)} value")


def invoke(obj, name, *args):
    """``obj:name(args)``."""
    return method(obj, name)(obj, *args)


def method(obj, name):
    """The function ``obj:name(...)`` calls: generated code calls
    ``method(obj, "name")(obj, ...)`` (Lua looks the method up before it
    evaluates the arguments)."""
    t = type(obj)
    if t is MetaTable:
        if name in obj:  # (a MetaTable holds no None values)
            f = obj[name]
        else:
            # An object's method is usually in a chain of __index tables: walked
            # here, without a __missing__ call per level.
            h = _get(obj.meta, "__index")
            while True:
                th = type(h)
                if th is Table:
                    f = _get(h, name)
                    break
                if th is not MetaTable:
                    f = obj[name]
                    break
                if name in h:
                    f = h[name]
                    break
                h = _get(h.meta, "__index")
    elif t is Table:
        f = obj[name]
    elif t is str:
        f = index(obj, name)
    elif isinstance(obj, Userdata):
        f = obj.lua_method(name)
    else:
        raise LuaError.at_caller(f"attempt to index a {obj_type_name(obj)} value", 0)
    if f is None:
        raise LuaError.at_caller("attempt to call a nil value", -1)
    return f


async def ainvoke(obj, name, *args):
    r = invoke(obj, name, *args)
    if type(r) is CoroutineType:
        return await r
    return r


# --- arithmetic ---------------------------------------------------------------

_ARITH_EVENTS = {
    "+": "__add",
    "-": "__sub",
    "*": "__mul",
    "/": "__div",
    "%": "__mod",
    "^": "__pow",
    "//": "__idiv",
    "&": "__band",
    "|": "__bor",
    "~": "__bxor",
    "<<": "__shl",
    ">>": "__shr",
}


def _tonum(v):
    t = type(v)
    if t is int or t is float:
        return v
    if t is str:
        return str_to_number(v)
    return None


def _arith_slow(op, a, b):
    """Arithmetic beyond two numbers, as Lua 5.4 does it: numeric strings are
    coerced by the string metamethods, then the operands' own metamethods."""
    na, nb = _tonum(a), _tonum(b)
    if na is not None and nb is not None:
        return _ARITH[op](na, nb)
    event = _ARITH_EVENTS[op]
    for v in (a, b):
        if type(v) is str:
            # The string metamethod tries the second operand's handler, then fails.
            h = metamethod(b, event) if type(b) is not str else None
            if h is not None:
                return first(h(a, b))
            raise LuaError.at_caller(f"attempt to {event[2:]} a '{type_name(a)}' with a '{type_name(b)}'")
        h = metamethod(v, event)
        if h is not None:
            return first(h(a, b))
    bad = 1 if type(a) in (int, float) else 0
    culprit = b if bad else a
    raise LuaError.at_caller(f"attempt to perform arithmetic on a {obj_type_name(culprit)} value", bad)


def add(a, b):
    t = type(a)
    if t is type(b):
        if t is int:
            r = a + b
            return r if -9223372036854775808 <= r <= 9223372036854775807 else wrap(r)
        if t is float:
            return a + b
    elif (t is int or t is float) and (type(b) is int or type(b) is float):
        return a + b
    return _arith_slow("+", a, b)


def sub(a, b):
    t = type(a)
    if t is type(b):
        if t is int:
            r = a - b
            return r if -9223372036854775808 <= r <= 9223372036854775807 else wrap(r)
        if t is float:
            return a - b
    elif (t is int or t is float) and (type(b) is int or type(b) is float):
        return a - b
    return _arith_slow("-", a, b)


def mul(a, b):
    t = type(a)
    if t is type(b):
        if t is int:
            r = a * b
            return r if -9223372036854775808 <= r <= 9223372036854775807 else wrap(r)
        if t is float:
            return a * b
    elif (t is int or t is float) and (type(b) is int or type(b) is float):
        return a * b
    return _arith_slow("*", a, b)


def _fdiv(a, b):
    a = float(a)
    b = float(b)
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0.0:
            return -math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)


def div(a, b):
    if (type(a) is int or type(a) is float) and (type(b) is int or type(b) is float):
        return _fdiv(a, b)
    return _arith_slow("/", a, b)


def _idiv(a, b):
    if type(a) is int and type(b) is int:
        if b == 0:
            raise LuaError.at_caller("attempt to divide by zero")
        r = a // b
        return r if r <= MAXINTEGER else wrap(r)
    q = _fdiv(a, b)
    if math.isinf(q) or q != q or q == 0.0:
        return q  # floor(-0.0) is -0.0
    return float(math.floor(q))


def idiv(a, b):
    if type(a) is int and type(b) is int and b > 0:
        return a // b  # a positive divisor: floored and in range
    if (type(a) is int or type(a) is float) and (type(b) is int or type(b) is float):
        return _idiv(a, b)
    return _arith_slow("//", a, b)


def _mod(a, b):
    if type(a) is int and type(b) is int:
        if b == 0:
            raise LuaError.at_caller("attempt to perform 'n%0'")
        return a % b
    a = float(a)
    b = float(b)
    if a != a:
        return a  # C's fmod gives back a NaN operand, sign and all
    if b != b:
        return b
    if b == 0.0 or math.isinf(a):
        return -math.nan  # the x86 default NaN
    m = math.fmod(a, b)
    if (m > 0 and b < 0) or (m < 0 and b > 0):
        m += b
    return m


def mod(a, b):
    if type(a) is int and type(b) is int and b:
        return a % b  # Python's % on integers is floored, as Lua's
    if (type(a) is int or type(a) is float) and (type(b) is int or type(b) is float):
        return _mod(a, b)
    return _arith_slow("%", a, b)


def _pow(a, b):
    a = float(a)
    b = float(b)
    try:
        return math.pow(a, b)
    except OverflowError:
        if a < 0 and b.is_integer() and int(b) % 2 == 1:
            return -math.inf
        return math.inf
    except ValueError:
        if a == 0.0:
            return math.inf
        return -math.nan


def power(a, b):
    if (type(a) is int or type(a) is float) and (type(b) is int or type(b) is float):
        return _pow(a, b)
    return _arith_slow("^", a, b)


def unm(a):
    if type(a) is int:
        return wrap(-a) if a == MININTEGER else -a
    if type(a) is float:
        return -a
    if type(a) is str:
        n = _tonum(a)
        if n is not None:
            return unm(n)
        raise LuaError.at_caller("attempt to unm a 'string' with a 'string'")
    h = metamethod(a, "__unm")
    if h is not None:
        return first(h(a, a))
    raise LuaError.at_caller(f"attempt to perform arithmetic on a {obj_type_name(a)} value", 0)


_ARITH = {
    "+": lambda a, b: add(a, b),
    "-": lambda a, b: sub(a, b),
    "*": lambda a, b: mul(a, b),
    "/": _fdiv,
    "%": _mod,
    "^": _pow,
    "//": _idiv,
}

# --- bitwise ------------------------------------------------------------------
# Lua 5.4 does not coerce strings here (the string metamethods are arithmetic only).


def _toint(v):
    """The integer value of a number operand, or None."""
    t = type(v)
    if t is int:
        return v
    if t is float:
        return float_to_int(v)
    return None


def _shl(a, b):
    if b <= -64 or b >= 64:
        return 0
    if b >= 0:
        return wrap(a << b)
    return (a & 0xFFFFFFFFFFFFFFFF) >> -b if a < 0 else a >> -b


_BITWISE = {
    "&": lambda a, b: a & b,
    "|": lambda a, b: a | b,
    "~": lambda a, b: a ^ b,
    "<<": _shl,
    ">>": lambda a, b: _shl(a, -b),
}


def _bitop(op, a, b):
    x, y = _toint(a), _toint(b)
    if x is not None and y is not None:
        return _BITWISE[op](x, y)
    h = metamethod(a, _ARITH_EVENTS[op]) or metamethod(b, _ARITH_EVENTS[op])
    if h is not None:
        return first(h(a, b))
    _bitwise_error(a, b)


def _bitwise_error(a, b):
    na, nb = type(a) in (int, float), type(b) in (int, float)
    if na and nb:
        bad = 1 if _toint(a) is not None else 0
        raise LuaError.at_caller("number has no integer representation", bad, insert_at=len("number"))
    bad = 1 if na else 0
    culprit = b if bad else a
    raise LuaError.at_caller(f"attempt to perform bitwise operation on a {obj_type_name(culprit)} value", bad)


def band(a, b):
    if type(a) is int and type(b) is int:
        return a & b
    return _bitop("&", a, b)


def bor(a, b):
    if type(a) is int and type(b) is int:
        return a | b
    return _bitop("|", a, b)


def bxor(a, b):
    if type(a) is int and type(b) is int:
        return a ^ b
    return _bitop("~", a, b)


def shl(a, b):
    return _bitop("<<", a, b)


def shr(a, b):
    return _bitop(">>", a, b)


def bnot(a):
    x = _toint(a)
    if x is not None:
        return ~x
    h = metamethod(a, "__bnot")
    if h is not None:
        return first(h(a, a))
    _bitwise_error(a, a)


# --- comparison ---------------------------------------------------------------


def eq(a, b) -> bool:
    """Lua ``==`` (Python's would make ``true == 1``, and compares tables raw)."""
    ta, tb = type(a), type(b)
    if ta is tb and ta is not MetaTable:
        return a == b
    if ta is bool or tb is bool:
        return False
    if ta is MetaTable or tb is MetaTable:
        if a is b:
            return True
        return isinstance(a, Table) and isinstance(b, Table) and eq_metamethod(a, b)
    return a == b


def eq_metamethod(a, b) -> bool:
    h = metamethod(a, "__eq")
    if h is None:
        h = metamethod(b, "__eq")
    if h is None:
        return False
    return truthy(first(h(a, b)))


def _compare_error(a, b):
    ta, tb = obj_type_name(a), obj_type_name(b)
    if ta == tb:
        return LuaError.at_caller(f"attempt to compare two {ta} values")
    return LuaError.at_caller(f"attempt to compare {ta} with {tb}")


def lt(a, b) -> bool:
    ta, tb = type(a), type(b)
    if ta is tb:
        if ta is int or ta is float or ta is str:
            return a < b
    elif (ta is int or ta is float) and (tb is int or tb is float):
        return a < b
    h = metamethod(a, "__lt") or metamethod(b, "__lt")
    if h is None:
        raise _compare_error(a, b)
    return truthy(first(h(a, b)))


def gt(a, b) -> bool:
    """``a > b``, which Lua evaluates as ``b < a``."""
    ta = type(a)
    if ta is type(b) and (ta is int or ta is float or ta is str):
        return a > b
    return lt(b, a)


def ge(a, b) -> bool:
    ta = type(a)
    if ta is type(b) and (ta is int or ta is float or ta is str):
        return a >= b
    return le(b, a)


def le(a, b) -> bool:
    ta, tb = type(a), type(b)
    if ta is tb:
        if ta is int or ta is float or ta is str:
            return a <= b
    elif (ta is int or ta is float) and (tb is int or tb is float):
        return a <= b
    h = metamethod(a, "__le") or metamethod(b, "__le")
    if h is None:
        raise _compare_error(a, b)
    return truthy(first(h(a, b)))


# --- strings and length -------------------------------------------------------


def concat(*parts):
    """``a .. b .. c``: Lua folds from the right; numbers become strings, and
    ``__concat`` applies to a pair where either side is neither."""
    b = parts[-1]
    tb = type(b)
    for i in range(len(parts) - 2, -1, -1):
        a = parts[i]
        ta = type(a)
        if ta is str and tb is str:
            b = a + b
        elif (ta is str or ta is int or ta is float) and (tb is str or tb is int or tb is float):
            b = (a if ta is str else number_to_str(a)) + (b if tb is str else number_to_str(b))
        else:
            h = metamethod(a, "__concat") or metamethod(b, "__concat")
            if h is None:
                _concat_error(a, b, i)
            b = first(h(a, b))
        tb = type(b)
    return b


def _concat_error(a, b, i):
    if type(a) not in (str, int, float):
        raise LuaError.at_caller(f"attempt to concatenate a {obj_type_name(a)} value", i)
    # Lua names operand i + 1 even when b was computed from several operands.
    raise LuaError.at_caller(f"attempt to concatenate a {obj_type_name(b)} value", i + 1)


def length(v):
    t = type(v)
    if t is str:
        return len(v)
    if t is Table:
        return v.length()
    if t is MetaTable:
        h = dict.get(v.meta, "__len")
        if h is not None:
            return first(call(h, v, v))
        return v.length()
    h = metamethod(v, "__len")
    if h is not None:
        return first(call(h, v, v))
    raise LuaError.at_caller(f"attempt to get length of a {obj_type_name(v)} value", 0)


# --- loops --------------------------------------------------------------------


def _for_error(what: str, v):
    return LuaError.at_caller(f"bad 'for' {what} (number expected, got {obj_type_name(v)})")


def for_limit(limit, step: int = 1) -> int:
    """The integer limit of ``for i = <int>, limit, <int step>`` as Lua 5.4's
    ``forlimit`` computes it: a float limit is floored (ceiled for a negative
    step) and clipped to the integer range; a limit beyond that range on the
    wrong side (or NaN) skips the loop, returned as a bound no integer start
    can pass (``MININTEGER - 1`` or ``MAXINTEGER + 1``)."""
    if type(limit) is int:
        return limit
    n = limit if type(limit) is float else _tonum(limit)
    if n is None:
        raise _for_error("limit", limit)
    if type(n) is int:
        return n
    if n == n and not math.isinf(n):
        f = math.floor(n) if step > 0 else math.ceil(n)
        if MININTEGER <= f <= MAXINTEGER:
            return int(f)
    # Not representable: NaN, infinite or huge.
    if n > 0:
        return MAXINTEGER if step > 0 else MAXINTEGER + 1
    return MININTEGER - 1 if step > 0 else MININTEGER


def _for_float(v, what: str) -> float:
    n = v if type(v) in (int, float) else _tonum(v)
    if n is None:
        raise _for_error(what, v)
    return float(n)


def numeric_for(start, limit, step=1):
    """The values of ``for v = start, limit, step`` for any operand types: an
    integer loop when start and step are integers, else a float loop (numeric
    strings are accepted, as Lua 5.4's ``forprep`` does)."""
    if type(start) is int and type(step) is int:
        if step == 0:
            raise LuaError.at_caller("'for' step is zero")
        lim = for_limit(limit, step)
        if step > 0:
            if start > lim:
                return
            count = (lim - start) // step
        else:
            if start < lim:
                return
            count = (start - lim) // -step
        v = start
        for _ in range(count + 1):
            yield v
            v += step
        return
    limit = _for_float(limit, "limit")
    step = _for_float(step, "step")
    v = _for_float(start, "initial value")
    if step == 0:
        raise LuaError.at_caller("'for' step is zero")
    # As Lua's forprep/forloop: the first test is "not past the limit" (so a NaN
    # limit runs the body once), later ones "within the limit".
    if step > 0:
        if limit < v:
            return
        while True:
            yield v
            v += step
            if not v <= limit:
                return
    else:
        if v < limit:
            return
        while True:
            yield v
            v += step
            if not limit <= v:
                return


def generic_for(f, s=None, control=None, closing=None, nvars: int = 1):
    """The steps of ``for k, v in f, s, control, closing``, as tuples of ``nvars``;
    ``closing`` is closed when the loop ends (when it drops the iterator)."""
    if not callable(f):  # (a table with __call is callable)
        raise LuaError.at_caller(f"attempt to call a {obj_type_name(f)} value (for iterator 'for iterator')")
    if closing is None or closing is False:
        return _for_steps(f, s, control, nvars)
    tbc_check(closing, "(for state)")
    return _closing_steps(f, s, control, closing, nvars)


def _closing_steps(f, s, control, closing, nvars):
    # Closed when the loop drops the generator: at its end, a break, or an
    # error unwinding the loop (then without the error object: Python does not
    # show it to the generator).
    try:
        yield from _for_steps(f, s, control, nvars)
    finally:
        tbc_close_with(closing, None)


def _for_steps(f, s, control, nvars):
    # _step's work, inlined: a call per iteration would cost more than half again.
    while True:
        r = f(s, control)
        if type(r) is tuple:
            control = r[0] if r else None
            if control is None:
                return
            if nvars == 1:
                yield control
            else:
                n = len(r)
                yield r[:nvars] if n >= nvars else r + (None,) * (nvars - n)
        else:
            if r is None:
                return
            control = r
            yield r if nvars == 1 else (r,) + (None,) * (nvars - 1)


def _step(r, nvars: int):
    """(control value, loop variables) of one iterator result; control None ends the loop."""
    if type(r) is not tuple:
        return r, (r if nvars == 1 else (r,) + (None,) * (nvars - 1))
    control = r[0] if r else None
    if nvars == 1:
        return control, control
    n = len(r)
    return control, (r[:nvars] if n >= nvars else r + (None,) * (nvars - n))


async def ageneric_for(f, s=None, control=None, closing=None, nvars: int = 1):
    """``generic_for`` in workflow code, where the iterator function may suspend."""
    if not callable(f):
        raise LuaError.at_caller(f"attempt to call a {obj_type_name(f)} value (for iterator 'for iterator')")
    closes = closing is not None and closing is not False
    if closes:
        tbc_check(closing, "(for state)")
    try:
        while True:
            r = f(s, control)
            if type(r) is CoroutineType:
                r = await r
            control, values = _step(r, nvars)
            if control is None:
                return
            yield values
    finally:
        if closes:
            tbc_close_with(closing, None)


# --- to-be-closed variables (`local x <close>`) --------------------------------


def tbc_check(value, name: str) -> None:
    if value is None or value is False or metamethod(value, "__close") is not None:
        return
    raise LuaError.at_caller(f"variable '{name}' got a non-closable value")


def tbc_close(value) -> None:
    """Call ``value``'s ``__close`` as its block ends, with the error object when
    an error is leaving it (runs inside the block's ``finally``)."""
    if value is None or value is False:
        return
    exc = sys.exc_info()[1]
    if exc is None or not isinstance(exc, Exception) or not _leaving(exc, sys._getframe(1)):
        tbc_close_with(value, None)
        return
    from .errors import from_python
    from .lib.base import handle_error
    from .lib.ldebug import UNWINDING

    err = handle_error(exc, exc.value if isinstance(exc, LuaError) else from_python(exc).value)

    # In Lua the erroring functions are gone by now: debug.getinfo must not see them.
    UNWINDING.frames.append(sys._getframe(1))
    try:
        tbc_close_with(value, err)
    finally:
        UNWINDING.frames.pop()


def _leaving(exc: BaseException, frame) -> bool:
    """Is ``exc`` propagating out of ``frame`` (not just being handled by an
    outer frame while this block ends normally)?"""
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame is frame:
            return True
        tb = tb.tb_next
    return False


def tbc_close_with(value, err) -> None:
    handler = metamethod(value, "__close")
    if not callable(handler) or isinstance(handler, Table):
        raise LuaError.at_caller(f"attempt to call a {obj_type_name(handler)} value (metamethod 'close')")
    settle(handler(value, err))
