"""Durations, time objects and the ``time`` module.

Two number conventions meet here: numbers given to ``time.*`` are nanoseconds
(``time.MILLISECOND == 1e6``, as Go's time.Duration), numbers in Temporal
options are milliseconds (``parse_duration``)."""

from __future__ import annotations

import re
import time as _clock
from datetime import datetime, timedelta, timezone

from ..errors import LuaError
from ..lib.base import tostring
from ..values import float_to_int, fmt_float, to_text, type_name
from .errors import INVALID, ErrorObject
from .module import LuaObject, Module

NANOSECOND = 1
MICROSECOND = 1000
MILLISECOND = 1000 * MICROSECOND
SECOND = 1000 * MILLISECOND
MINUTE = 60 * SECOND
HOUR = 60 * MINUTE

_UNITS = {
    "ns": NANOSECOND,
    "us": MICROSECOND,
    "\u00b5s": MICROSECOND,
    "\u03bcs": MICROSECOND,
    "ms": MILLISECOND,
    "s": SECOND,
    "m": MINUTE,
    "h": HOUR,
}
_PART = re.compile(r"(\d*)(?:\.(\d*))?([a-zA-Z\u00b5\u03bc]+)")


def parse_go_duration(text: str) -> int:
    """Go's time.ParseDuration: ``"1h30m"``, ``"2.5s"``, ``"-100ms"``, ``"0"``
    -> nanoseconds. Raises ValueError."""
    s = text
    sign = 1
    if s[:1] in ("-", "+"):
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    if s == "0":
        return 0
    if not s:
        raise ValueError(f'time: invalid duration "{text}"')
    total = 0
    pos = 0
    while pos < len(s):
        m = _PART.match(s, pos)
        if not m or not (m.group(1) or m.group(2)):
            raise ValueError(f'time: invalid duration "{text}"')
        whole, frac, unit = m.groups()
        scale = _UNITS.get(unit)
        if scale is None:
            raise ValueError(f'time: unknown unit "{unit}" in duration "{text}"')
        total += int(whole or "0") * scale
        if frac:
            total += int(frac) * scale // 10 ** len(frac)
        pos = m.end()
    return sign * total


def _number_ns(v, unit: int) -> int:
    n = v * unit
    if type(n) is float:
        if n != n or n in (float("inf"), float("-inf")):
            raise ValueError(f"invalid duration {fmt_float(v)}")
        return round(n)
    return n


def duration_ns(v, number_unit: int = NANOSECOND) -> int:
    """Nanoseconds for a duration given as a Go duration string, a Duration
    object, or a number of ``number_unit`` (nanoseconds for ``time.*``).
    Raises ValueError."""
    t = type(v)
    if t is int or t is float:
        return _number_ns(v, number_unit)
    if t is str:
        return parse_go_duration(to_text(v).strip())
    if t is Duration:
        return v.ns
    if isinstance(v, timedelta):
        return (v.days * 86400 + v.seconds) * SECOND + v.microseconds * MICROSECOND
    raise ValueError(f"duration expected, got {type_name(v)}")


def parse_duration(v) -> timedelta:
    """A duration from Temporal options: a Go duration string or a number of
    milliseconds. Raises ValueError."""
    return timedelta(microseconds=duration_ns(v, MILLISECOND) / MICROSECOND)


def timedelta_source(td: timedelta) -> str:
    """Python source for a timedelta in its largest exact unit, for generated
    code (``timedelta(minutes=90)``, ``timedelta(milliseconds=250)``)."""
    us = (td.days * 86400 + td.seconds) * 1_000_000 + td.microseconds
    for unit, size in (
        ("hours", 3_600_000_000),
        ("minutes", 60_000_000),
        ("seconds", 1_000_000),
        ("milliseconds", 1000),
    ):
        if us % size == 0:
            return f"timedelta({unit}={us // size})"
    return f"timedelta(microseconds={us})"


def to_timedelta(ns: int) -> timedelta:
    return timedelta(microseconds=ns / MICROSECOND)


def format_duration(ns: int) -> str:
    """Go's Duration.String(): ``1h30m0s``, ``1.5s``, ``100ms``, ``0s``."""
    if ns == 0:
        return "0s"
    sign = "-" if ns < 0 else ""
    ns = abs(ns)
    if ns < SECOND:
        for unit, scale in (("ms", MILLISECOND), ("\u00b5s", MICROSECOND)):
            if ns >= scale:
                return sign + _fraction(ns, scale) + unit
        return f"{sign}{ns}ns"
    h, rest = divmod(ns, HOUR)
    m, rest = divmod(rest, MINUTE)
    out = sign
    if h:
        out += f"{h}h"
    if h or m:
        out += f"{m}m"
    return out + _fraction(rest, SECOND) + "s"


