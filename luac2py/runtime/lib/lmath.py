"""Lua's math library (Lua 5.4), plus the argument checks of lauxlib
(``luaL_checkinteger`` and friends) that the table, os and utf8 libraries
share.

Float results follow C's libm on x86-64 rather than Python's ``math``: domain
errors give NaN (with the sign glibc gives it, which ``tostring`` shows as
``nan`` or ``-nan``), overflow gives ``inf``.
"""

from __future__ import annotations

import math as _m
import time as _time
from builtins import abs as _abs
from builtins import type as _type

from ..errors import LuaError
from ..ops import div, metamethod, power
from ..table import Table
from ..values import (
    NOVALUE,
    obj_type_name,
    MAXINTEGER,
    MININTEGER,
    float_to_int,
    number_to_str,
    str_to_number,
    to_integer,
    type_name,
)

NOVALUE = NOVALUE  # default of parameters Lua reports as "no value" when absent

pi = _m.pi
huge = _m.inf
maxinteger = MAXINTEGER
mininteger = MININTEGER

# --- argument checks (lauxlib) --------------------------------------------------


def arg_error(n: int, fname: str, msg: str) -> LuaError:
    """``bad argument`` for a function of the table, math, os or utf8 library;
    under pcall Lua names it by its global name (``table.insert``)."""
    return LuaError.bad_argument(n, _qualified_name(fname), msg)


_QUALIFIED: dict[str, str] = {}


def _qualified_name(fname: str) -> str:
    if not _QUALIFIED:
        from . import LIBRARIES

        # A key in two libraries (table.remove, os.remove) names the first;
        # the other library's functions pass their global name ("os.remove").
        for lib in ("table", "math", "os", "utf8"):
            for key in dict.keys(LIBRARIES[lib].LIB):
                _QUALIFIED.setdefault(key, f"{lib}.{key}")
    return _QUALIFIED.get(fname, fname)


def arg_typename(v) -> str:
    """The type an argument error names: ``__name`` from the metatable if it
    is a string (luaL_typeerror), "no value" for a missing argument."""
    if v is NOVALUE:
        return "no value"
    return obj_type_name(v)


def type_error(v, n: int, fname: str, expected: str) -> LuaError:
    return arg_error(n, fname, f"{expected} expected, got {arg_typename(v)}")


def check_number(v, n: int, fname: str):
    t = _type(v)
    if t is int or t is float:
        return v
    if t is str:
        x = str_to_number(v)
        if x is not None:
            return x
    raise type_error(v, n, fname, "number")


def opt_number(v, n: int, fname: str, default):
    return default if v is None or v is NOVALUE else check_number(v, n, fname)


def check_integer(v, n: int, fname: str) -> int:
    if _type(v) is int:
        return v
    x = check_number(v, n, fname)
    if _type(x) is float:
        x = float_to_int(x)
        if x is None:
            raise arg_error(n, fname, "number has no integer representation")
    return x


def opt_integer(v, n: int, fname: str, default):
    return default if v is None or v is NOVALUE else check_integer(v, n, fname)


def check_string(v, n: int, fname: str) -> str:
    t = _type(v)
    if t is str:
        return v
    if t is int or t is float:
        return number_to_str(v)
    raise type_error(v, n, fname, "string")


def check_any(v, n: int, fname: str):
    if v is NOVALUE:
        raise arg_error(n, fname, "value expected")
    return v


# --- rounding and integers ------------------------------------------------------


def _int_or_float(d: float):
    """A float with an integral value as an integer when it fits (pushnumint)."""
    n = float_to_int(d)
    return d if n is None else n


def floor(x=NOVALUE, *_):
    if _type(x) is int:
        return x
    x = float(check_number(x, 1, "floor"))
    return _int_or_float(float(_m.floor(x))) if _m.isfinite(x) else x


def ceil(x=NOVALUE, *_):
    if _type(x) is int:
        return x
    x = float(check_number(x, 1, "ceil"))
    return _int_or_float(float(_m.ceil(x))) if _m.isfinite(x) else x


def abs(x=NOVALUE, *_):  # noqa: A001
    if _type(x) is int:
        # abs(mininteger) wraps to itself, as in C.
        return x if x >= 0 or x == MININTEGER else -x
    return _m.fabs(check_number(x, 1, "abs"))


