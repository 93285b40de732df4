"""The ``time`` module outside workflows: Go's layouts and durations (known
answers from Go's documentation and examples), time objects, locations,
Wippy's error values, and timers that are channels on an asyncio loop."""

import asyncio
import time as _clock

import pytest

from luac2py.runtime.errors import LuaError
from luac2py.runtime.lib.base import tostring
from luac2py.runtime.wippy.errors import INVALID, NOT_FOUND
from luac2py.runtime.wippy.gotime import (
    HOUR,
    MICROSECOND,
    MILLISECOND,
    MINUTE,
    SECOND,
    format_duration,
    parse_go_duration,
)
from luac2py.runtime.wippy.time import UTC, ActivityTimeModule, Duration, Location, Ticker, Time, Timer, TimeModule

T = ActivityTimeModule()


def parsed(layout, value, loc=None):
    t, err = T.parse(layout, value, loc)
    assert err is None, err.message()
    return t


def location(name):
    loc, err = T.load_location(name)
    assert err is None
    return loc


# --- durations -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, ns",
    [
        ("0", 0),
        ("5s", 5 * SECOND),
        ("+5s", 5 * SECOND),
        ("-1.5h", -90 * MINUTE),
        ("1h15m30.918273645s", HOUR + 15 * MINUTE + 30 * SECOND + 918273645),
        (".5ms", 500 * MICROSECOND),
        ("1us", 1000),
        ("1\u00b5s", 1000),
        ("1\u03bcs", 1000),
        ("9223372036854775807ns", (1 << 63) - 1),
        ("-9223372036854775808ns", -(1 << 63)),
    ],
)
def test_parse_go_duration(text, ns):
    assert parse_go_duration(text) == ns


@pytest.mark.parametrize(
    "text, message",
    [
        ("", 'time: invalid duration ""'),
        ("10", 'time: missing unit in duration "10"'),
        ("1x", 'time: unknown unit "x" in duration "1x"'),
        ("1e3s", 'time: unknown unit "e" in duration "1e3s"'),
        (".s", 'time: invalid duration ".s"'),
        ("-", 'time: invalid duration "-"'),
        ("9223372036854775808ns", 'time: invalid duration "9223372036854775808ns"'),
        ("1\u00e9", 'time: unknown unit "\\xc3\\xa9" in duration "1\\xc3\\xa9"'),
    ],
)
def test_parse_go_duration_errors(text, message):
    with pytest.raises(ValueError) as e:
        parse_go_duration(text)
    assert str(e.value) == message


def test_duration_strings_and_methods():
    assert [format_duration(n) for n in (1, 1100 * MICROSECOND, 2200 * MILLISECOND, HOUR + 2 * MINUTE + 300 * MILLISECOND,
                                         -90 * MINUTE, 300 * MILLISECOND)] == [
        "1ns", "1.1ms", "2.2s", "1h2m0.3s", "-1h30m0s", "300ms"]  # fmt: skip
    d = Duration(-1999 * MICROSECOND)
    # Go's integer methods truncate toward zero; the others are fractional.
    assert (d.microseconds(), d.milliseconds(), d.seconds()) == (-1999, -1, -0.001999)
    assert tostring(Duration(1500)) == "1.5\xc2\xb5s"  # a Lua string: the UTF-8 bytes
    assert Duration(90 * MINUTE).hours() == 1.5 and Duration(90 * MINUTE).minutes() == 90


def test_parse_duration_values_and_errors():
    assert T.parse_duration(SECOND)[0].seconds() == 1
    assert T.parse_duration(Duration(7))[0].nanoseconds() == 7
    d, err = T.parse_duration("invalid")
    assert d is None and (err.kind(), err.retryable()) == (INVALID, False)
    assert err.message() == 'time.parse_duration: time: invalid duration "invalid"'
    assert T.parse_duration(True)[1].kind() == INVALID


# --- formatting ------------------------------------------------------------------

# Go's reference time in its own zone formats as each layout itself (the
# day of "_2" padded with a space).
REFERENCE = T.date(2006, 1, 2, 15, 4, 5, 0, T.fixed_zone("MST", -7 * 3600))


@pytest.mark.parametrize(
    "name",
    "RFC822 RFC822Z RFC850 RFC1123 RFC1123Z KITCHEN STAMP STAMP_MILLI STAMP_MICRO STAMP_NANO DATE_TIME DATE_ONLY TIME_ONLY".split(),
)
def test_the_reference_time_formats_as_the_layout(name):
    layout = T.lua_index(name)
    assert REFERENCE.format(layout) == layout.replace("_2", " 2")


