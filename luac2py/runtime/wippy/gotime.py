"""Go's time package, as far as Wippy's ``time`` module shows it: durations
(``ParseDuration``, ``Duration.String``), the proleptic Gregorian calendar on
integer Unix seconds (any year, Go's zero time in year 1 included), zones, and
reference-time layouts (``Format``, ``ParseInLocation``) with Go's error
messages. Pure Python on plain values; ``time.py`` wraps it in Lua objects.

Strings here are Python text; the Lua side converts (``to_text``/``from_text``)."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

NANOSECOND = 1
MICROSECOND = 1000
MILLISECOND = 1000 * MICROSECOND
SECOND = 1000 * MILLISECOND
MINUTE = 60 * SECOND
HOUR = 60 * MINUTE

_MAX_DURATION = (1 << 63) - 1

# --- durations -----------------------------------------------------------------

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


def quote(s: str) -> str:
    """Go's time.quote: control and non-ASCII characters as \\x escapes of
    their UTF-8 bytes."""
    out = ['"']
    for c in s:
        if c < " " or c >= "\x80":
            out.extend(f"\\x{b:02x}" for b in c.encode("utf-8", "surrogateescape"))
        else:
            out.append("\\" + c if c in '"\\' else c)
    out.append('"')
    return "".join(out)


def _digits(s: str, i: int) -> int:
    """The end of the run of ASCII digits starting at ``i``."""
    while i < len(s) and "0" <= s[i] <= "9":
        i += 1
    return i


def parse_go_duration(text: str) -> int:
    """Go's time.ParseDuration: ``"1h30m"``, ``"2.5s"``, ``"-100ms"``, ``"0"``
    -> nanoseconds. Raises ValueError with Go's message."""
    invalid = ValueError("time: invalid duration " + quote(text))
    s = text
    neg = False
    if s[:1] in ("-", "+"):
        neg = s[0] == "-"
        s = s[1:]
    if s == "0":
        return 0
    if not s:
        raise invalid
    total = 0
    while s:
        if not (s[0] == "." or "0" <= s[0] <= "9"):
            raise invalid
        end = _digits(s, 0)
        whole = int(s[:end]) if end else 0
        pre = end > 0
        s = s[end:]
        frac, scale, post = 0, 1, False
        if s[:1] == ".":
            end = _digits(s, 1)
            post = end > 1
            # Digits past nanosecond precision of any unit change nothing.
            kept = s[1:end][:30]
            frac, scale = (int(kept), 10 ** len(kept)) if kept else (0, 1)
            s = s[end:]
        if not pre and not post:
            raise invalid
        i = 0
        while i < len(s) and s[i] != "." and not "0" <= s[i] <= "9":
            i += 1
        if i == 0:
            raise ValueError("time: missing unit in duration " + quote(text))
        unit = _UNITS.get(s[:i])
        if unit is None:
            raise ValueError(f"time: unknown unit {quote(s[:i])} in duration {quote(text)}")
        s = s[i:]
        total += whole * unit + frac * unit // scale
        if total > _MAX_DURATION + neg:
            raise invalid
    return -total if neg else total


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


def trunc_div(a: int, b: int) -> int:
    """Integer division rounding toward zero, as Go's."""
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


# --- calendar ------------------------------------------------------------------