def fmod(a=NOVALUE, b=NOVALUE, *_):
    if _type(a) is int and _type(b) is int:
        if b == 0:
            raise arg_error(2, "fmod", "zero")
        # C's % truncates toward zero; -1 avoids mininteger % -1 overflowing.
        if b == -1:
            return 0
        r = _abs(a) % _abs(b)
        return -r if a < 0 else r
    x = float(check_number(a, 1, "fmod"))
    y = float(check_number(b, 2, "fmod"))
    try:
        return _m.fmod(x, y)
    except ValueError:
        return -_m.nan


def modf(x=NOVALUE, *_):
    if _type(x) is int:
        return (x, 0.0)
    x = float(check_number(x, 1, "modf"))
    if not _m.isfinite(x):
        return (x, 0.0 if x == x else x)
    ip = float(_m.ceil(x) if x < 0 else _m.floor(x))
    return (_int_or_float(ip), 0.0 if x == ip else x - ip)


def tointeger(x=NOVALUE, *_):
    check_any(x, 1, "tointeger")
    return to_integer(x)


def type(x=NOVALUE, *_):  # noqa: A001
    t = _type(x)
    if t is int:
        return "integer"
    if t is float:
        return "float"
    check_any(x, 1, "type")
    return None


def ult(a=NOVALUE, b=NOVALUE, *_):
    a = check_integer(a, 1, "ult")
    b = check_integer(b, 2, "ult")
    return (a & 0xFFFFFFFFFFFFFFFF) < (b & 0xFFFFFFFFFFFFFFFF)


# --- comparison -----------------------------------------------------------------


def c_lt(a, b) -> bool:
    """``lua_compare(a, b, LT)`` as C library code runs it: a comparison
    without metamethod fails with no position (luaG_ordererror inside a C
    function adds none)."""
    ta, tb = _type(a), _type(b)
    if (ta is int or ta is float) and (tb is int or tb is float):
        return a < b
    if ta is str and tb is str:
        return a < b
    h = metamethod(a, "__lt")
    if h is None:
        h = metamethod(b, "__lt")
    if h is None:
        na, nb = obj_type_name(a), obj_type_name(b)  # __name counts, as in luaG_ordererror
        if na == nb:
            raise LuaError(f"attempt to compare two {na} values")
        raise LuaError(f"attempt to compare {na} with {nb}")
    r = h(a, b)
    if _type(r) is tuple:
        r = r[0] if r else None
    return r is not None and r is not False


def max(*args):  # noqa: A001
    if not args:
        raise arg_error(1, "max", "value expected")
    best = args[0]
    for v in args[1:]:
        if c_lt(best, v):
            best = v
    return best


def min(*args):  # noqa: A001
    if not args:
        raise arg_error(1, "min", "value expected")
    best = args[0]
    for v in args[1:]:
        if c_lt(v, best):
            best = v
    return best


# --- floating-point functions ---------------------------------------------------


def sqrt(x=NOVALUE, *_):
    x = float(check_number(x, 1, "sqrt"))
    return _m.sqrt(x) if x >= 0 or x != x else -_m.nan


def exp(x=NOVALUE, *_):
    x = float(check_number(x, 1, "exp"))
    try:
        return _m.exp(x)
    except OverflowError:
        return _m.inf


def _log_with(fn, x: float) -> float:
    if x > 0 or x != x:
        return fn(x)
    return -_m.inf if x == 0 else _m.nan


def log(x=NOVALUE, base=None, *_):
    x = float(check_number(x, 1, "log"))
    if base is None or base is NOVALUE:
        return _log_with(_m.log, x)
    base = float(check_number(base, 2, "log"))
    if base == 2.0:
        return _log_with(_m.log2, x)
    if base == 10.0:
        return _log_with(_m.log10, x)
    return div(_log_with(_m.log, x), _log_with(_m.log, base))


def log10(x=NOVALUE, *_):
    """Lua 5.1's math.log10, kept for Wippy code."""
    return _log_with(_m.log10, float(check_number(x, 1, "log10")))


def pow(x=NOVALUE, y=NOVALUE, *_):  # noqa: A001
    """Lua 5.1's math.pow (``x ^ y``), kept for Wippy code."""
    return power(check_number(x, 1, "pow"), check_number(y, 2, "pow"))