def test_format_known_answers():
    t = T.date(2009, 11, 10, 23, 0, 0, 0, UTC)
    assert (t.format(T.KITCHEN), t.format_rfc3339()) == ("11:00PM", "2009-11-10T23:00:00Z")
    assert REFERENCE.format(T.RFC3339) == "2006-01-02T15:04:05-07:00"
    assert REFERENCE.format("Z0700 Z07 -07:00:00 -070000 Z07:00:00") == "-0700 -07 -07:00:00 -070000 -07:00:00"
    t = parsed(
        "Mon Jan _2 15:04:05 MST 2006", "Wed Feb 25 11:06:39.1234 PST 2015"
    )  # the fraction after seconds is read though the layout has none
    assert t.format("2006/01/02") == "2015/02/25"
    assert t.format("3PM==3pm==15h") == "11AM==11am==11h"
    assert t.format("15:04:05.00000") == "11:06:39.12340"
    assert t.format("15:04:05.99999999") == "11:06:39.1234"
    assert t.format("15:04:05,000") == "11:06:39,123"
    assert t.format("Monday January 002 __2 _2 1 01 2 06") == "Wednesday February 056  56 25 2 02 25 15"
    assert t.format("15:04:05.0001") == "11:06:39.0002"  # digits after the run: not a fraction ("01" is the month)
    assert t.format("Janet Mont Mondays _2006") == "Janet Mont Wednesdays _2015"  # Jan, Mon before a-z: text
    assert T.date(7, 3, 7, 0, 0, 0, 0, UTC).format("_2 Jan 2006 3:4:5 pm") == " 7 Mar 0007 12:0:0 am"


def test_tostring_and_fields_in_a_location():
    ny = location("America/New_York")
    t = T.date(2024, 7, 4, 12, 0, 0, 5, ny)
    assert tostring(t) == "2024-07-04 12:00:00.000000005 -0400 EDT"
    assert (t.unix(), t.utc().hour(), t.weekday(), t.year_day()) == (1720108800, 16, 4, 186)
    assert t.date() == (2024, 7, 4) and t.clock() == (12, 0, 0) and t.nanosecond() == 5
    assert t.location() is ny and tostring(t.location()) == "America/New_York"
    assert tostring(t.in_location(T.fixed_zone("", 5 * 3600 + 1800))) == "2024-07-04 21:30:00.000000005 +0530 +0530"
    # Go's Date normalises: month 13, day 0, 25 o'clock; the zero time is year 1.
    assert tostring(T.date(2023, 13, 0, 25, 0, 0, 0, UTC)) == "2024-01-01 01:00:00 +0000 UTC"
    assert Time(-62135596800 * SECOND).is_zero() and not t.is_zero()


def test_arithmetic_round_and_truncate():
    t = T.date(2024, 1, 31, 15, 4, 5, 0, UTC)
    assert tostring(t.add_date(0, 1, 0)) == "2024-03-02 15:04:05 +0000 UTC"  # Feb 31 normalises
    assert tostring(t.add_date(1, 2, 3)) == "2025-04-03 15:04:05 +0000 UTC"
    assert t.add("1h30m").sub(t).minutes() == 90 and t.add(-HOUR).before(t) and t.add(1).after(t)
    assert t.add(Duration(SECOND)).equal(t.in_location(location("Asia/Tokyo")).add(SECOND))
    # Go's examples: Round and Truncate count multiples from the zero time.
    r = T.date(0, 0, 0, 12, 15, 30, 918273645, UTC)
    steps = [1, MICROSECOND, MILLISECOND, SECOND, 2 * SECOND, MINUTE, 10 * MINUTE, HOUR]
    assert [r.round(Duration(d)).format("15:04:05.999999999") for d in steps] == [
        "12:15:30.918273645", "12:15:30.918274", "12:15:30.918", "12:15:31", "12:15:30", "12:16:00", "12:20:00",
        "12:00:00"]  # fmt: skip
    tr = parsed("2006 Jan 02 15:04:05", "2012 Dec 07 12:15:30.918273645")
    assert [tr.truncate(Duration(d)).format("15:04:05.999999999") for d in steps[:-1]] == [
        "12:15:30.918273645", "12:15:30.918273", "12:15:30.918", "12:15:30", "12:15:30", "12:15:00", "12:10:00"]  # fmt: skip
    assert r.round(Duration(0)) is r
    with pytest.raises(LuaError, match="duration expected"):
        r.round("1s")