def _fraction(n: int, scale: int) -> str:
    whole, frac = divmod(n, scale)
    if not frac:
        return str(whole)
    digits = len(str(scale)) - 1
    return f"{whole}." + f"{frac:0{digits}d}".rstrip("0")


class Duration(LuaObject):
    """A Go-style duration (integer nanoseconds)."""

    __slots__ = ("ns",)
    lua_name = "duration"
    lua_methods = frozenset({"nanoseconds", "microseconds", "milliseconds", "seconds", "minutes", "hours", "string"})

    def __init__(self, ns: int):
        self.ns = ns

    def nanoseconds(self, *_):
        return self.ns

    def microseconds(self, *_):
        return int(self.ns / MICROSECOND)

    def milliseconds(self, *_):
        return int(self.ns / MILLISECOND)

    def seconds(self, *_):
        return self.ns / SECOND

    def minutes(self, *_):
        return self.ns / MINUTE

    def hours(self, *_):
        return self.ns / HOUR

    def string(self, *_):
        return format_duration(self.ns)

    def lua_tostring(self) -> str:
        return format_duration(self.ns)


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Go layout elements, longest first so that "2006" wins over "2".
_LAYOUT = re.compile(
    r"January|Monday|2006|Z07:00|-07:00|Z0700|-0700|Jan|Mon|MST|002|_2|"
    r"[.,](?:0+|9+)|01|02|03|04|05|06|15|-07|PM|pm|1|2|3|4|5"
)


