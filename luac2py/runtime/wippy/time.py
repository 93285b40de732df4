"""Durations, time objects and the ``time`` module, with Wippy's API (Go's
time package underneath: ``gotime.py``).

Two number conventions meet here: numbers given to ``time.*`` are nanoseconds
(``time.MILLISECOND == 1e6``, as Go's time.Duration), numbers in Temporal
options are milliseconds (``parse_duration``).

Workflow code gets the deterministic subset: workflow time, its local zone
is UTC (named "Local": the worker's zone would make replays differ), and
``sleep``, ``timer``, ``after`` and ``ticker`` are durable Temporal timers
(``loop.call_later`` on the workflow's event loop starts one). Activity and
ordinary code get the wall clock, the process's zone and asyncio timers on
the running loop."""

from __future__ import annotations

import asyncio
import time as _clock
from datetime import datetime, timedelta, timezone

from ..errors import LuaError
from ..lib.base import tostring
from ..values import float_to_int, fmt_float, from_text, to_text, type_name
from . import gotime
from .errors import INVALID, NOT_FOUND, ErrorObject
from .gotime import HOUR, MICROSECOND, MILLISECOND, MINUTE, NANOSECOND, SECOND, format_duration, parse_go_duration
from .module import LuaObject, Module


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


class Duration(LuaObject):
    """A Go-style duration (integer nanoseconds)."""

    __slots__ = ("ns",)
    lua_name = "time.Duration"
    lua_methods = frozenset({"nanoseconds", "microseconds", "milliseconds", "seconds", "minutes", "hours", "string"})

    def __init__(self, ns: int):
        self.ns = ns

    def nanoseconds(self, *_):
        return self.ns

    def microseconds(self, *_):
        return gotime.trunc_div(self.ns, MICROSECOND)

    def milliseconds(self, *_):
        return gotime.trunc_div(self.ns, MILLISECOND)

    def seconds(self, *_):
        return self.ns / SECOND

    def minutes(self, *_):
        return self.ns / MINUTE

    def hours(self, *_):
        return self.ns / HOUR

    def string(self, *_):
        return from_text(format_duration(self.ns))

    def lua_tostring(self) -> str:
        return self.string()

    def lua_payload(self) -> int:
        """As Go encodes a duration: its nanoseconds."""
        return self.ns


class Location(LuaObject):
    """A time zone (Go's *time.Location)."""

    __slots__ = ("zone",)
    lua_name = "time.Location"
    lua_methods = frozenset({"string"})

    def __init__(self, zone: gotime.Zone):
        self.zone = zone

    def string(self, *_):
        return from_text(self.zone.name)

    def lua_tostring(self) -> str:
        return self.string()


UTC = Location(gotime.UTC)
# Workflow code's local zone: fixed, so every worker replays the same.
WORKFLOW_LOCAL = Location(gotime.Zone("Local", 0, "UTC"))
_local: Location | None = None


def local_location() -> Location:
    """The process's zone (Go's Local), read once."""
    global _local
    if _local is None:
        _local = Location(gotime.local_zone())
    return _local


def _role_local() -> Location:
    from temporalio import workflow

    return WORKFLOW_LOCAL if workflow.in_workflow() else local_location()


_TIME_METHODS = """add sub add_date after before equal format format_rfc3339 unix unix_nano date clock
year month day hour minute second nanosecond weekday year_day is_zero in_location location utc in_local
round truncate"""