def days_from_civil(y: int, m: int, d: int) -> int:
    """Days from 1970-01-01 to y-m-d (proleptic Gregorian, any year)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z: int) -> tuple[int, int, int]:
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return yoe + era * 400 + (m <= 2), m, d


def is_leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_in(month: int, year: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


# Go's zero time.Time (January 1, year 1, UTC) in Unix seconds.
ZERO_UNIX = days_from_civil(1, 1, 1) * 86400


# --- zones ---------------------------------------------------------------------

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
# The Unix seconds datetime can convert in any zone (a day inside 1..9999).
_MIN_SEC = days_from_civil(1, 1, 2) * 86400
_MAX_SEC = days_from_civil(9999, 12, 30) * 86400


class Zone:
    """A Go *time.Location: a name and, at each instant, an offset east of
    UTC in seconds and an abbreviation. Fixed (``offset``, ``abbrev``) or
    the rules of an IANA zone (``rules``)."""

    __slots__ = ("name", "offset", "abbrev", "rules")

    def __init__(self, name: str, offset: int = 0, abbrev: str = "", rules: ZoneInfo | None = None):
        self.name = name
        self.offset = offset
        self.abbrev = abbrev
        self.rules = rules

    def lookup(self, sec: int) -> tuple[int, str]:
        """(offset, abbreviation) in force at Unix second ``sec``."""
        if self.rules is None:
            return self.offset, self.abbrev
        # Outside datetime's years the rules of its first/last day hold.
        dt = (_EPOCH + timedelta(seconds=min(max(sec, _MIN_SEC), _MAX_SEC))).astimezone(self.rules)
        return int(dt.utcoffset().total_seconds()), dt.tzname() or ""

    def from_wall(self, wall: int) -> int:
        """Unix seconds of wall-clock seconds ``wall`` (as if UTC) in this
        zone: the offset at the guess, corrected once as Go's Date does."""
        offset, _ = self.lookup(wall)
        if offset:
            offset, _ = self.lookup(wall - offset)
        return wall - offset

    def offset_named(self, abbrev: str, wall: int) -> int | None:
        """Go's lookupName: the offset of this zone's ``abbrev``, preferring
        the one in force at wall-clock ``wall``, else the other half of the
        year's (EST read in summer), else None."""
        for sec in (wall, wall + 183 * 86400, wall - 183 * 86400):
            offset, name = self.lookup(self.from_wall(sec))
            if name == abbrev:
                return offset
        return None


UTC = Zone("UTC", 0, "UTC")


def load_zone(name: str) -> Zone:
    """Go's LoadLocation (``"UTC"``, ``"Local"``, IANA names). Raises
    LookupError with Go's message."""
    if name in ("", "UTC"):
        return UTC
    if name == "Local":
        return local_zone()
    try:
        if name.startswith("/") or ".." in name.split("/"):
            raise ValueError
        return Zone(name, rules=ZoneInfo(name))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise LookupError(f"unknown time zone {name}") from None


@lru_cache(maxsize=1)
def local_zone() -> Zone:
    """Go's Local: the zone ``$TZ`` names (UTC when it is empty or unknown),
    else /etc/localtime, else UTC."""
    tz = os.environ.get("TZ")
    try:
        if tz is not None:
            tz = tz.lstrip(":")
            return Zone("Local", rules=ZoneInfo(tz)) if tz and tz != "UTC" else Zone("Local", 0, "UTC")
        with open("/etc/localtime", "rb") as f:
            return Zone("Local", rules=ZoneInfo.from_file(f, key="Local"))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return Zone("Local", 0, "UTC")


# --- broken-down time ----------------------------------------------------------


class Fields:
    """An instant seen in a zone: calendar fields Go's accessors return."""

    __slots__ = ("year", "month", "day", "hour", "minute", "second", "nsec", "weekday", "yday", "offset", "abbrev")

    def __init__(self, ns: int, zone: Zone):
        sec, self.nsec = divmod(ns, SECOND)
        self.offset, self.abbrev = zone.lookup(sec)
        days, rest = divmod(sec + self.offset, 86400)
        self.year, self.month, self.day = civil_from_days(days)
        self.hour, rest = divmod(rest, 3600)
        self.minute, self.second = divmod(rest, 60)
        self.weekday = (days + 4) % 7  # 1970-01-01 was a Thursday; Sunday is 0
        self.yday = days - days_from_civil(self.year, 1, 1) + 1


