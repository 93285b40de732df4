"""Lua's os library (loslib.c): time, clock, date, getenv, difftime, setlocale,
and the process and file system functions remove, rename, tmpname, execute
and exit (the build rejects ``os`` in workflow code).

Dates go through the C library as in Lua: ``os.time{...}`` is ``mktime`` on
local time (normalising out-of-range fields and writing them back to the
table), ``os.date`` formats each conversion with ``strftime``.
"""

from __future__ import annotations

import gc as _gc
import io as _io
import os as _os
import random as _random
import sys as _sys
import time as _time

from ..errors import LuaError
from ..table import Table
from ..values import to_integer
from .lmath import NOVALUE, arg_error, check_integer, check_string, opt_integer, type_error

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
    if not isinstance(t, Table):
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


_LOCALE_CATEGORIES = ("all", "collate", "ctype", "monetary", "numeric", "time")


def setlocale(locale=None, category=None, *_):
    """Only the "C" locale exists here: queries and requests for it (or the
    native locale, "") give "C", any other locale fails with nil."""
    if locale is not None and locale is not NOVALUE:
        locale = check_string(locale, 1, "setlocale")
    if category is not None and category is not NOVALUE:
        category = check_string(category, 2, "setlocale")
        if category not in _LOCALE_CATEGORIES:
            raise arg_error(2, "setlocale", f"invalid option '{category}'")
    if locale is None or locale is NOVALUE or locale in ("", "C", "POSIX"):
        return "C"
    return None


# --- files and processes ---------------------------------------------------------
# Argument errors name these functions by their global names ("os.remove"):
# "remove" alone would be table.remove.


def _fileresult(e: OSError, fname: str | None):
    """``luaL_fileresult`` for a failure: fail, the message, errno."""
    msg = e.strerror or (_os.strerror(e.errno) if e.errno else "(no extra info)")
    return None, (f"{fname}: {msg}" if fname is not None else msg), e.errno or 0


def _remove(filename=NOVALUE, *_):
    filename = check_string(filename, 1, "os.remove")
    path = filename.split("\0", 1)[0].encode("latin-1")
    try:
        # C's remove(): unlink, or rmdir for a directory.
        try:
            _os.unlink(path)
        except IsADirectoryError:
            _os.rmdir(path)
    except OSError as e:
        return _fileresult(e, filename)
    return True


def _rename(old=NOVALUE, new=NOVALUE, *_):
    old = check_string(old, 1, "os.rename")
    new = check_string(new, 2, "os.rename")
    try:
        _os.rename(old.split("\0", 1)[0].encode("latin-1"), new.split("\0", 1)[0].encode("latin-1"))
    except OSError as e:
        return _fileresult(e, None)
    return True


_TMPCHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _tmpname(*_):
    """``mkstemp("/tmp/lua_XXXXXX")``: the name of a new empty file."""
    rng = _random.SystemRandom()
    for _attempt in range(100):
        name = "/tmp/lua_" + "".join(rng.choice(_TMPCHARS) for _ in range(6))
        try:
            fd = _os.open(name, _os.O_RDWR | _os.O_CREAT | _os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except OSError:
            break
        _os.close(fd)
        return name
    raise LuaError.at_caller("unable to generate a unique filename")


def _flush_all() -> None:
    """Flush the standard streams and every open buffered file, as C's
    ``exit`` and ``system`` see them flushed."""
    for stream in (_sys.stdout, _sys.stderr):
        try:
            stream.flush()
            stream.buffer.flush()
        except (AttributeError, OSError, ValueError):
            pass
    for obj in _gc.get_objects():
        if isinstance(obj, (_io.BufferedWriter, _io.BufferedRandom)):
            try:
                if not obj.closed:
                    obj.flush()
            except (OSError, ValueError):
                pass


def _execute(command=NOVALUE, *_):
    """``system(command)``: true or fail, "exit" or "signal", and the status;
    with no command, whether a shell is available."""
    if command is None or command is NOVALUE:
        return _os.access("/bin/sh", _os.X_OK)
    command = check_string(command, 1, "os.execute").split("\0", 1)[0]
    _flush_all()
    try:
        stat = _os.system(command.encode("latin-1"))
    except OSError as e:
        return _fileresult(e, None)
    if stat == -1:
        return None, "exit", -1
    if _os.WIFSIGNALED(stat):
        return None, "signal", _os.WTERMSIG(stat)
    code = _os.WEXITSTATUS(stat)
    return (True if code == 0 else None), "exit", code


def _exit(status=NOVALUE, close=None, *_):
    """Flush and end the process with ``status`` (true/false: success/failure)."""
    if status is True or status is False:
        code = 0 if status else 1
    else:
        code = opt_integer(status, 1, "os.exit", 0)
    _flush_all()
    _os._exit(code & 0xFF)


LIB = Table()
for _name in ("clock", "date", "difftime", "getenv", "setlocale", "time"):
    LIB[_name] = globals()[_name]
LIB["remove"] = _remove
LIB["rename"] = _rename
LIB["tmpname"] = _tmpname
LIB["execute"] = _execute
LIB["exit"] = _exit