class Time(LuaObject):
    """A point in time: integer nanoseconds since the Unix epoch, seen in a
    location (UTC unless given)."""

    __slots__ = ("ns", "loc")
    lua_name = "time.Time"
    lua_methods = frozenset(_TIME_METHODS.split())

    def __init__(self, ns: int, loc: Location = UTC):
        self.ns = ns
        self.loc = loc

    @classmethod
    def from_datetime(cls, dt: datetime, loc: Location = UTC) -> "Time":
        delta = dt - datetime(1970, 1, 1, tzinfo=timezone.utc)
        return cls((delta.days * 86400 + delta.seconds) * SECOND + delta.microseconds * MICROSECOND, loc)

    def lua_payload(self) -> str:
        """As Go encodes a time: RFC 3339 with nanoseconds."""
        return self.format(TimeModule.RFC3339NANO)

    def _fields(self) -> gotime.Fields:
        return gotime.Fields(self.ns, self.loc.zone)

    def add(self, d=None, *_):
        return Time(self.ns + _lua_duration(d, "add", 1), self.loc)

    def sub(self, other=None, *_):
        return Duration(self.ns - _time_arg(other, "sub").ns)

    def add_date(self, years=None, months=None, days=None, *_):
        f = self._fields()
        return Time(
            gotime.date_ns(
                f.year + _int_arg(years, 1, "add_date"),
                f.month + _int_arg(months, 2, "add_date"),
                f.day + _int_arg(days, 3, "add_date"),
                f.hour,
                f.minute,
                f.second,
                f.nsec,
                self.loc.zone,
            ),
            self.loc,
        )

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
        return self._fields().year

    def month(self, *_):
        return self._fields().month

    def day(self, *_):
        return self._fields().day

    def hour(self, *_):
        return self._fields().hour

    def minute(self, *_):
        return self._fields().minute

    def second(self, *_):
        return self._fields().second

    def nanosecond(self, *_):
        return self.ns % SECOND

    def weekday(self, *_):
        return self._fields().weekday

    def year_day(self, *_):
        return self._fields().yday

    def date(self, *_):
        f = self._fields()
        return (f.year, f.month, f.day)

    def clock(self, *_):
        f = self._fields()
        return (f.hour, f.minute, f.second)

    def is_zero(self, *_):
        return self.ns == gotime.ZERO_UNIX * SECOND

    def location(self, *_):
        return self.loc

    def in_location(self, loc=None, *_):
        if type(loc) is not Location:
            raise LuaError.at_caller(f"bad argument #1 to 'in_location' (location expected, got {type_name(loc)})")
        return Time(self.ns, loc)

    def utc(self, *_):
        return Time(self.ns, UTC)

    def in_local(self, *_):
        return Time(self.ns, _role_local())

    def round(self, d=None, *_):
        step = _duration_object(d, "round")
        if step <= 0:
            return self
        # Multiples of the step since Go's zero time, not the Unix epoch.
        r = (self.ns - gotime.ZERO_UNIX * SECOND) % step
        return Time(self.ns - r if r + r < step else self.ns + step - r, self.loc)

    def truncate(self, d=None, *_):
        step = _duration_object(d, "truncate")
        if step <= 0:
            return self
        return Time(self.ns - (self.ns - gotime.ZERO_UNIX * SECOND) % step, self.loc)

    def format_rfc3339(self, *_):
        return self.format(TimeModule.RFC3339)

    def format(self, layout=None, *_):
        if type(layout) is not str:
            raise LuaError.at_caller(f"bad argument #1 to 'format' (string expected, got {type_name(layout)})")
        return from_text(gotime.format_time(self.ns, self.loc.zone, to_text(layout)))

    def lua_tostring(self) -> str:
        return self.format("2006-01-02 15:04:05.999999999 -0700 MST")


def _time_arg(v, fname: str) -> Time:
    if type(v) is not Time:
        raise LuaError.at_caller(f"bad argument #1 to '{fname}' (time expected, got {type_name(v)})")
    return v


def _duration_object(v, fname: str) -> int:
    if type(v) is not Duration:
        raise LuaError.at_caller(f"bad argument #1 to '{fname}' (duration expected, got {type_name(v)})")
    return v.ns


def _lua_duration(v, fname: str, n: int) -> int:
    try:
        return duration_ns(v)
    except ValueError as e:
        raise LuaError.at_caller(f"bad argument #{n} to '{fname}' ({e})") from None


def _int_arg(v, n: int, fname: str) -> int:
    if type(v) is int:
        return v
    i = float_to_int(v) if type(v) is float else None
    if i is None:
        if type(v) is float:
            raise LuaError.at_caller(
                f"bad argument #{n} to '{fname}' (number has no integer representation: {tostring(v)})"
            )
        raise LuaError.at_caller(f"bad argument #{n} to '{fname}' (number expected, got {type_name(v)})")
    return i


def _str_arg(v, n: int, fname: str) -> str:
    if type(v) is str:
        return to_text(v)
    if type(v) in (int, float):
        return tostring(v)
    raise LuaError.at_caller(f"bad argument #{n} to '{fname}' (string expected, got {type_name(v)})")


def _invalid(message: str) -> tuple[None, ErrorObject]:
    return None, ErrorObject(INVALID, from_text(message), False)