def date_ns(year: int, month: int, day: int, hour: int, minute: int, sec: int, nsec: int, zone: Zone) -> int:
    """Go's time.Date: out-of-range fields normalise (month 13 is January of
    the next year, day 0 the last of the previous month)."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    wall = (days_from_civil(year, month, 1) + day - 1) * 86400 + hour * 3600 + minute * 60 + sec
    extra, nsec = divmod(nsec, SECOND)
    return zone.from_wall(wall + extra) * SECOND + nsec


# --- layouts -------------------------------------------------------------------

LONG_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
LONG_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
SHORT_MONTHS = [m[:3] for m in LONG_MONTHS]
SHORT_DAYS = [d[:3] for d in LONG_DAYS]

# Zone elements, longest first within each family (as Go's nextStdChunk).
_ZONES = {
    "-": ("-070000", "-07:00:00", "-0700", "-07:00", "-07"),
    "Z": ("Z070000", "Z07:00:00", "Z0700", "Z07:00", "Z07"),
}


def _lower_at(s: str, i: int) -> bool:
    return i < len(s) and "a" <= s[i] <= "z"


def _std_at(layout: str, i: int) -> str | None:
    """The layout element starting at ``i`` (its text), or None."""
    c = layout[i]
    rest = layout[i:]
    if c == "J" and rest.startswith("Jan"):
        if rest.startswith("January"):
            return "January"
        if not _lower_at(layout, i + 3):
            return "Jan"
    elif c == "M":
        if rest.startswith("Mon"):
            if rest.startswith("Monday"):
                return "Monday"
            if not _lower_at(layout, i + 3):
                return "Mon"
        if rest.startswith("MST"):
            return "MST"
    elif c == "0":
        if len(rest) >= 2 and "1" <= rest[1] <= "6":
            return rest[:2]
        if rest.startswith("002"):
            return "002"
    elif c == "1":
        return "15" if rest.startswith("15") else "1"
    elif c == "2":
        return "2006" if rest.startswith("2006") else "2"
    elif c == "_":
        if rest.startswith("_2"):
            # "_2006" is a literal "_" before the year.
            return None if rest.startswith("_2006") else "_2"
        if rest.startswith("__2"):
            return "__2"
    elif c in "345":
        return c
    elif c == "P" and rest.startswith("PM"):
        return "PM"
    elif c == "p" and rest.startswith("pm"):
        return "pm"
    elif c in _ZONES:
        for z in _ZONES[c]:
            if rest.startswith(z):
                return z
    elif c in ".," and len(rest) >= 2 and rest[1] in "09":
        j = 1
        while j < len(rest) and rest[j] == rest[1]:
            j += 1
        # Only a run that ends the digits is a fraction (".0001" is text).
        if not (j < len(rest) and "0" <= rest[j] <= "9"):
            return rest[:j]
    return None


@lru_cache(maxsize=256)
def chunks(layout: str) -> tuple[tuple[str, str | None], ...]:
    """The layout as (literal prefix, element) pairs; the last element is None."""
    out = []
    start = i = 0
    while i < len(layout):
        std = _std_at(layout, i)
        if std is None:
            i += 1
            continue
        out.append((layout[start:i], std))
        i += len(std)
        start = i
    out.append((layout[start:], None))
    return tuple(out)


def _pad(n: int, width: int) -> str:
    return ("-" if n < 0 else "") + str(abs(n)).zfill(width)


def _zone_text(std: str, offset: int) -> str:
    if std[0] == "Z" and offset == 0:
        return "Z"
    sign = "-" if offset < 0 else "+"
    offset = abs(offset)
    colon = ":" if ":" in std else ""
    out = sign + _pad(offset // 3600, 2)
    if len(std) > 3:  # not the hours-only -07 / Z07
        out += colon + _pad(offset // 60 % 60, 2)
    if len(std) in (7, 9):  # -070000, -07:00:00
        out += colon + _pad(offset % 60, 2)
    return out


def format_time(ns: int, zone: Zone, layout: str) -> str:
    """Go's Time.Format."""
    f = Fields(ns, zone)
    out = []
    for prefix, std in chunks(layout):
        out.append(prefix)
        if std is None:
            break
        out.append(_format_std(std, f))
    return "".join(out)