def _trig(fn, name: str):
    def f(x=NOVALUE, *_):
        x = float(check_number(x, 1, name))
        if _m.isinf(x):
            return -_m.nan
        return fn(x)

    f.__name__ = name
    return f


sin = _trig(_m.sin, "sin")
cos = _trig(_m.cos, "cos")
tan = _trig(_m.tan, "tan")


def asin(x=NOVALUE, *_):
    x = float(check_number(x, 1, "asin"))
    return _m.asin(x) if -1.0 <= x <= 1.0 or x != x else _m.nan


def acos(x=NOVALUE, *_):
    x = float(check_number(x, 1, "acos"))
    return _m.acos(x) if -1.0 <= x <= 1.0 or x != x else _m.nan


def atan(y=NOVALUE, x=None, *_):
    y = float(check_number(y, 1, "atan"))
    x = float(opt_number(x, 2, "atan", 1.0))
    # glibc propagates a NaN operand (x first); Python's atan2 returns +nan.
    if x != x:
        return x
    if y != y:
        return y
    return _m.atan2(y, x)


def deg(x=NOVALUE, *_):
    return float(check_number(x, 1, "deg")) * (180.0 / _m.pi)


def rad(x=NOVALUE, *_):
    return float(check_number(x, 1, "rad")) * (_m.pi / 180.0)


# --- pseudo-random numbers: Lua 5.4's xoshiro256** --------------------------------

_M64 = 0xFFFFFFFFFFFFFFFF
_state = [0, 0, 0, 0]


def _rotl(x: int, n: int) -> int:
    return ((x << n) | (x >> (64 - n))) & _M64


def _next() -> int:
    s0, s1, s2, s3 = _state
    s2 ^= s0
    s3 ^= s1
    result = (_rotl((s1 * 5) & _M64, 7) * 9) & _M64
    _state[0] = s0 ^ s3
    _state[1] = s1 ^ s2
    _state[2] = s2 ^ ((s1 << 17) & _M64)
    _state[3] = _rotl(s3, 45)
    return result


def _setseed(n1: int, n2: int) -> None:
    _state[:] = [n1 & _M64, 0xFF, n2 & _M64, 0]
    # Lua discards the first values to spread the seed.
    for _ in range(16):
        _next()


def _project(ran: int, n: int) -> int:
    """A value in [0, n] from random bits, as Lua's ``project`` draws it."""
    if n & (n + 1) == 0:
        return ran & n
    lim = n
    for shift in (1, 2, 4, 8, 16, 32):
        lim |= lim >> shift
    ran &= lim
    while ran > n:
        ran = _next() & lim
    return ran


def random(*args):
    rv = _next()
    nargs = len(args)
    if nargs == 0:
        return (rv >> 11) * 2.0**-53
    if nargs == 1:
        low = 1
        up = check_integer(args[0], 1, "random")
        if up == 0:
            return rv - (1 << 64) if rv > MAXINTEGER else rv
    elif nargs == 2:
        low = check_integer(args[0], 1, "random")
        up = check_integer(args[1], 2, "random")
    else:
        raise LuaError.at_caller("wrong number of arguments")
    if low > up:
        raise arg_error(1, "random", "interval is empty")
    r = (_project(rv, (up - low) & _M64) + low) & _M64
    return r - (1 << 64) if r > MAXINTEGER else r


def randomseed(n1=NOVALUE, n2=None, *_):
    if n1 is NOVALUE:
        n1 = int(_time.time())
        n2 = id(_state)
    else:
        n1 = check_integer(n1, 1, "randomseed")
        n2 = opt_integer(n2, 2, "randomseed", 0)
    _setseed(n1, n2)
    return (n1, n2)


randomseed()

LIB = Table()
for _name in (
    "abs", "acos", "asin", "atan", "ceil", "cos", "deg", "exp", "floor", "fmod",
    "huge", "log", "log10", "max", "maxinteger", "min", "mininteger", "modf", "pi",
    "pow", "rad", "random", "randomseed", "sin", "sqrt", "tan", "tointeger", "type", "ult",
):  # fmt: skip
    LIB[_name] = globals()[_name]
