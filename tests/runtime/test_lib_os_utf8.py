"""Differential tests of the runtime's os and utf8 libraries against real Lua 5.4
(lupa): call cases run the real and the runtime function on the same argument
values, program cases a Lua chunk and the same steps through the runtime.
Dates use fixed times; local-time cases hold because lupa runs in this process,
under the same time zone.
"""

from __future__ import annotations

import os
import re
import time

import pytest

from luac2py.runtime.lib import los as OS
from luac2py.runtime.lib import lutf8 as U
from luac2py.runtime.table import Table

from lupa_harness import LUA, check_call, check_program, to_runtime

# --- utf8 -------------------------------------------------------------------------

UTF8_CALLS = [
    ("char", "72, 228, 8364, 0x10FFFF"), ("char", "0x7FFFFFFF"), ("char", "0x80000000"), ("char", "-1"), ("char", ""),
    ("char", "'65'"), ("char", "1.5"), ("char", "nil"), ("char", "0x110000, 0xD800, 0"),
    ("char", "0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x1FFFFF, 0x200000, 0x3FFFFFF, 0x4000000"),
    ("char", "65, 'x'"),
    ("len", "'abc'"), ("len", "''"), ("len", "'\\xff'"), ("len", "'a\\x80'"), ("len", "'\\u{E4}\\u{20AC}\\u{10FFFF}'"),
    ("len", "'\\u{D800}'"), ("len", "'\\u{D800}', 1, -1, true"), ("len", "'\\u{7FFFFFFF}'"),
    ("len", "'\\u{7FFFFFFF}', 1, -1, true"), ("len", "'\\u{110000}', 1, -1, 1"), ("len", "'abc', 0"), ("len", "'abc', 5"),
    ("len", "'abc', 4"), ("len", "'abc', 1, 4"), ("len", "'abc', 1, 3"), ("len", "'abc', -1"), ("len", "'abc', -5"),
    ("len", "'\\xC0\\x80'"), ("len", "'\\xE4\\xB8'"), ("len", "'abc', 2, 1"), ("len", "123"), ("len", "nil"),
    ("len", "'ab\\u{E4}', 3, 3"), ("len", "'\\u{E4}', 2"), ("len", "'a\\u{E4}b', 1, 2"), ("len", "'abc', 1.5"),
    ("len", "'\\xF8\\x88\\x80\\x80\\x80'"), ("len", "'\\xFE\\x80\\x80\\x80\\x80\\x80\\x80'"), ("len", "{}"),
    ("codepoint", "'abc'"), ("codepoint", "'abc', 1, 3"), ("codepoint", "'abc', 2"), ("codepoint", "'abc', -1"),
    ("codepoint", "'abc', 0"), ("codepoint", "'abc', 1, 4"), ("codepoint", "'abc', 3, 2"),
    ("codepoint", "'\\u{E4}\\u{20AC}', 1, -1"), ("codepoint", "'\\u{E4}', 2"), ("codepoint", "'\\xff'"),
    ("codepoint", "'\\u{D800}', 1, 1, true"), ("codepoint", "'\\u{D800}'"), ("codepoint", "'\\u{7FFFFFFF}', 1, -1, true"),
    ("codepoint", "''"), ("codepoint", "'', 1, 0"), ("codepoint", "'abc', 1.5"), ("codepoint", "'a\\u{E4}', 1, 2"),
    ("codepoint", "'a\\u{E4}', 2, 2"), ("codepoint", "nil"),
    ("offset", "'a\\u{E4}b\\u{20AC}c', 3"), ("offset", "'a\\u{E4}b\\u{20AC}c', -1"), ("offset", "'a\\u{E4}b\\u{20AC}c', -3"),
    ("offset", "'a\\u{E4}b\\u{20AC}c', 0, 3"), ("offset", "'a\\u{E4}b\\u{20AC}c', 0, 6"), ("offset", "'a\\u{E4}b\\u{20AC}c', 1, 4"),
    ("offset", "'a\\u{E4}b\\u{20AC}c', 2, 4"), ("offset", "'a\\u{E4}b\\u{20AC}c', 6"), ("offset", "'abc', 5"),
    ("offset", "'abc', 4"), ("offset", "'abc', -4"), ("offset", "'abc', 1, 5"), ("offset", "'abc', 1, 0"),
    ("offset", "'\\u{E4}', 1, 2"), ("offset", "'abc', 0, 4"), ("offset", "'', 1"), ("offset", "'', 0"), ("offset", "'', -1"),
    ("offset", "'\\u{20AC}\\u{20AC}', -1, 4"), ("offset", "'abc', 2, -1"), ("offset", "'abc', nil"), ("offset", "'abc', 'x'"),
    ("offset", "'abc'"), ("offset", "'abc', -1, -1"),
    ("codes", "'\\x80abc'"), ("codes", "nil"), ("codes", "'abc'"),
]  # fmt: skip