def _format_std(std: str, f: Fields) -> str:
    hour12 = f.hour % 12 or 12
    if std[0] in ".,":
        digits = f"{f.nsec:09d}"[: len(std) - 1]
        if std[1] == "9":
            digits = digits.rstrip("0")
            return std[0] + digits if digits else ""
        return std[0] + digits
    if std[0] in "-Z":
        return _zone_text(std, f.offset)
    if std == "MST":
        return f.abbrev if f.abbrev else _zone_text("-0700", f.offset)
    return {
        "January": lambda: LONG_MONTHS[f.month - 1],
        "Jan": lambda: SHORT_MONTHS[f.month - 1],
        "Monday": lambda: LONG_DAYS[f.weekday],
        "Mon": lambda: SHORT_DAYS[f.weekday],
        "2006": lambda: _pad(f.year, 4),
        "06": lambda: _pad(f.year % 100, 2),
        "01": lambda: _pad(f.month, 2),
        "1": lambda: str(f.month),
        "02": lambda: _pad(f.day, 2),
        "2": lambda: str(f.day),
        "_2": lambda: f"{f.day:2d}",
        "002": lambda: _pad(f.yday, 3),
        "__2": lambda: f"{f.yday:3d}",
        "15": lambda: _pad(f.hour, 2),
        "03": lambda: _pad(hour12, 2),
        "3": lambda: str(hour12),
        "04": lambda: _pad(f.minute, 2),
        "4": lambda: str(f.minute),
        "05": lambda: _pad(f.second, 2),
        "5": lambda: str(f.second),
        "PM": lambda: "PM" if f.hour >= 12 else "AM",
        "pm": lambda: "pm" if f.hour >= 12 else "am",
    }[std]()


class ParseError(ValueError):
    pass


class _Bad(Exception):
    """An element that does not match (Go's errBad)."""


def _getnum(s: str, fixed: bool) -> tuple[int, str]:
    if not (s[:1].isascii() and s[:1].isdigit()):
        raise _Bad
    if not (s[1:2].isascii() and s[1:2].isdigit()):
        if fixed:
            raise _Bad
        return int(s[0]), s[1:]
    return int(s[:2]), s[2:]


def _getnum3(s: str, fixed: bool) -> tuple[int, str]:
    n = 0
    i = 0
    while i < 3 and i < len(s) and "0" <= s[i] <= "9":
        n = n * 10 + int(s[i])
        i += 1
    if i == 0 or (fixed and i != 3):
        raise _Bad
    return n, s[i:]


def _lookup(names: list[str], s: str) -> tuple[int, str]:
    for i, name in enumerate(names):
        if s[: len(name)].lower() == name.lower():
            return i, s[len(name) :]
    raise _Bad


def _nanoseconds(s: str, nbytes: int) -> int:
    """The fraction s[1:nbytes] (s[0] is its separator) in nanoseconds."""
    if s[:1] not in (".", ","):
        raise _Bad
    digits = s[1 : min(nbytes, 10)]
    if not digits or not all("0" <= c <= "9" for c in digits):
        raise _Bad
    return int(digits) * 10 ** (9 - len(digits))


def _skip(value: str, prefix: str) -> str:
    while prefix:
        if prefix[0] == " ":
            if value and value[0] != " ":
                raise _Bad
            prefix = prefix.lstrip(" ")
            value = value.lstrip(" ")
            continue
        if not value or value[0] != prefix[0]:
            raise _Bad
        prefix, value = prefix[1:], value[1:]
    return value


def _zone_name_length(s: str) -> int:
    """Go's parseTimeZone: the length of a zone abbreviation at the start of
    ``s`` (0: none)."""
    if len(s) < 3:
        return 0
    if s[:4] in ("ChST", "MeST"):
        return 4
    if s[:3] == "GMT":
        return 3 + _signed_offset_length(s[3:])
    if s[0] in "+-":
        return _signed_offset_length(s)
    n = 0
    while n < 6 and n < len(s) and "A" <= s[n] <= "Z":
        n += 1
    if n == 3 or (n == 4 and (s[3] == "T" or s[:4] == "WITA")) or (n == 5 and s[4] == "T"):
        return n
    return 0