class Time(LuaObject):
    """A point in time: integer nanoseconds since the Unix epoch, shown in UTC."""

    __slots__ = ("ns",)
    lua_name = "time"
    lua_methods = frozenset(
        {
            "add",
            "sub",
            "after",
            "before",
            "equal",
            "format",
            "format_rfc3339",
            "unix",
            "unix_nano",
            "date",
            "clock",
            "year",
            "month",
            "day",
            "hour",
            "minute",
            "second",
            "nanosecond",
            "weekday",
            "year_day",
            "is_zero",
            "utc",
        }
    )

    def __init__(self, ns: int):
        self.ns = ns

    @classmethod
    def from_datetime(cls, dt: datetime) -> "Time":
        delta = dt - datetime(1970, 1, 1, tzinfo=timezone.utc)
        return cls((delta.days * 86400 + delta.seconds) * SECOND + delta.microseconds * MICROSECOND)

    def _dt(self) -> datetime:
        return datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(microseconds=self.ns // MICROSECOND)

    def add(self, d=None, *_):
        return Time(self.ns + _lua_duration(d, "add"))

    def sub(self, other=None, *_):
        if type(other) is not Time:
            raise LuaError.at_caller(f"bad argument #1 to 'sub' (time expected, got {type_name(other)})")
        return Duration(self.ns - other.ns)

    def after(self, other=None, *_):
        return self.ns > _time_arg(other, "after").ns

    def before(self, other=None, *_):
        return self.ns < _time_arg(other, "before").ns

    def equal(self, other=None, *_):
        return self.ns == _time_arg(other, "equal").ns

    def unix(self, *_):
        return self.ns // SECOND

    def unix_nano(self, *_):
        return self.ns

    def year(self, *_):
        return self._dt().year

    def month(self, *_):
        return self._dt().month

    def day(self, *_):
        return self._dt().day

    def hour(self, *_):
        return self._dt().hour

    def minute(self, *_):
        return self._dt().minute

    def second(self, *_):
        return self._dt().second

    def nanosecond(self, *_):
        return self.ns % SECOND

    def weekday(self, *_):
        return (self._dt().weekday() + 1) % 7

    def year_day(self, *_):
        return self._dt().timetuple().tm_yday

    def date(self, *_):
        dt = self._dt()
        return (dt.year, dt.month, dt.day)

    def clock(self, *_):
        dt = self._dt()
        return (dt.hour, dt.minute, dt.second)

    def is_zero(self, *_):
        return self.ns == _GO_ZERO_NS

    def utc(self, *_):
        return self

    def format_rfc3339(self, *_):
        return self.format("2006-01-02T15:04:05Z07:00")

    def format(self, layout=None, *_):
        if type(layout) is not str:
            raise LuaError.at_caller(f"bad argument #1 to 'format' (string expected, got {type_name(layout)})")
        dt = self._dt()
        frac = self.ns % SECOND
        return _LAYOUT.sub(lambda m: _element(m.group(0), dt, frac), layout)

    def lua_tostring(self) -> str:
        return self.format("2006-01-02 15:04:05.999999999 -0700 MST")


# Go's zero time.Time (year 1) in Unix nanoseconds.
_GO_ZERO_NS = -62135596800 * SECOND


def _element(e: str, dt: datetime, frac: int) -> str:
    if e[0] in ".," and len(e) > 1:
        digits = f"{frac:09d}"[: len(e) - 1]
        if e[1] == "9":
            digits = digits.rstrip("0")
            return "." + digits if digits else ""
        return e[0] + digits
    hour12 = dt.hour % 12 or 12
    return {
        "January": _MONTHS[dt.month - 1],
        "Jan": _MONTHS[dt.month - 1][:3],
        "Monday": _DAYS[dt.weekday()],
        "Mon": _DAYS[dt.weekday()][:3],
        "2006": f"{dt.year:04d}",
        "06": f"{dt.year % 100:02d}",
        "01": f"{dt.month:02d}",
        "1": str(dt.month),
        "02": f"{dt.day:02d}",
        "2": str(dt.day),
        "_2": f"{dt.day:2d}",
        "002": f"{dt.timetuple().tm_yday:03d}",
        "15": f"{dt.hour:02d}",
        "03": f"{hour12:02d}",
        "3": str(hour12),
        "04": f"{dt.minute:02d}",
        "4": str(dt.minute),
        "05": f"{dt.second:02d}",
        "5": str(dt.second),
        "PM": "PM" if dt.hour >= 12 else "AM",
        "pm": "pm" if dt.hour >= 12 else "am",
        "MST": "UTC",
        "Z07:00": "Z",
        "Z0700": "Z",
        "-07:00": "+00:00",
        "-0700": "+0000",
        "-07": "+00",
    }[e]


def _time_arg(v, fname: str) -> Time:
    if type(v) is not Time:
        raise LuaError.at_caller(f"bad argument #1 to '{fname}' (time expected, got {type_name(v)})")
    return v


def _lua_duration(v, fname: str) -> int:
    try:
        return duration_ns(v)
    except ValueError as e:
        raise LuaError.at_caller(f"bad argument #1 to '{fname}' ({e})") from None


class TimeModule(Module):
    """``require("time")`` inside workflows: workflow time and durable timers."""

    lua_fields = frozenset(
        {
            "now",
            "sleep",
            "parse_duration",
            "unix",
            "NANOSECOND",
            "MICROSECOND",
            "MILLISECOND",
            "SECOND",
            "MINUTE",
            "HOUR",
            "RFC3339",
            "RFC3339NANO",
            "DATE_TIME",
            "DATE_ONLY",
            "TIME_ONLY",
            "KITCHEN",
        }
    )
    NANOSECOND = NANOSECOND
    MICROSECOND = MICROSECOND
    MILLISECOND = MILLISECOND
    SECOND = SECOND
    MINUTE = MINUTE
    HOUR = HOUR
    RFC3339 = "2006-01-02T15:04:05Z07:00"
    RFC3339NANO = "2006-01-02T15:04:05.999999999Z07:00"
    DATE_TIME = "2006-01-02 15:04:05"
    DATE_ONLY = "2006-01-02"
    TIME_ONLY = "15:04:05"
    KITCHEN = "3:04PM"

    def now(self, *_):
        from temporalio import workflow

        return Time.from_datetime(workflow.now())

    async def sleep(self, d=None, *_):
        from temporalio import workflow

        ns = _lua_duration(d, "sleep")
        if ns > 0:
            await workflow.sleep(to_timedelta(ns))

    def parse_duration(self, v=None, *_):
        try:
            return (Duration(duration_ns(v)), None)
        except ValueError as e:
            return (None, ErrorObject(INVALID, str(e), False))

    def unix(self, sec=0, nsec=0, *_):
        return Time(_int_arg(sec, 1, "unix") * SECOND + _int_arg(nsec, 2, "unix"))


def _int_arg(v, n: int, fname: str) -> int:
    if type(v) is int:
        return v
    i = float_to_int(v) if type(v) is float else None
    if i is None:
        raise LuaError.at_caller(
            f"bad argument #{n} to '{fname}' (number has no integer representation: {tostring(v)})"
        )
    return i


class ActivityTimeModule(TimeModule):
    """``require("time")`` in activities: the wall clock and a blocking sleep
    that a worker shutdown interrupts (so it does not hold the shutdown)."""

    def now(self, *_):
        return Time(_clock.time_ns())

    def sleep(self, d=None, *_):
        from temporalio import activity

        seconds = _lua_duration(d, "sleep") / SECOND
        if seconds <= 0:
            return
        if not activity.in_activity():
            _clock.sleep(seconds)
            return
        activity.wait_for_worker_shutdown_sync(seconds)
        if activity.is_worker_shutdown():
            raise LuaError(ErrorObject("UNAVAILABLE", "worker is shutting down", True))