@pytest.mark.parametrize("name,args", UTF8_CALLS, ids=[f"{n}({a})" for n, a in UTF8_CALLS])
def test_utf8_call(name, args):
    check_call(f"utf8.{name}", args, getattr(U, name), pcall=True)


def test_charpattern():
    check_program("return utf8.charpattern", lambda: U.charpattern)
    assert U.LIB["charpattern"] == U.charpattern


def walk_codes(s, lax=None):
    f, state, control = U.codes(s, lax)
    out = []
    while True:
        r = f(state, control)
        if not r:
            return Table.of(out)
        control = r[0]
        out.append(f"{r[0]}:{r[1]}")


CODES = [
    "''", "'abc'", "'h\\u{E4}ll\\u{20AC}\\u{10FFFF}!'", "'ab\\xff'", "'\\u{E4}\\x80'", "'\\xE4\\xB8\\xAD\\x80'",
    "'a\\u{D800}b'", "'\\u{7FFFFFFF}'", "'\\xC0\\x80'", "'a\\xE4'",
]  # fmt: skip


@pytest.mark.parametrize("s", CODES)
@pytest.mark.parametrize("lax", [None, True])
def test_utf8_codes(s, lax):
    src = (
        f"local out = {{}} for p, c in utf8.codes({s}, {str(lax).lower() if lax else 'nil'}) do "
        "out[#out + 1] = p .. ':' .. c end return out"
    )
    value = LUA.execute(f"return {s}").decode("latin-1")
    check_program(src, lambda: walk_codes(value, lax))


# --- os --------------------------------------------------------------------------------