# --- parsing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "layout, value, expected",
    [
        ("Jan 2, 2006 at 3:04pm (MST)", "Feb 3, 2013 at 7:54pm (PST)", "2013-02-03 19:54:00 +0000 PST"),
        ("2006-Jan-02", "2013-Feb-03", "2013-02-03 00:00:00 +0000 UTC"),
        ("2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05Z", "2006-01-02 15:04:05 +0000 UTC"),
        ("2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05+07:00", "2006-01-02 15:04:05 +0700 +0700"),
        ("2006-01-02T15:04:05.999999999Z", "2024-01-01T12:34:56.789Z", "2024-01-01 12:34:56.789 +0000 UTC"),
        ("15:04:05", "12:00:00", "0000-01-01 12:00:00 +0000 UTC"),
        ("2006 002", "2024 060", "2024-02-29 00:00:00 +0000 UTC"),
        ("2006 __2", "2023 365", "2023-12-31 00:00:00 +0000 UTC"),
        # An unknown abbreviation keeps the clock read as UTC (Go: GMT-8 input 05:00 shows 21:00).
        ("02 Jan 06 15:04 MST", "05 MAR 69 01:02 GMT+3", "1969-03-05 04:02:00 +0300 GMT+3"),
        ("Monday _2 January 2006  3PM", "friday  5 july 2024 12AM", "2024-07-05 00:00:00 +0000 UTC"),
        ("2006-01-02 15:04:05.000", "2024-01-02 03:04:05.120", "2024-01-02 03:04:05.12 +0000 UTC"),
    ],
)
def test_parse_known_answers(layout, value, expected):
    assert tostring(parsed(layout, value, UTC)) == expected


def test_parse_in_a_location():
    berlin = location("Europe/Berlin")
    summer = parsed("Jan 2, 2006 at 3:04pm (MST)", "Jul 9, 2012 at 5:02am (CEST)", berlin)
    assert tostring(summer) == "2012-07-09 05:02:00 +0200 CEST" and summer.location() is berlin
    assert tostring(parsed("2006-01-02", "2012-07-09", berlin)) == "2012-07-09 00:00:00 +0200 CEST"
    assert tostring(parsed("2006-01-02 -0700", "2012-07-09 +0200", berlin)) == "2012-07-09 00:00:00 +0200 CEST"
    assert parsed("2006-01-02", "2012-07-09").location() is T.localtz  # the default zone: Local


@pytest.mark.parametrize(
    "layout, value, message",
    [
        (
            "2006-01-02",
            "invalid-date",
            'parsing time "invalid-date" as "2006-01-02": cannot parse "invalid-date" as "2006"',
        ),
        ("2006-01-02", "2024-1-02", 'parsing time "2024-1-02" as "2006-01-02": cannot parse "1-02" as "01"'),
        ("2006-01-02", "2024-01-02x", 'parsing time "2024-01-02x": extra text: "x"'),
        ("2006-01-02", "2024-02-30", 'parsing time "2024-02-30": day out of range'),
        ("2006-01-02", "2024-13-01", 'parsing time "2024-13-01": month out of range'),
        ("15:04", "24:00", 'parsing time "24:00": hour out of range'),
        (
            "2006-01-02T15:04:05Z07:00",
            "2006-01-02T15:04:05Z07:00",
            'parsing time "2006-01-02T15:04:05Z07:00": extra text: "07:00"',
        ),
        ("2006 002", "2023 366", 'parsing time "2023 366": day-of-year out of range'),
        (
            "2006-01-02 MST",
            "2024-01-02 Mst",
            'parsing time "2024-01-02 Mst" as "2006-01-02 MST": cannot parse "Mst" as "MST"',
        ),
        ("15:04:05.000", "10:00:00.12", 'parsing time "10:00:00.12" as "15:04:05.000": cannot parse ".12" as ".000"'),
    ],
)
def test_parse_errors_are_invalid_values_with_go_messages(layout, value, message):
    t, err = T.parse(layout, value, UTC)
    assert t is None and (err.kind(), err.retryable()) == (INVALID, False)
    assert err.message() == "time.parse: " + message


# --- locations ---------------------------------------------------------------------