def _signed_offset_length(s: str) -> int:
    if s[:1] not in ("+", "-"):
        return 0
    end = _digits(s, 1)
    if end == 1 or int(s[1:end]) > 23:
        return 0
    return end


def parse_time(layout: str, value: str, default: Zone) -> tuple[int, Zone]:
    """Go's time.ParseInLocation: (Unix nanoseconds, zone). Raises
    ParseError with Go's message."""
    whole = value

    def fail(elem_value: str, elem: str) -> ParseError:
        return ParseError(
            f"parsing time {quote(whole)} as {quote(layout)}: cannot parse {quote(elem_value)} as {quote(elem)}"
        )

    def out_of_range(what: str) -> ParseError:
        return ParseError(f"parsing time {quote(whole)}: {what}")

    year, month, day, yday = 0, -1, -1, -1
    hour = minute = sec = nsec = 0
    pm = am = False
    zone_offset: int | None = None
    zone_utc = False
    zone_name = ""
    parts = chunks(layout)
    for k, (prefix, std) in enumerate(parts):
        try:
            value = _skip(value, prefix)
        except _Bad:
            raise fail(value, prefix) from None
        if std is None:
            if value:
                raise out_of_range("extra text: " + quote(value))
            break
        hold = value
        bad_range = ""
        try:
            if std == "06":
                if len(value) < 2 or not value[:2].isdigit() or not value[:2].isascii():
                    raise _Bad
                year = int(value[:2])
                year += 1900 if year >= 69 else 2000
                value = value[2:]
            elif std == "2006":
                if len(value) < 4 or not ("0" <= value[0] <= "9"):
                    raise _Bad
                if not all("0" <= c <= "9" for c in value[1:4]):
                    raise _Bad
                year, value = int(value[:4]), value[4:]
            elif std in ("Jan", "January"):
                month, value = _lookup(SHORT_MONTHS if std == "Jan" else LONG_MONTHS, value)
                month += 1
            elif std in ("1", "01"):
                month, value = _getnum(value, std == "01")
                if not 1 <= month <= 12:
                    bad_range = "month"
            elif std in ("Mon", "Monday"):
                _, value = _lookup(SHORT_DAYS if std == "Mon" else LONG_DAYS, value)
            elif std in ("2", "_2", "02"):
                if std == "_2" and value[:1] == " ":
                    value = value[1:]
                day, value = _getnum(value, std == "02")
            elif std in ("__2", "002"):
                if std == "__2":
                    for _ in range(2):
                        if value[:1] == " ":
                            value = value[1:]
                yday, value = _getnum3(value, std == "002")
            elif std == "15":
                hour, value = _getnum(value, False)
                if hour >= 24:
                    bad_range = "hour"
            elif std in ("3", "03"):
                hour, value = _getnum(value, std == "03")
                if hour > 12:
                    bad_range = "hour"
            elif std in ("4", "04"):
                minute, value = _getnum(value, std == "04")
                if minute >= 60:
                    bad_range = "minute"
            elif std in ("5", "05"):
                sec, value = _getnum(value, std == "05")
                if sec >= 60:
                    bad_range = "second"
                elif len(value) >= 2 and value[0] in ".," and "0" <= value[1] <= "9":
                    following = parts[k + 1][1]
                    # A fraction the layout does not spell out is read here.
                    if following is None or following[0] not in ".,":
                        n = _digits(value, 1)
                        nsec, value = _nanoseconds(value, n), value[n:]
            elif std in ("PM", "pm"):
                p = value[:2]
                if len(p) < 2 or p not in (("PM", "AM") if std == "PM" else ("pm", "am")):
                    raise _Bad
                pm, am = p.upper() == "PM", p.upper() == "AM"
                value = value[2:]
            elif std[0] in ".,":
                if std[1] == "0":
                    if len(value) < len(std):
                        raise _Bad
                    nsec, value = _nanoseconds(value, len(std)), value[len(std) :]
                elif len(value) >= 2 and value[0] in ".," and "0" <= value[1] <= "9":
                    n = _digits(value, 1)
                    nsec, value = _nanoseconds(value, n), value[n:]
            elif std[0] in "-Z":
                if std[0] == "Z" and value[:1] == "Z":
                    value = value[1:]
                    zone_utc, zone_offset = True, 0
                else:
                    zone_offset, value, bad_range = _parse_offset(std, value)
            elif std == "MST":
                if value[:3] == "UTC":
                    value = value[3:]
                    zone_utc, zone_offset = True, 0
                else:
                    n = _zone_name_length(value)
                    if n == 0:
                        raise _Bad
                    zone_name, value = value[:n], value[n:]
        except _Bad:
            raise fail(hold, std) from None
        if bad_range:
            raise out_of_range(bad_range + " out of range")

    if pm and hour < 12:
        hour += 12
    elif am and hour == 12:
        hour = 0
    if yday >= 0:
        m = d = 0
        if is_leap(year):
            if yday == 31 + 29:
                m, d = 2, 29
            elif yday > 31 + 29:
                yday -= 1  # now a day of a common year
        if yday < 1 or yday > 365:
            raise out_of_range("day-of-year out of range")
        if m == 0:
            m = 1
            while _DAYS_BEFORE[m] < yday:
                m += 1
            d = yday - _DAYS_BEFORE[m - 1]
        if month >= 0 and month != m:
            raise out_of_range("day-of-year does not match month")
        month = m
        if day >= 0 and day != d:
            raise out_of_range("day-of-year does not match day")
        day = d
    else:
        month = 1 if month < 0 else month
        day = 1 if day < 0 else day
    if day < 1 or day > days_in(month, year):
        raise out_of_range("day out of range")

    if zone_utc:
        return date_ns(year, month, day, hour, minute, sec, nsec, UTC), UTC
    wall = date_ns(year, month, day, hour, minute, sec, nsec, UTC)
    if zone_offset is not None:
        ns = wall - zone_offset * SECOND
        # The default zone when it has this offset then, else a fixed one.
        offset, abbrev = default.lookup(ns // SECOND)
        if offset == zone_offset and (not zone_name or abbrev == zone_name):
            return ns, default
        return ns, Zone(zone_name, zone_offset, zone_name)
    if zone_name:
        offset = default.offset_named(zone_name, wall // SECOND)
        if offset is not None:
            return wall - offset * SECOND, default
        # An unknown abbreviation: Go records it with offset 0 (GMT+h with
        # h hours) and keeps the instant read as UTC.
        offset = int(zone_name[3:]) * 3600 if len(zone_name) > 3 and zone_name[:3] == "GMT" else 0
        return wall, Zone(zone_name, offset, zone_name)
    return date_ns(year, month, day, hour, minute, sec, nsec, default), default


_DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]


def _parse_offset(std: str, value: str) -> tuple[int, str, str]:
    """A numeric zone offset as the element ``std`` spells it: (seconds east,
    rest, range error)."""
    form = std.lstrip("Z-")  # 070000, 07:00:00, 0700, 07:00, 07
    colon = ":" in form
    width = 1 + len(form)
    if len(value) < width:
        raise _Bad
    if colon and any(value[i] != ":" for i in range(3, width, 3)):
        raise _Bad
    digits = value[1:width].replace(":", "") if colon else value[1:width]
    digits = (digits + "0000")[:6]
    if not all("0" <= c <= "9" for c in digits):
        raise _Bad
    hr, mm, ss = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    bad_range = ""
    if hr > 24:
        bad_range = "time zone offset hour"
    if mm > 60:
        bad_range = "time zone offset minute"
    if ss > 60:
        bad_range = "time zone offset second"
    if value[0] not in "+-":
        raise _Bad
    offset = (hr * 60 + mm) * 60 + ss
    return (-offset if value[0] == "-" else offset), value[width:], bad_range