T0 = 1700000000
DATE_CALLS = [
    ("date", f"'!%Y-%m-%d %H:%M:%S', {T0}"), ("date", f"'!%p %A %a %B %b %c %x %X %y %j %%', {T0}"),
    ("date", f"'!%c', 0"), ("date", f"'!%I %p', {T0 - 43200}"), ("date", f"'!%D %e %F %g %G %h %n %r %R %t %T', {T0}"),
    ("date", f"'!%u %U %V %w %W %C %Z %z', {T0}"), ("date", f"'!%Ec|%EC|%Ex|%EX|%Ey|%EY', {T0}"),
    ("date", f"'!%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy', {T0}"), ("date", f"'%Y-%m-%d %H:%M:%S %Z', {T0}"),
    ("date", f"'!*t', {T0}"), ("date", "'*t', 0"), ("date", f"'!*t', -{T0}"), ("date", f"'*t', {T0}"),
    ("date", "'!%Y %j', 951782400"), ("date", "'!%Y', 2^40"), ("date", "'!%Y', -2^40"), ("date", "'!%Y', 2^60"),
    ("date", "'!%Y', 1.5"), ("date", "'!%Y', '10'"), ("date", "5, 0"), ("date", "{}, 0"), ("date", "'!%Q abc', 0"),
    ("date", "'!%', 0"), ("date", "'!%E', 0"), ("date", "'!%Ez', 0"), ("date", "'!literal text', 0"), ("date", "'', 0"),
    ("date", "'!', 0"), ("date", "'!%H', nil"), ("date", "'!%d', 'x'"), ("date", "'!*t', math.mininteger"),
    ("time", "{year = 2020}"), ("time", "{year = 2020, month = 1}"), ("time", "{year = 2020, month = 1, day = 1.5}"),
    ("time", "{year = 2020, month = 1, day = '3'}"), ("time", "{year = 2020, month = 1, day = 'x'}"),
    ("time", "{year = 2^40, month = 1, day = 1}"), ("time", "{year = -2^40, month = 1, day = 1}"),
    ("time", "{year = 2020, month = 2^31 + 1, day = 1}"), ("time", "{year = 2020, month = 1, day = 1, hour = true}"),
    ("time", "{year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 59}"), ("time", "5"),
    ("time", "{year = 2000, month = 1, day = 1, hour = 0, isdst = false}"), ("time", "{year = 1900, month = 1, day = 1}"),
    ("difftime", "5, 3"), ("difftime", "1.0, 2"), ("difftime", "5"), ("difftime", "5, 1.5"), ("difftime", "'7', 2"),
    ("difftime", "math.maxinteger, math.mininteger"), ("difftime", ""),
    ("getenv", "'HOME'"), ("getenv", "'LUAC2PY_SURELY_UNSET'"), ("getenv", "5"), ("getenv", ""), ("getenv", "nil"),
    ("getenv", "'LUAC2PY_TEST_BYTES'"),
    # Only the C locale exists (queries of categories this process keeps in "C").
    ("setlocale", "'C'"), ("setlocale", "'POSIX'"), ("setlocale", "nil, 'numeric'"), ("setlocale", "'C', 'time'"),
    ("setlocale", "'xx_YY.nonexistent'"), ("setlocale", "'C', 'bogus'"), ("setlocale", "nil, 3"),
    ("setlocale", "{}"), ("setlocale", "'C', {}"),
]  # fmt: skip


@pytest.fixture(autouse=True, scope="module")
def _env():
    os.environb[b"LUAC2PY_TEST_BYTES"] = b"caf\xc3\xa9"
    yield
    del os.environb[b"LUAC2PY_TEST_BYTES"]


@pytest.mark.parametrize("name,args", DATE_CALLS, ids=[f"{n}({a})" for n, a in DATE_CALLS])
def test_os_call(name, args):
    check_call(f"os.{name}", args, getattr(OS, name), pcall=True)


def os_time_normalised(fields):
    t = Table.of((), fields)
    return OS.time(t), t


TIME_TABLES = [
    "{year = 2020, month = 1, day = 1}",
    "{year = 2020, month = 14, day = 40, hour = 25, min = 61, sec = -5}",
    "{year = 2021, month = 3, day = 0, hour = -1}",
    "{year = 2024, month = 2, day = 29, hour = 12, min = 30, sec = 15, isdst = true}",
    "{year = '2023', month = 11.0, day = 14, hour = 22, min = 13, sec = 20}",
    "{year = 1970, month = 1, day = 1, hour = 0}",
    "{year = 2000, month = -13, day = 400, min = -10000}",
    "{year = 2^31, month = 1, day = 1}",
]


@pytest.mark.parametrize("fields", TIME_TABLES)
def test_os_time_normalises(fields):
    # os.time writes the normalised date back into its table.
    lua_fields = to_runtime(LUA.execute(f"return {fields}"))
    check_program(f"local t = {fields} return os.time(t), t", lambda: os_time_normalised(dict(lua_fields.items())))


def test_os_time_round_trip():
    check_program(
        f"local d = os.date('*t', {T0}) return os.time(d), os.date('!*t', os.time(d))",
        lambda: (OS.time(OS.date("*t", T0)), OS.date("!*t", OS.time(OS.date("*t", T0)))),
    )


def test_os_now():
    assert abs(OS.time() - time.time()) < 2
    assert type(OS.clock()) is float and OS.clock() >= 0
    assert re.fullmatch(r"\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}", OS.date())
    assert sorted(OS.LIB) == ["clock", "date", "difftime", "execute", "exit", "getenv", "remove", "rename", "setlocale", "time", "tmpname"]
    assert OS.setlocale() == "C" and OS.setlocale("") == "C"
