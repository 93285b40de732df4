"""Front-end fixes over luaparser: literals, positions, deep nesting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from luac2py.driver import compile_script
from luac2py.parse import LuaSyntaxError, decode_string, parse_text

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    "token,value",
    [
        ('"a\\65\\x41\\u{48}"', "aAAH"),
        ('"\\xff\\255"', "\xff\xff"),
        ("[[\nline]]", "line"),
        ("[==[\r\nx\ry]==]", "x\ny"),
        ('"a\\z   \n  b"', "ab"),
        ('"\\u{7FFFFFFF}"', "\xfd\xbf\xbf\xbf\xbf\xbf"),
    ],
)
def test_string_literals_are_bytes(token, value):
    assert decode_string(token) == value


@pytest.mark.parametrize("text", ['"\\256"', '"\\q"', '"\\xZZ"'])
def test_bad_escapes_are_errors(text):
    with pytest.raises(ValueError):
        decode_string(text)


@pytest.mark.parametrize(
    "source,line,col,message",
    [
        ('x = "a" "b"', 1, 9, "unexpected symbol near '\"b\"'"),
        ("local function f()\n  return 1\n", 3, 1, "'end' expected (to close 'function' at line 1) near <eof>"),
        ('x = "abc', 1, 5, "unfinished string near <eof>"),
        ('x = "abc\ny = 1', 1, 5, "unfinished string near '\"abc'"),
        ("x = 3x", 1, 5, "malformed number near '3x'"),
        ("x = '\\q'", 1, 5, "invalid escape sequence near ''\\q'"),
        ("a\1a = 1", 1, 2, "syntax error near '<\\1>'"),
        ("t = {1,\n2\n", 3, 1, "'}' expected (to close '{' at line 1) near <eof>"),
        ("f(", 1, 3, "unexpected symbol near <eof>"),
        ("a.b:c = 1", 1, 7, "function arguments expected near '='"),
        ("x = 1 y", 1, 8, "syntax error near <eof>"),
        ("x = [==[\n\n", 3, 5, "unfinished long string (starting at line 1) near <eof>"),
        ("local x <const> = 1; x = 2", 1, 24, "attempt to assign to const variable 'x'"),
        ("for i = 1 do end", 1, 11, "',' expected near 'do'"),
        ("return " + "(" * 300 + "1" + ")" * 300, 1, 204, "C stack overflow"),
    ],
)
def test_syntax_errors_have_positions(source, line, col, message):
    with pytest.raises(LuaSyntaxError) as info:
        parse_text(source)
    assert (info.value.line, info.value.col, info.value.message) == (line, col, message)


def test_deep_nesting_compiles_and_runs_as_lua(tmp_path: Path):
    """Deeper than luaparser survives on Python's default stack."""
    parens = "(" * 150 + "1" + ")" * 150
    funcs = "".join("local function f%d() " % i for i in range(40)) + "return 7 " + "end " * 40
    chain = " + ".join(["1"] * 120)
    program = f"print({parens})\n{funcs}\nprint({chain})\n"
    (tmp_path / "deep.lua").write_text(program)
    expected = subprocess.run(
        [sys.executable, str(HERE / "lua_oracle.py"), "deep.lua"], cwd=tmp_path, capture_output=True
    )
    out = compile_script(tmp_path / "deep.lua", tmp_path / "deep.py", chunkname="deep.lua")
    actual = subprocess.run([sys.executable, str(out)], cwd=tmp_path, capture_output=True)
    assert expected.returncode == 0 and expected.stdout == b"1\n120\n"
    assert actual.stdout == expected.stdout
    assert actual.returncode == 0
