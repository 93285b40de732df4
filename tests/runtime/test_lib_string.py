"""Differential tests of the runtime's string library against real Lua 5.4 (lupa).

A call case evaluates an argument list in Lua, then calls the real library
function with those values and the runtime's with the same values converted;
a program case runs a Lua chunk and a Python function written to do the same.
Results (or error messages) must be equal, integers and floats distinguished.
Pattern cases run twice: with the regex translation where it applies, and
with every pattern forced onto the backtracking port.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luac2py.runtime.errors import LuaError
from luac2py.runtime.lib import lstring as S
from luac2py.runtime.table import Table

from lupa_harness import (
    LUA,
    PCALL,
    check_call,
    check_program,
    lua_args,
    lua_packed,
    lua_results,
    py_results,
    with_meta,
)

# --- engines ------------------------------------------------------------------------

# Every byte, for the character class cases.
LUA.execute("ALL = '' for i = 0, 255 do ALL = ALL .. string.char(i) end")


@pytest.fixture(params=["auto", "port"])
def engine(request, monkeypatch):
    """Run pattern cases with the regex translation, then with the port only."""
    if request.param == "port":
        monkeypatch.setattr(S, "_translate", lambda pat: None)
    monkeypatch.setattr(S, "_CACHE", {})
    return request.param


# --- call cases -------------------------------------------------------------------

CALLS = [
    # len, sub, reverse, lower, upper
    ("len", "'abc'"), ("len", "''"), ("len", "'a\\0b'"), ("len", "123"), ("len", "-1.5"), ("len", "nil"), ("len", ""),
    ("len", "{}"), ("len", "setmetatable({}, {__name = 'My'})"), ("len", "true"),
    ("sub", "'hello', 2, 4"), ("sub", "'hello', 2"), ("sub", "'hello', -3"), ("sub", "'hello', -3, -2"),
    ("sub", "'hello', 0"), ("sub", "'hello', 10"), ("sub", "'hello', 2, 100"), ("sub", "'hello', -100, 2"),
    ("sub", "'hello', 3, 2"), ("sub", "'hello', math.mininteger, math.maxinteger"), ("sub", "'hello', 1.0, 2.0"),
    ("sub", "'hello', 1.5"), ("sub", "'hello', '2', '3'"), ("sub", "'hello', 'x'"), ("sub", "'hello', nil"),
    ("sub", "'hello'"), ("sub", "12345, 2, 3"), ("sub", "'hello', 2, nil"), ("sub", "'hello', 0, 0"),
    ("sub", "'hello', -5, -5"), ("sub", "'hello', 6"), ("sub", "'', 1, 1"), ("sub", "1.25, 2"), ("sub", "'hello', 2, '0x3'"),
    ("reverse", "'abc'"), ("reverse", "''"), ("reverse", "'a\\0\\255'"), ("reverse", "12.5"), ("reverse", "nil"),
    ("lower", "'HeLLo World 123'"), ("lower", "'\\192\\201\\255AZ'"), ("lower", "ALL"), ("lower", "42"), ("lower", "{}"),
    ("upper", "'HeLLo World 123'"), ("upper", "'\\224\\233\\255az'"), ("upper", "ALL"), ("upper", "-0.0"), ("upper", ""),
    # byte, char, rep
    ("byte", "'abc'"), ("byte", "'abc', 2"), ("byte", "'abc', -1"), ("byte", "'abc', 1, -1"), ("byte", "'abc', 0"),
    ("byte", "'abc', 10"), ("byte", "'abc', 3, 2"), ("byte", "'', 1"), ("byte", "'\\255\\0', 1, 2"), ("byte", "'abc', 1.5"),
    ("byte", "'abc', nil, 2"), ("byte", "'abc', -10, 10"), ("byte", "'abc', 2.0, '3'"), ("byte", "123, 1, 3"),
    ("byte", "nil"), ("byte", "'abc', {}"), ("byte", "'abc', 0, 0"), ("byte", "'abc', math.mininteger, 1"),
    ("char", ""), ("char", "65, 66, 67"), ("char", "0, 255"), ("char", "256"), ("char", "-1"), ("char", "65.0"),
    ("char", "65.5"), ("char", "'65'"), ("char", "'x'"), ("char", "nil"), ("char", "65, nil"), ("char", "72, 105, 1000"),
    ("char", "math.mininteger"),
    ("rep", "'ab', 3"), ("rep", "'ab', 3, ','"), ("rep", "'ab', 0"), ("rep", "'ab', -1"), ("rep", "'', 5"),
    ("rep", "'x', 1, 'sep'"), ("rep", "5, 2"), ("rep", "'ab', 2.0"), ("rep", "'ab', 2.5"), ("rep", "'x', 2^31"),
    ("rep", "'x', 1e10"), ("rep", "'x', math.maxinteger"), ("rep", "'', 3, ''"),
    ("rep", "'ab', 3, 5"), ("rep", "'ab', nil"), ("rep", "'ab'"), ("rep", "nil, 2"), ("rep", "'ab', 2, nil"),
    ("rep", "'ab', 2, {}"), ("rep", "'ab', '3'"), ("rep", "'ab', 'x'"), ("rep", "'abc', 2^30, 'x'"),
    # dump
    ("dump", "print"), ("dump", "nil"), ("dump", ""), ("dump", "'f'"),
]  # fmt: skip

PATTERN_CALLS = [
    # find: plain and init
    ("find", "'hello world', 'o w'"), ("find", "'hello', 'l'"), ("find", "'hello', 'xyz'"), ("find", "'hello', ''"),
    ("find", "'abc', '', 10"), ("find", "'abc', '', 4"), ("find", "'abc', '', 3"), ("find", "'abc', 'b', -1"),
    ("find", "'abc', 'b', -10"), ("find", "'abc', 'c', 3"), ("find", "'abc', 'a', 2"), ("find", "'a.c', '.', 1, true"),
    ("find", "'a+b', '+', 1, true"), ("find", "'abc', 'b', nil, true"), ("find", "'a.c', '.'"), ("find", "'a(b', '(', 1, 1"),
    ("find", "'a%b', '%', 1, true"), ("find", "'a%b', '%'"), ("find", "'x', 'x', 1, false"), ("find", "123456, 45"),
    ("find", "'a\\0b', '\\0'"), ("find", "'a\\0b', '%z'"), ("find", "'abc', 'b', 1.0"), ("find", "'abc', 'b', 1.5"),
    ("find", "nil, 'x'"), ("find", "'x'"), ("find", "'x', nil"), ("find", "'x', {}"), ("find", "'abc', '[a', 1, true"),
    ("find", "'abc', 'b', math.mininteger"), ("find", "'abc', 'b', math.maxinteger"), ("find", "'', ''"),
    ("find", "'', '', 2"), ("find", "'abc', '$', 4"), ("find", "'abc', '^', 4"), ("find", "'abc', '^b', 2"),
    # find/match with patterns
    ("find", "'hello', 'l+'"), ("find", "'hello', 'l*'"), ("find", "'hello', 'l-o'"), ("find", "'hello', 'x?h'"),
    ("find", "'hello', '^h'"), ("find", "'hello', '^e'"), ("find", "'hello', 'o$'"), ("find", "'hello', 'l$'"),
    ("find", "'hello', '(l)(l)'"), ("find", "'hello', '()ll()'"), ("find", "'hello world', '(%w+) (%w+)'"),
    ("find", "'a$b', '$b'"), ("find", "'a^b', 'a^b'"), ("find", "'x=1, y=2', '(%w+)=(%w+)', 5"),
    ("match", "'key = value', '(%w+)%s*=%s*(%w+)'"), ("match", "'hello', '.-'"), ("match", "'hello', '.-$'"),
    ("match", "'hello', 'h(.*)'"), ("match", "'hello', '()'"), ("match", "'hello', '()', 3"), ("match", "'hello', '()', 10"),
    ("match", "'hello', 'xyz'"), ("match", "'  trim  ', '^%s*(.-)%s*$'"), ("match", "'2024-01-15', '(%d+)-(%d+)-(%d+)'"),
    ("match", "'abc', '((a)(b))'"), ("match", "'abc', '(a)()(b)'"), ("match", "'hello', 'l', -2"), ("match", "123, '%d'"),
    ("match", "'[test]', '%[(.*)%]'"), ("match", "'f(a(b)c)d', '%b()'"), ("match", "'f(a(b)c', '%b()'"),
    ("match", "'<<a>b>', '%b<>'"), ("match", "'x\"q\"y', '%b\"\"'"), ("match", "'THE (quick) fox', '%f[%a]%a+'"),
    ("match", "'THE (quick) fox', '%f[%l]%a+'"), ("match", "'hello', '%f[%z]'"), ("match", "'hello', '()%f[%z]'"),
    ("match", "'hello', '()%f[\\0]'"), ("match", "'ab', '%f[a]'"), ("match", "'ab', '()%f[^a]'"), ("match", "'ab', '()%f[%A]'"),
    ("match", "'aXb', '%f[%u](%u)'"), ("match", "'xaax', '(a)%1'"), ("match", "'xabab', '(ab)%1'"), ("match", "'xaba', '(ab)%1'"),
    ("match", "'xyzxyz', '(x(y)z)%1'"), ("match", "'xyzyx', '(x(y)z)%2'"), ("match", "'aa', '()a%1'"), ("match", "'abc', '(a)%0'"),
    ("match", "'abc', '%1'"), ("match", "'abc', '(a%1)'"), ("match", "'abc', '(a'"), ("match", "'abc', 'a)'"), ("match", "'abc', '(a))'"),
    ("find", "'abc', '(a'"), ("find", "'xyz', '(a'"), ("match", "'abc', '[a'"), ("match", "'abc', '[a-'"), ("match", "'abc', 'a%'"),
    ("match", "'abc', 'x%'"), ("match", "'abc', '%'"), ("match", "'abc', '[%'"), ("match", "'abc', '[]'"), ("match", "'abc', '[^]'"),
    ("match", "'a]b', '[]]'"), ("match", "'a]b', '[^]]+'"), ("match", "'a-b', '[a-]+'"), ("match", "'a-b', '[-a]+'"),
    ("match", "'a^b', '[b^]+'"), ("match", "'x%y', '[%%]'"), ("match", "'a]b', '[%]]'"), ("match", "'abc', '%f'"),
    ("match", "'abc', '%fa'"), ("match", "'abc', 'a%f[b'"), ("match", "'abc', '%b'"), ("match", "'abc', '%ba'"),
    ("match", "'abc', 'a%bc'"), ("match", "'abc', 'x%b'"), ("match", "'abc', '%g+'"), ("match", "'a.b', '%.'"),
    ("match", "'abc', '%q'"), ("match", "'a\\nb', '.+'"), ("match", "'abc', 'a*?'"), ("match", "'aaa', 'a-b'"),
    ("match", "'aaab', 'a-b'"), ("match", "'a+', 'a+?'"), ("match", "'**', '%*+'"), ("match", "'(x)', '(()x())'"),
    ("match", "'hello', '(h)(e)(l)(l)(o)'"), ("match", "'abc', '^(a)'"), ("match", "'abc', '^'"), ("match", "'abc', '$'"),
    ("match", "'', '^$'"), ("match", "'', '.?'"), ("match", "'x', 'x$$'"), ("match", "'x$', 'x$$'"), ("match", "'abc', 'b', 3"),
    ("match", "string.rep('a', 300), string.rep('a?', 300)"), ("match", "string.rep('a', 100), string.rep('a?', 198)"),
    ("match", "string.rep('a', 100), string.rep('a?', 199)"), ("match", "string.rep('a', 100), string.rep('a?', 197) .. '%1'"),
    ("match", "'a', string.rep('(', 33)"), ("match", "'a', string.rep('()', 32)"), ("match", "'a', string.rep('()', 33)"),
    ("match", "'aaa', string.rep('(a*)', 3)"), ("find", "string.rep('a', 12), string.rep('a*', 4) .. 'b'"),
    # character classes over every byte
    *[("gsub", f"ALL, '{p}', ''") for p in ["%a", "%c", "%d", "%g", "%l", "%p", "%s", "%u", "%w", "%x", "%z"]],
    *[("gsub", f"ALL, '[{p}]+', '.'") for p in ["%A", "%C", "%D", "%G", "%L", "%P", "%S", "%U", "%W", "%X"]],
    ("gsub", "ALL, '[a-f%d]', ''"), ("gsub", "ALL, '[^%w_]', ''"), ("gsub", "ALL, '[%a-z]', ''"), ("gsub", "ALL, '[\\200-\\255]', ''"),
    ("gsub", "ALL, '[z-a]', ''"), ("gsub", "ALL, '[%]%-]', ''"), ("gsub", "ALL, '.', 'x', 3"), ("gsub", "ALL, '%f[%w]%w+', '<%0>'"),
    # gsub
    ("gsub", "'hello world', 'o', '0'"), ("gsub", "'hello world', 'o', '0', 1"), ("gsub", "'hello', '', '-'"),
    ("gsub", "'hello', 'l*', '-'"), ("gsub", "'hello', 'x*', '-'"), ("gsub", "'abc', '%w', '%0%0'"), ("gsub", "'abc', '%w', '%%'"),
    ("gsub", "'abc', '(%w)', '%1-'"), ("gsub", "'abc', '%w', '%1'"), ("gsub", "'abc', '%w', '%2'"), ("gsub", "'abc', '(%w)', '%2'"),
    ("gsub", "'abc', '%w', '%'"), ("gsub", "'abc', '%w', '%x'"), ("gsub", "'xyz', '%w', '%x', 0"), ("gsub", "'abc', 'q', '%x'"),
    ("gsub", "'abc', '()', '%1'"), ("gsub", "'abc', '()b', '[%1]'"), ("gsub", "'hello world', '(o)', '[%1]', 1"),
    ("gsub", "'hello', '^h', 'H'"), ("gsub", "'hello', '^l', 'L'"), ("gsub", "'hello', '^', '>'"), ("gsub", "'hello', '$', '<'"),
    ("gsub", "'hello', 'l', {l = 'L'}"), ("gsub", "'hello', '%w', {h = 1, e = 2.5, l = false}"), ("gsub", "'hello', '%w', {}"),
    ("gsub", "'hello', '(h)(e)', {h = 'H'}"), ("gsub", "'hello', '()', {[1] = 'one', [3] = 'three'}"),
    ("gsub", "'hello', '%w', {h = {}}"), ("gsub", "'hello', '%w', {h = true}"), ("gsub", "'hello', 'l', nil"),
    ("gsub", "'hello', 'l'"), ("gsub", "'hello', 'l', true"), ("gsub", "'hello', 'l', 5"), ("gsub", "'hello', 'l', 1.5"),
    ("gsub", "'hello', 'l', 'L', 1.5"), ("gsub", "'hello', 'l', 'L', -1"), ("gsub", "'hello', 'l', 'L', '1'"),
    ("gsub", "12345, '3', 'x'"), ("gsub", "12345, 'x', 'y'"), ("gsub", "'abc', '', ''"), ("gsub", "'', '', 'x'"),
    ("gsub", "'', 'x*', 'y'"), ("gsub", "'abc', '.-', '-'"), ("gsub", "'a,b,,c', ',', ';'"), ("gsub", "'abc', 'b*', 'X'"),
    ("gsub", "'abc', '(a', 'x'"), ("gsub", "'abc', '(a', '%1'"), ("gsub", "'abc', '(b', '%0'"), ("gsub", "'abc', 'x(', 'y'"),
    ("gsub", "'abc', '[', 'y'"), ("gsub", "'hello world from lua', '(%w+) (%w+)', '%2 %1'"), ("gsub", "nil, 'a', 'b'"),
    ("gsub", "'abc', '%f[%w]', '|'"), ("gsub", "'THE (quick) fox', '%f[%a]', '|'"), ("gsub", "'a b', '%s*', '_'"),
    ("gsub", "'abc', '.', {a = 1, b = setmetatable({}, {__name = 'N'})}"),
]  # fmt: skip

FORMATS = [
    # %d %i %u %c %x %X %o
    "'%d', 42", "'%d', -42", "'%5d|%-5d|%05d', 42, 42, 42", "'%+d % d', 5, 5", "'%.3d', 5", "'%.0d', 0", "'%5.3d', -7",
    "'%05.3d', 7", "'%-+6d|', 3", "'%i', 7", "'%d', 3.0", "'%d', 3.5", "'%d', '10'", "'%d', '10.0'", "'%d', '1e2'",
    "'%d', 'x'", "'%d', nil", "'%d'", "'%d', math.mininteger", "'%d', math.maxinteger", "'%d', 2^63", "'%#d', 1",
    "'%u', -1", "'%u', 42", "'%-5u|', 3", "'%+u', 3", "'%x', 255", "'%X', 255", "'%x', -1", "'%#x', 255", "'%#X', 255",
    "'%#x', 0", "'%#o', 8", "'%#o', 0", "'%#.0o', 0", "'%.0x', 0", "'%o', 8", "'%08.3x', 255", "'%-#10x|', 255",
    "'%010x', 255", "'% x', 1", "'%c%c%c', 76, 117, 97", "'%c', 0", "'%5c|', 65", "'%-5c|', 65", "'%c', 256 + 65",
    "'%c', -1", "'%05c', 65", "'%.2c', 65", "'%c', 65.0", "'%c', 'x'",
    # %e %E %f %g %G %a %A
    "'%f', 3.14159", "'%.2f', 3.14159", "'%10.3f|', -3.14159", "'%-10.1f|', 2.5", "'%+.3f', 1", "'% f', 1", "'%010.2f', -1.5",
    "'%#.0f', 3", "'%.0f', 0.5", "'%.0f', 1.5", "'%f', 1e300", "'%.99f', 1/3", "'%f', 2^63", "'%f', math.maxinteger",
    "'%e', 12345.6789", "'%.3E', 0.000123", "'%e', 0", "'%e', -0.0", "'%g', 100000", "'%g', 1000000", "'%g', 1e-5",
    "'%g', 0.0001", "'%#g', 1", "'%G', 1e-10", "'%.3g', 3.14159", "'%.0g', 123", "'%10.4g|', 1/3", "'%g', 2^53",
    "'%f', 1/0", "'%f', -1/0", "'%5.1f|', 1/0", "'%-6f|', -1/0", "'%+f', 1/0", "'%05f', 1/0", "'%f', 0/0", "'%f', -(0/0)",
    "'%e', 1/0", "'%E', 1/0", "'%G', -1/0", "'%g', 0/0", "'%f', '1.5'", "'%f', '0x10'", "'%f', 'x'", "'%f', nil", "'%f', {}",
    "'%.100f', 1", "'%100f', 1", "'%1.2.3f', 1", "'%-+ #0f', 1", "'%123456789012345678901f', 1",
    "'%a', 1", "'%a', 0.1", "'%a', -0.0", "'%a', 0", "'%A', 255.5", "'%.0a', 1.5", "'%.1a', 1.96875", "'%.0a', 2.5",
    "'%.3a', 1/3", "'%.20a', 1", "'%a', 5e-324", "'%a', 2.2250738585072014e-308", "'%.1a', 5e-324", "'%a', 1e308",
    "'%#a', 1", "'%+a', 1", "'% a', 1", "'%20a|', 1", "'%-20a|', 1", "'%020a', -1", "'%a', 1/0", "'%A', 0/0", "'%a', 3",
    "'%.13a', 0.1", "'%.12a', 0.1", "'%a', 'x'", "'%a', math.pi",
    # %s %q %p %%
    "'%s', 'hi'", "'%s', 42", "'%s', 1.5", "'%s', nil", "'%s', true", "'%s'", "'%10s|', 'hi'", "'%-10s|', 'hi'",
    "'%.1s', 'abc'", "'%5.2s|', 'abc'", "'%.0s|', 'abc'", "'%s', 'a\\0b'", "'%5s', 'a\\0b'", "'%.20s', 'a\\0b'",
    "'%05s', 'x'", "'%#s', 'x'", "'%s', string.rep('x', 120)", "'%5s', string.rep('x', 120)", "'%.3s', string.rep('x', 120)",
    "'%s %s', 1, 2", "'%s %s', 1",
    "'%q', 'hello'", "'%q', 'a\\nb'", "'%q', 'a\\rb'", "'%q', 'a\\0b'", "'%q', 'a\\0001'", "'%q', '\\1\\0029'",
    "'%q', '\"\\\\'", "'%q', '\\127\\128\\255'", "'%q', 'tab\\there'", "'%q', ALL", "'%q', 42", "'%q', -7",
    "'%q', math.mininteger", "'%q', math.maxinteger", "'%q', 1.5", "'%q', 1.0", "'%q', -0.0", "'%q', 0.1", "'%q', 1e100",
    "'%q', 1/0", "'%q', -1/0", "'%q', 0/0", "'%q', nil", "'%q', true", "'%q', false", "'%q', {}", "'%q', print",
    "'%5q', 'x'", "'%-q', 'x'", "'%q'", "'%p', nil", "'%p', 1", "'%p', true", "'%10p|', nil", "'%-10p|', false",
    "'%.3p', nil", "'%%'", "'100%%'", "'%% %d', 1", "'%5%'", "'%'", "'%', 1", "'abc%'", "'%y', 1", "'%F', 1",
    "'%ld', 1", "'%lld', 1", "'%hd', 1", "'%n', 1", "'%10.5y', 1", "'%5\\0', 1", "'no directives'", "''", "nil",
    "'%d %s %q', 1, 'a', 'b'", "'%s', 1, 2", "'x\\0y%dz', 5", "12", "'%d %d', 1, nil", "'%-5.3s|%5.1f|%-3d|', 'abcdef', 2.25, 7",
]  # fmt: skip

PACKS = [
    ("pack", "'i4', 100"), ("pack", "'<i4', -2"), ("pack", "'>i4', -2"), ("pack", "'=i2', 258"), ("pack", "'b', 127"),
    ("pack", "'b', 128"), ("pack", "'b', -128"), ("pack", "'b', -129"), ("pack", "'B', 255"), ("pack", "'B', 256"),
    ("pack", "'B', -1"), ("pack", "'h', 32767"), ("pack", "'h', 32768"), ("pack", "'H', 65535"), ("pack", "'H', 65536"),
    ("pack", "'i3', 8388607"), ("pack", "'i3', 8388608"), ("pack", "'I3', 16777215"), ("pack", "'I3', 16777216"),
    ("pack", "'l', -1"), ("pack", "'L', -1"), ("pack", "'j', math.mininteger"), ("pack", "'J', math.maxinteger"),
    ("pack", "'T', 5"), ("pack", "'i16', -3"), ("pack", "'>i16', -3"), ("pack", "'I16', 3"), ("pack", "'i17', 1"),
    ("pack", "'i0', 1"), ("pack", "'i', 1"), ("pack", "'I', 1"), ("pack", "'i4', 1.0"), ("pack", "'i4', 1.5"),
    ("pack", "'i4', '7'"), ("pack", "'i4'"), ("pack", "'i4', nil"), ("pack", "'i4', 'x'"), ("pack", "'f', 1.5"),
    ("pack", "'>f', 1.5"), ("pack", "'f', 1e300"), ("pack", "'f', -1e300"), ("pack", "'f', 0/0"), ("pack", "'d', 1.5"),
    ("pack", "'>d', -0.0"), ("pack", "'n', 1/0"), ("pack", "'d', 3"), ("pack", "'d', '2.5'"), ("pack", "'d', 'x'"),
    ("pack", "'s', 'abc'"), ("pack", "'s1', 'abc'"), ("pack", "'>s2', 'abc'"), ("pack", "'s1', string.rep('x', 256)"),
    ("pack", "'s1', string.rep('x', 255)"), ("pack", "'z', 'abc'"), ("pack", "'z', 'a\\0b'"), ("pack", "'c5', 'abc'"),
    ("pack", "'c2', 'abc'"), ("pack", "'c', 'abc'"), ("pack", "'c0', ''"), ("pack", "'x'"), ("pack", "'i1xi1', 1, 2"),
    ("pack", "'!i1i4', 1, 2"), ("pack", "'!4 i1 i8', 1, 2"), ("pack", "'!2 i1 i8', 1, 2"), ("pack", "'!i1d', 1, 2"),
    ("pack", "'!3 i1 i4', 1, 2"), ("pack", "'!i1Xi4i1', 1, 2"), ("pack", "'!i1X', 1"), ("pack", "'!i1Xc1', 1"),
    ("pack", "'!i1Xz', 1"), ("pack", "'!17', 1"), ("pack", "'y', 1"), ("pack", "'i4 i4', 1, 2"), ("pack", "'<i2>i2=i2', 1, 2, 3"),
    ("pack", "'i4\\0i4', 1, 2"), ("pack", "'c1000000000000', 1"), ("pack", "'!8i3', 1"), ("pack", "'!i3i8', 1, 2"),
    ("pack", "'i4', 2^31"), ("pack", "'i4', -2^31"), ("pack", "'bhiljJTfdn', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10"),
    ("pack", "nil"), ("pack", "''"), ("pack", "'s4', 5"),
    ("packsize", "'i4'"), ("packsize", "'bhilj'"), ("packsize", "'!bhilj'"), ("packsize", "'!4 i1 d'"), ("packsize", "'c10'"),
    ("packsize", "'s'"), ("packsize", "'z'"), ("packsize", "'fdnT'"), ("packsize", "'i16'"), ("packsize", "'!i1Xi8'"),
    ("packsize", "'c2147483647'"), ("packsize", "'c2147483647c1'"), ("packsize", "'c2147483640i8'"), ("packsize", "''"),
    ("packsize", "'q'"), ("packsize", "'!16 i1 Xj'"), ("packsize", "'c'"), ("packsize", "'x X'"), ("packsize", "3"),
    ("unpack", "'i4', string.pack('i4', 100)"), ("unpack", "'<i4', '\\254\\255\\255\\255'"), ("unpack", "'>i4', '\\255\\255\\255\\254'"),
    ("unpack", "'b', '\\200'"), ("unpack", "'B', '\\200'"), ("unpack", "'h', '\\1\\128'"), ("unpack", "'H', '\\1\\128'"),
    ("unpack", "'i3', '\\255\\255\\127'"), ("unpack", "'I3', '\\255\\255\\255'"), ("unpack", "'i16', string.pack('i16', -3)"),
    ("unpack", "'I16', string.rep('\\255', 16)"), ("unpack", "'i16', string.rep('\\255', 8) .. string.rep('\\0', 8)"),
    ("unpack", "'i9', '\\0\\0\\0\\0\\0\\0\\0\\128\\255'"), ("unpack", "'j', string.pack('j', math.mininteger)"),
    ("unpack", "'J', string.rep('\\255', 8)"), ("unpack", "'f', string.pack('f', 1.5)"), ("unpack", "'>d', string.pack('>d', -2.25)"),
    ("unpack", "'n', string.pack('n', 0.1)"), ("unpack", "'f', string.pack('f', 0.1)"), ("unpack", "'s1', '\\3abcdef'"),
    ("unpack", "'s1', '\\9abc'"), ("unpack", "'z', 'abc\\0def'"), ("unpack", "'z', 'abc'"), ("unpack", "'zz', 'a\\0b\\0'"),
    ("unpack", "'c3', 'abcdef'"), ("unpack", "'c3', 'ab'"), ("unpack", "'i4', 'abc'"), ("unpack", "'i4', 'abcdefgh', 5"),
    ("unpack", "'i4', 'abcdefgh', -4"), ("unpack", "'i4', 'abcdefgh', 6"), ("unpack", "'i4', 'abcd', 6"), ("unpack", "'', 'abc', 4"),
    ("unpack", "'', 'abc', 5"), ("unpack", "'b', 'abc', -10"), ("unpack", "'!i1i4', string.pack('!i1i4', 1, 2)"),
    ("unpack", "'!4 i1 Xi4 i1', 'a\\0\\0\\0b'"), ("unpack", "'xb', 'ab'"), ("unpack", "'i4'"), ("unpack", "nil, 'x'"),
    ("unpack", "'<I2 >I2', '\\1\\2\\1\\2'"), ("unpack", "'s', string.pack('s', 'hello')"), ("unpack", "'b', 'abc', 1.5"),
    ("unpack", "'bhiljJTfdn', string.pack('bhiljJTfdn', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)"), ("unpack", "'c0', ''"),
]  # fmt: skip


@pytest.mark.parametrize("name,args", CALLS, ids=[f"{n}({a})" for n, a in CALLS])
def test_call(name, args):
    check_call(f"string.{name}", args, getattr(S, name), pcall=True)


@pytest.mark.parametrize("name,args", PATTERN_CALLS, ids=[f"{n}({a})" for n, a in PATTERN_CALLS])
def test_pattern_call(name, args, engine):
    check_call(f"string.{name}", args, getattr(S, name), pcall=True)


@pytest.mark.parametrize("args", FORMATS)
def test_format(args):
    check_call("string.format", args, S.format, pcall=True)


@pytest.mark.parametrize("name,args", PACKS, ids=[f"{n}({a})" for n, a in PACKS])
def test_pack(name, args):
    check_call(f"string.{name}", args, getattr(S, name), pcall=True)


def test_format_pointer():
    t = Table()
    assert S.format("%p", t) == f"0x{id(t):x}"
    assert S.format("%p", "s").startswith("0x")
    # Short strings are internalized in Lua: equal ones share an address;
    # long strings (over 40 bytes) are separate objects.
    assert S.format("%p", S.rep("a", 10)) == S.format("%p", S.rep("aa", 5))
    long1, long2 = S.rep("a", 300), S.rep("a", 300)
    assert S.format("%p", long1) != S.format("%p", long2)


# --- gmatch -------------------------------------------------------------------------

GMATCHES = [
    "'one two  three', '%a+'", "'k1=v1, k2=v2', '(%w+)=(%w+)'", "'abc', ''", "'abc', '.-'", "'abc', 'x*'",
    "'hello world', '()o'", "'hello', '^h'", "'^h^h', '^h'", "'hello', 'l', 4", "'hello', 'l', -2", "'hello', '.', 10",
    "'hello', '.', 6", "'hello', '', 6", "'hello', '', 7", "'abc', '%w', 0", "'abc', '%w', math.mininteger",
    "'a,b,,c', '([^,]*)'", "'abc', '(a'", "'abc', '[a'", "'xyz', '(a'", "'abc', 'a%1'", "nil, 'x'", "'x', nil", "'abc', '%w', 'x'",
    "'THE (quick) fox', '%f[%a]%a+'", "'f(a)(b(c))', '%b()'", "123, '%d'", "'aaa', 'a-'", "'aaa', 'a*'", "'ab\\0cd', '%z?(%a)'",
]  # fmt: skip


def lua_collect(args: str):
    return lua_results(
        f"local a = table.pack({args}) {PCALL.format(func='string.gmatch')} local it, out = r[2], {{}}"
        " for i = 1, 50 do local r = table.pack(it()) if r[1] == nil then break end out[i] = r end return out"
    )


def py_collect(values):
    def run():
        it = S.gmatch(*values)
        out = Table()
        for i in range(1, 51):
            r = it()
            r = r if type(r) is tuple else (r,)
            if not r or r[0] is None:
                break
            out[i] = Table.of(r, {"n": len(r)})
        return out

    return py_results(run)


@pytest.mark.parametrize("args", GMATCHES)
def test_gmatch(args, engine):
    assert py_collect(lua_args(args)) == lua_collect(args)


def test_gmatch_exhausted():
    it = S.gmatch("ab", "%a")
    assert (it(), it(), it(), it()) == ("a", "b", (), ())


# --- programs ---------------------------------------------------------------------


def py_gsub_fn(s, p, f, *rest):
    return lambda: S.gsub(s, p, f, *rest)


def tostring_obj(result):
    return with_meta(Table(), __tostring=lambda _: result)


PROGRAMS = [
    (
        "return string.gsub('hello world', '%w+', function(w) return w:upper() end)",
        py_gsub_fn("hello world", "%w+", lambda w: S.upper(w)),
    ),
    (
        "return string.gsub('a=1, b=2', '(%w+)=(%w+)', function(k, v) return v .. k end)",
        py_gsub_fn("a=1, b=2", "(%w+)=(%w+)", lambda k, v: v + k),
    ),
    (
        "return string.gsub('abc', '%w', function(c) if c == 'b' then return nil end return false end)",
        py_gsub_fn("abc", "%w", lambda c: None if c == "b" else False),
    ),
    ("return string.gsub('abc', '%w', function(c) end)", py_gsub_fn("abc", "%w", lambda c: ())),
    ("return string.gsub('abc', '%w', function(c) return 1, 2 end)", py_gsub_fn("abc", "%w", lambda c: (1, 2))),
    ("return string.gsub('abc', '%w', function(c) return 2.5 end)", py_gsub_fn("abc", "%w", lambda c: 2.5)),
    ("return string.gsub('abc', '%w', function(c) return {} end)", py_gsub_fn("abc", "%w", lambda c: Table())),
    ("return string.gsub('abc', '%w', function(c) return true end)", py_gsub_fn("abc", "%w", lambda c: True)),
    (
        "return string.gsub('abc', '()(%w)', function(p, c) return p .. c end)",
        py_gsub_fn("abc", "()(%w)", lambda p, c: str(p) + c),
    ),
    ("return string.gsub('abc', '', function() return '-' end)", py_gsub_fn("abc", "", lambda *a: "-")),
    ("return string.gsub('abc', '(a', function(x) return x end)", py_gsub_fn("abc", "(a", lambda x: x)),
    (
        "return string.gsub('abc', '%w', function(c) error('boom ' .. c, 0) end)",
        py_gsub_fn("abc", "%w", lambda c: (_ for _ in ()).throw(LuaError("boom " + c))),
    ),
    (
        "local n = 0 local r = string.gsub('aaaa', 'a', function() n = n + 1 return n end, 3) return r, n",
        lambda: (lambda n: (S.gsub("aaaa", "a", lambda c: n.append(1) or len(n), 3)[0], len(n)))([]),
    ),
    (
        "return string.gsub('abc', '%w', setmetatable({}, {__index = function(t, k) return k .. k end}))",
        py_gsub_fn("abc", "%w", with_meta(Table(), __index=lambda t, k: k + k)),
    ),
    (
        "return string.format('%s|%5s|%-4s|', "
        + ", ".join(["setmetatable({}, {__tostring = function() return 'OBJ' end})"] * 3)
        + ")",
        lambda: S.format("%s|%5s|%-4s|", *[tostring_obj("OBJ")] * 3),
    ),
    (
        "return string.format('%s', setmetatable({}, {__tostring = function() return 42 end}))",
        lambda: S.format("%s", tostring_obj(42)),
    ),
    (
        "return string.format('%s', setmetatable({}, {__tostring = function() return {} end}))",
        lambda: S.format("%s", tostring_obj(Table())),
    ),
    ("return ('x'):rep(3, ',')", lambda: S.STRING_META["__index"]["rep"]("x", 3, ",")),
    ("return getmetatable('').__index == string", lambda: S.STRING_META["__index"] is S.STRING),
]


@pytest.mark.parametrize("src,pyfunc", PROGRAMS, ids=[p[0] for p in PROGRAMS])
def test_program(src, pyfunc, engine):
    check_program(src, pyfunc)


def test_library_names():
    names = "byte char dump find format gmatch gsub len lower match pack packsize rep reverse sub unpack upper".split()
    assert sorted(S.LIB) == names
    assert all(S.LIB[n] is getattr(S, n) for n in names)


def test_argument_extras_and_coercion():
    assert S.rep(5, 2) == "55"
    assert S.len("abc", "ignored", 3) == 3
    assert S.upper(1.5) == "1.5"


def test_deep_port_match_does_not_recurse():
    # 199 nested frames on the port must not use Python recursion.
    frame, depth = sys._getframe(), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    limit = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(depth + 30)
        cp = S._Pattern("a?" * 198)
        cp.rx = None
        assert cp.exec("a" * 100, 0, True)[1] == 100
    finally:
        sys.setrecursionlimit(limit)


# --- random patterns --------------------------------------------------------------

TOKENS = [
    "a", "b", "c", " ", "x", ".", "%a", "%d", "%s", "%w", "%A", "%S", "%p", "%%", "%.", "%]", "[ab]", "[^a]", "[a-c]",
    "[%d_]", "[%a%d]", "[]a]", "[^]]", "(", ")", "()", "%1", "%2", "%b()", "%bab", "%f[%w]", "%f[%W]", "%f[a]", "^", "$",
    "*", "+", "-", "?", "*", "+", "-", "?", "%", "[", "]", "%z", "%f", "%b", "\0",
]  # fmt: skip
SUBJECT_CHARS = "abc abcx1(2)_.%]\0\n"

LUA_FIND = LUA.eval("function(s, p, i) return table.pack(pcall(string.find, s, p, i)) end")
LUA_MATCH = LUA.eval("function(s, p, i) return table.pack(pcall(string.match, s, p, i)) end")
LUA_GSUB = LUA.eval("function(s, p, r) return table.pack(pcall(string.gsub, s, p, r)) end")


@settings(max_examples=500, derandomize=True, deadline=None)
@given(
    pattern=st.lists(st.sampled_from(TOKENS), max_size=8).map("".join),
    subject=st.text(SUBJECT_CHARS, max_size=12),
    init=st.integers(-4, 14),
)
def test_random_patterns(pattern, subject, init):
    for mode in ("auto", "port"):
        S._CACHE.clear()
        translate = S._translate
        if mode == "port":
            S._translate = lambda pat: None
        try:
            p, s = pattern.encode("latin-1"), subject.encode("latin-1")
            assert py_results(lambda: S.find(subject, pattern, init)) == lua_packed(LUA_FIND(s, p, init)), mode
            assert py_results(lambda: S.match(subject, pattern, init)) == lua_packed(LUA_MATCH(s, p, init)), mode
            for repl in ("<%0>", "%1"):
                expected = lua_packed(LUA_GSUB(s, p, repl.encode()))
                assert py_results(lambda: S.gsub(subject, pattern, repl)) == expected, mode
        finally:
            S._translate = translate
            S._CACHE.clear()