def _start_duration(d, fname: str) -> tuple[int, ErrorObject | None]:
    """A timer's duration, or Wippy's INVALID error for a bad or non-positive one."""
    try:
        ns = duration_ns(d)
    except ValueError as e:
        return 0, _invalid(f"time.{fname}: {e}")[1]
    if ns <= 0:
        return 0, _invalid(f"time.{fname}: duration must be > 0")[1]
    return ns, None


def _running_loop(fname: str) -> asyncio.AbstractEventLoop:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        raise LuaError.at_caller(f"time.{fname}: timers need a running event loop") from None


class Timer(LuaObject):
    """``time.timer(d)``: fires once, sending the time into its channel
    (capacity 1: a fire nobody waits for is kept, as in Go)."""

    __slots__ = ("_now", "_loop", "_channel", "_handle")
    lua_name = "time.Timer"
    lua_methods = frozenset({"response", "channel", "stop", "reset"})

    def __init__(self, now, loop: asyncio.AbstractEventLoop, ns: int):
        from .channel import Channel

        self._now = now
        self._loop = loop
        self._channel = Channel(1)
        self._handle = None
        self._start(ns)

    def _start(self, ns: int) -> None:
        self._handle = self._loop.call_later(ns / SECOND, self._fire)

    def _fire(self) -> None:
        self._handle = None
        self._channel.offer(self._now())

    def response(self, *_):
        return self._channel

    channel = response

    def stop(self, *_):
        """True when it stopped a timer that had not fired."""
        if self._handle is None:
            return False
        self._handle.cancel()  # in a workflow: the Temporal timer is canceled
        self._handle = None
        return True

    def reset(self, d=None, *_):
        try:
            ns = duration_ns(d)
        except ValueError as e:
            raise LuaError.at_caller(f"timer:reset: {e}") from None
        if ns <= 0:
            raise LuaError.at_caller("timer:reset: duration must be > 0")
        active = self.stop()
        self._start(ns)
        return active


class Ticker(Timer):
    """``time.ticker(d)``: sends the time every ``d`` until stopped; a tick
    finding the channel full is dropped (a slow reader gets fewer ticks)."""

    __slots__ = ("_period",)
    lua_name = "time.Ticker"
    lua_methods = frozenset({"response", "channel", "stop"})

    def __init__(self, now, loop: asyncio.AbstractEventLoop, ns: int):
        self._period = ns
        super().__init__(now, loop, ns)

    def _fire(self) -> None:
        self._start(self._period)
        self._channel.offer(self._now())


_DURATION_CONSTANTS = {
    "NANOSECOND": NANOSECOND,
    "MICROSECOND": MICROSECOND,
    "MILLISECOND": MILLISECOND,
    "SECOND": SECOND,
    "MINUTE": MINUTE,
    "HOUR": HOUR,
}
_LAYOUT_CONSTANTS = {
    "RFC3339": "2006-01-02T15:04:05Z07:00",
    "RFC3339NANO": "2006-01-02T15:04:05.999999999Z07:00",
    "RFC822": "02 Jan 06 15:04 MST",
    "RFC822Z": "02 Jan 06 15:04 -0700",
    "RFC850": "Monday, 02-Jan-06 15:04:05 MST",
    "RFC1123": "Mon, 02 Jan 2006 15:04:05 MST",
    "RFC1123Z": "Mon, 02 Jan 2006 15:04:05 -0700",
    "KITCHEN": "3:04PM",
    "STAMP": "Jan _2 15:04:05",
    "STAMP_MILLI": "Jan _2 15:04:05.000",
    "STAMP_MICRO": "Jan _2 15:04:05.000000",
    "STAMP_NANO": "Jan _2 15:04:05.000000000",
    "DATE_TIME": "2006-01-02 15:04:05",
    "DATE_ONLY": "2006-01-02",
    "TIME_ONLY": "15:04:05",
}
_CALENDAR_CONSTANTS = {
    **{name.upper(): i + 1 for i, name in enumerate(gotime.LONG_MONTHS)},
    **{name.upper(): i for i, name in enumerate(gotime.LONG_DAYS)},
}


