"""Lua's os library: time, clock, date, getenv and difftime (loslib.c).

Dates go through the C library as in Lua: ``os.time{...}`` is ``mktime`` on
local time (normalising out-of-range fields and writing them back to the
table), ``os.date`` formats each conversion with ``strftime``.
"""

from __future__ import annotations

import os as _os
import time as _time

from ..errors import LuaError
from ..table import Table
from ..values import to_integer
from .lmath import NOVALUE, arg_error, check_integer, check_string, type_error

_INT_MAX = 2**31 - 1
_INT_MIN = -(2**31)
_CYCLE_SECONDS = 146097 * 86400  # 400 Gregorian years

# strftime conversions Lua accepts (C99 and POSIX), by length.
_OPTIONS_1 = frozenset("aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%")
_OPTIONS_2 = frozenset(
    ["Ec", "EC", "Ex", "EX", "Ey", "EY", "Od", "Oe", "OH", "OI", "Om", "OM", "OS", "Ou", "OU", "OV", "Ow", "OW", "Oy"]
)


def _getfield(t: Table, key: str, default: int, delta: int) -> int:
    """A date field as the C ``struct tm`` holds it (value - delta)."""
    v = t[key]
    n = to_integer(v) if type(v) in (int, float, str) else None
    if n is None:
        if v is not None:
            raise LuaError.at_caller(f"field '{key}' is not an integer")
        if default < 0:
            raise LuaError.at_caller(f"field '{key}' missing in date table")
        return default
    if not (n - delta <= _INT_MAX if n >= 0 else _INT_MIN + delta <= n):
        raise LuaError.at_caller(f"field '{key}' is out-of-bound")
    return n - delta


def _setallfields(t: Table, st: _time.struct_time) -> None:
    t["year"] = st.tm_year
    t["month"] = st.tm_mon
    t["day"] = st.tm_mday
    t["hour"] = st.tm_hour
    t["min"] = st.tm_min
    t["sec"] = st.tm_sec
    t["yday"] = st.tm_yday
    # Python counts weekdays from Monday = 0, Lua from Sunday = 1.
    t["wday"] = (st.tm_wday + 1) % 7 + 1
    if st.tm_isdst >= 0:
        t["isdst"] = bool(st.tm_isdst)


def _cannot_represent(what: str) -> LuaError:
    return LuaError.at_caller(f"{what} result cannot be represented in this installation")


def time(t=None, *_):
    if t is None or t is NOVALUE:
        return int(_time.time())
    if type(t) is not Table:
        raise type_error(t, 1, "time", "table")
    year = _getfield(t, "year", -1, 1900)
    month = _getfield(t, "month", -1, 1)
    day = _getfield(t, "day", -1, 0)
    hour = _getfield(t, "hour", 12, 0)
    minute = _getfield(t, "min", 0, 0)
    sec = _getfield(t, "sec", 0, 0)
    isdst = t["isdst"]
    isdst = -1 if isdst is None else int(isdst is not False)
    # Python hands mktime the year + 1900 and the month + 1 as C ints: fold the
    # months into the year, and take whole 400-year Gregorian cycles out of a
    # year that would not fit, as mktime's own normalisation would.
    year += month // 12
    month %= 12
    cycles = max(0, -(-(year + 1900 - _INT_MAX) // 400))
    try:
        raw = int(_time.mktime((year + 1900 - 400 * cycles, month + 1, day, hour, minute, sec, 0, 1, isdst)))
        result = raw + cycles * _CYCLE_SECONDS
        st = _time.localtime(result)
    except (OverflowError, OSError, ValueError):
        raise _cannot_represent("time") from None
    # mktime's -1 is its error value, even where it is a real time.
    if raw == -1:
        raise _cannot_represent("time")
    _setallfields(t, st)
    return result


def clock(*_):
    return _time.process_time()


def date(fmt=None, t=None, *_):
    fmt = "%c" if fmt is None or fmt is NOVALUE else check_string(fmt, 1, "date")
    t = int(_time.time()) if t is None or t is NOVALUE else check_integer(t, 2, "date")
    utc = fmt.startswith("!")
    if utc:
        fmt = fmt[1:]
    try:
        st = _time.gmtime(t) if utc else _time.localtime(t)
    except (OverflowError, OSError, ValueError):
        raise _cannot_represent("date") from None
    if fmt == "*t":
        result = Table()
        _setallfields(result, st)
        return result
    out = []
    i, n = 0, len(fmt)
    while i < n:
        c = fmt[i]
        if c != "%":
            out.append(c)
            i += 1
            continue
        if fmt[i + 1 : i + 2] in _OPTIONS_1:
            spec = fmt[i + 1]
        elif fmt[i + 1 : i + 3] in _OPTIONS_2:
            spec = fmt[i + 1 : i + 3]
        else:
            # Lua quotes the whole rest of the format.
            raise arg_error(1, "date", f"invalid conversion specifier '{fmt[i:]}'")
        out.append(_time.strftime("%" + spec, st))
        i += 1 + len(spec)
    return "".join(out)


def getenv(name=NOVALUE, *_):
    value = _os.environb.get(check_string(name, 1, "getenv").encode("latin-1"))
    return None if value is None else value.decode("latin-1")


def difftime(t1=NOVALUE, t2=NOVALUE, *_):
    return float(check_integer(t1, 1, "difftime") - check_integer(t2, 2, "difftime"))


LIB = Table()
for _name in ("clock", "date", "difftime", "getenv", "time"):
    LIB[_name] = globals()[_name]