def test_locations():
    assert tostring(T.utc) == "UTC" and T.load_location("UTC")[0] is UTC
    assert T.load_location("Local")[0] is T.localtz and tostring(T.localtz) == "Local"
    assert tostring(location("America/New_York")) == "America/New_York"
    loc, err = T.load_location("Invalid/Location")
    assert loc is None and (err.kind(), err.retryable()) == (NOT_FOUND, False)
    assert err.message() == "time.load_location: unknown time zone Invalid/Location"
    assert T.load_location("")[1].kind() == INVALID
    assert T.load_location("../etc/passwd")[1].kind() == NOT_FOUND
    fixed = T.fixed_zone("EST", -5 * 3600)
    assert isinstance(fixed, Location) and tostring(fixed) == "EST"
    with pytest.raises(LuaError, match="bad argument #8 to 'date' \\(location expected, got string\\)"):
        T.date(2024, 1, 1, 0, 0, 0, 0, "UTC")


def test_workflow_time_is_utc_named_local():
    # No workflow runs here; the zone is what workflow code would get.
    wf = TimeModule()
    assert tostring(wf.localtz) == "Local"
    assert wf.unix(0, 0).format("2006-01-02 15:04 MST") == "1970-01-01 00:00 UTC"


def test_constants():
    assert (T.NANOSECOND, T.MICROSECOND, T.MILLISECOND, T.SECOND, T.MINUTE, T.HOUR) == (
        1, 1000, 1000000, 1000000000, 60000000000, 3600000000000)  # fmt: skip
    assert (T.JANUARY, T.DECEMBER, T.SUNDAY, T.SATURDAY) == (1, 12, 0, 6)
    assert T.lua_index("RFC3339NANO") == "2006-01-02T15:04:05.999999999Z07:00"
    assert T.lua_index("nothing") is None


# --- timers on an asyncio loop -------------------------------------------------------------


def elapsed_ms(start: float) -> float:
    return (_clock.monotonic() - start) * 1000


def test_timers_are_channels():
    async def main():
        start = _clock.monotonic()
        fired, ok = await T.after("20ms")[0].get()
        assert ok and isinstance(fired, Time) and elapsed_ms(start) >= 19

        timer, err = T.timer(5 * MILLISECOND)
        assert err is None and isinstance(timer, Timer) and timer.channel() is timer.response()
        await asyncio.sleep(0.03)
        assert timer.stop() is False  # fired: its value waits in the channel
        assert (await timer.channel().get())[1] is True

        pending = T.timer("1h")[0]
        assert pending.stop() is True and pending.stop() is False

        start = _clock.monotonic()
        late = T.timer("1h")[0]
        assert late.reset("10ms") is True
        await late.channel().get()
        assert 9 <= elapsed_ms(start) < 1000

        start = _clock.monotonic()
        ticker, err = T.ticker("10ms")
        assert err is None and isinstance(ticker, Ticker)
        for _ in range(3):
            await ticker.channel().get()
        assert ticker.stop() is True and elapsed_ms(start) >= 29
        await asyncio.sleep(0.03)
        assert ticker.channel().len() == 0  # stopped: no more ticks

    asyncio.run(main())


def test_timer_errors():
    async def main():
        for make in (T.timer, T.ticker, T.after):
            value, err = make("0s")
            assert value is None and err.kind() == INVALID and err.message().endswith("duration must be > 0")
            value, err = make("soon")
            assert value is None and err.message() == f'time.{make.__name__}: time: invalid duration "soon"'
        with pytest.raises(LuaError, match="timer:reset: duration must be > 0"):
            T.timer("1h")[0].reset(-1)

    asyncio.run(main())
    with pytest.raises(LuaError, match="time.after: timers need a running event loop"):
        T.after("1s")


def test_sleep_waits_on_the_loop():
    async def main():
        start = _clock.monotonic()
        ch = T.after("10ms")[0]
        assert await T.sleep("30ms") is None
        assert elapsed_ms(start) >= 29 and ch.len() == 1  # the timer fired during the sleep
        assert (await T.sleep(Duration(-5)), elapsed_ms(start) < 1000) == (None, True)
        value, err = await T.sleep("nope")
        assert value is None and err.message() == 'time.sleep: time: invalid duration "nope"'

    asyncio.run(main())


def test_times_and_durations_in_payloads_are_as_go_encodes_them():
    from luac2py.runtime.table import Table
    from luac2py.runtime.wippy.json import encode

    # RFC 3339 with nanoseconds (trailing zeros dropped), in the time's own zone.
    at = Time(1_700_000_000_123_456_789)
    assert encode(Table(at=at, took=Duration(1_500_000_000))) == '{"at":"2023-11-14T22:13:20.123456789Z","took":1500000000}'
    assert encode(Time(1_700_000_000_000_000_000, T.fixed_zone("X", 3600))) == '"2023-11-14T23:13:20+01:00"'