class TimeModule(Module):
    """``require("time")`` inside workflows: workflow time and durable timers."""

    lua_fields = frozenset(
        {
            *_DURATION_CONSTANTS,
            *_LAYOUT_CONSTANTS,
            *_CALENDAR_CONSTANTS,
            *"utc localtz now sleep timer after ticker date unix parse parse_duration load_location fixed_zone".split(),
        }
    )
    utc = UTC

    @property
    def localtz(self) -> Location:
        return WORKFLOW_LOCAL

    def now(self, *_):
        from temporalio import workflow

        return Time.from_datetime(workflow.now(), self.localtz)

    async def sleep(self, d=None, *_):
        from temporalio import workflow

        try:
            ns = duration_ns(d)
        except ValueError as e:
            return _invalid(f"time.sleep: {e}")
        if ns > 0:
            await workflow.sleep(to_timedelta(ns))
        return None

    def _timer(self, cls, d, fname: str):
        ns, err = _start_duration(d, fname)
        if err is not None:
            return None, err
        return cls(self.now, _running_loop(fname), ns), None

    def timer(self, d=None, *_):
        return self._timer(Timer, d, "timer")

    def ticker(self, d=None, *_):
        return self._timer(Ticker, d, "ticker")

    def after(self, d=None, *_):
        timer, err = self._timer(Timer, d, "after")
        return (None, err) if err is not None else (timer.response(), None)

    def date(self, year=None, month=None, day=None, hour=None, minute=None, sec=None, nsec=None, loc=None, *_):
        if loc is None:
            loc = self.localtz
        elif type(loc) is not Location:
            raise LuaError.at_caller(f"bad argument #8 to 'date' (location expected, got {type_name(loc)})")
        parts = [_int_arg(v, i, "date") for i, v in enumerate((year, month, day, hour, minute, sec, nsec), 1)]
        return Time(gotime.date_ns(*parts, loc.zone), loc)

    def unix(self, sec=0, nsec=0, *_):
        return Time(_int_arg(sec, 1, "unix") * SECOND + _int_arg(nsec, 2, "unix"), self.localtz)

    def parse(self, layout=None, value=None, loc=None, *_):
        layout = _str_arg(layout, 1, "parse")
        value = _str_arg(value, 2, "parse")
        if loc is None:
            loc = self.localtz
        elif type(loc) is not Location:
            raise LuaError.at_caller(f"bad argument #3 to 'parse' (location expected, got {type_name(loc)})")
        try:
            ns, zone = gotime.parse_time(layout, value, loc.zone)
        except gotime.ParseError as e:
            return _invalid(f"time.parse: {e}")
        return Time(ns, loc if zone is loc.zone else UTC if zone is gotime.UTC else Location(zone)), None

    def parse_duration(self, v=None, *_):
        try:
            return Duration(duration_ns(v)), None
        except ValueError as e:
            return _invalid(f"time.parse_duration: {e}")

    def load_location(self, name=None, *_):
        name = _str_arg(name, 1, "load_location")
        if name == "":
            return _invalid("empty location name")
        if name == "UTC":
            return UTC, None
        if name == "Local":
            return self.localtz, None
        try:
            return Location(gotime.load_zone(name)), None
        except LookupError as e:
            return None, ErrorObject(NOT_FOUND, from_text(f"time.load_location: {e}"), False)

    def fixed_zone(self, name=None, offset=None, *_):
        name = _str_arg(name, 1, "fixed_zone")
        return Location(gotime.Zone(name, _int_arg(offset, 2, "fixed_zone"), name))


for _name, _value in {**_DURATION_CONSTANTS, **_LAYOUT_CONSTANTS, **_CALENDAR_CONSTANTS}.items():
    setattr(TimeModule, _name, _value)


class ActivityTimeModule(TimeModule):
    """``require("time")`` in activities and ordinary code: the wall clock,
    the process's zone, and a sleep on the running loop (other coroutines
    and timers run meanwhile) that a worker shutdown interrupts in an
    activity (so it does not hold the shutdown)."""

    @property
    def localtz(self) -> Location:
        return local_location()

    def now(self, *_):
        return Time(_clock.time_ns(), self.localtz)

    async def sleep(self, d=None, *_):
        from temporalio import activity

        try:
            seconds = duration_ns(d) / SECOND
        except ValueError as e:
            return _invalid(f"time.sleep: {e}")
        if not activity.in_activity():
            await asyncio.sleep(max(seconds, 0))
            return None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while (left := deadline - loop.time()) > 0:
            # The shutdown of a (threaded) activity's worker is a thread
            # event, not awaitable: look at it every tenth of a second.
            await asyncio.sleep(min(left, 0.1))
            if activity.is_worker_shutdown():
                raise LuaError(ErrorObject("UNAVAILABLE", "worker is shutting down", True))
        return None
