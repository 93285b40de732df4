"""Wippy's typed Lua beyond erasure (tests/lua/types/ compares erasure with
real Lua): types as run-time values, their messages, casts, positioned
errors for malformed annotations, and the Python hints annotations give."""

from __future__ import annotations

import subprocess
import sys

import pytest

from luac2py.diagnostics import BuildError
from luac2py.driver import compile_script


def run_typed(tmp_path, source: str) -> list[str]:
    src = tmp_path / "prog.lua"
    src.write_text(source, encoding="latin-1")
    out = compile_script(src, tmp_path / "prog.py", chunkname="prog.lua")
    done = subprocess.run([sys.executable, str(out)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def check(tmp_path, decls: str, cases: list[tuple[str, str | None]]):
    """Each case: a Lua value and None (it passes: `T:is` gives it back) or a
    substring of the error `T:is` returns."""
    lines = [decls]
    for expr, _ in cases:
        lines.append(f"do local v, err = {expr}; print(err == nil and 'ok' or tostring(err)) end")
    out = run_typed(tmp_path, "\n".join(lines))
    for (expr, expected), got in zip(cases, out, strict=True):
        if expected is None:
            assert got == "ok", (expr, got)
        else:
            assert got != "ok" and expected in got, (expr, got)


def test_records_name_the_failing_field(tmp_path):
    check(tmp_path, "type Point = {x: number, y: number}\ntype Opt = {age?: integer, name: string}", [
        ("Point:is({x = 1, y = 2.5})", None),
        ("Point:is({x = 1})", "y: missing required field"),
        ("Point:is({x = 1, y = 'a'})", "y: expected number, got string"),
        ("Point:is(5)", "expected Point, got number"),
        ("Opt:is({name = 'a'})", None),
        ("Opt:is({name = 'a', age = 1.5})", "age: expected integer"),
        ("Opt:is({name = 'a', age = 2.0})", None),
    ])  # fmt: skip


def test_nested_arrays_maps_unions_literals(tmp_path):
    decls = """
type Mode = "fast" | "safe"
type Inner = {active: boolean}
type Outer = {meta: Inner, tags: {string}, scores: {[string]: number}, mode: Mode | 3}
"""
    good = "{meta = {active = true}, tags = {'a', 'b'}, scores = {a = 1}, mode = 'fast'}"
    check(tmp_path, decls, [
        (f"Outer:is({good})", None),
        ("Outer:is({meta = {active = 'yes'}, tags = {}, scores = {}, mode = 3})", "meta.active: expected boolean, got string"),
        ("Outer:is({meta = {active = true}, tags = {'a', 2}, scores = {}, mode = 3})", "tags[2]: expected string, got number"),
        ("Outer:is({meta = {active = true}, tags = {}, scores = {a = 'x'}, mode = 3})", 'scores["a"]: expected number'),
        ("Outer:is({meta = {active = true}, tags = {}, scores = {}, mode = 'slow'})", 'mode: expected "fast" | "safe" | 3, got "slow"'),
        ("Mode:is('safe')", None),
    ])  # fmt: skip


def test_generics_recursion_intersections_and_validators(tmp_path):
    decls = """
type Box<T> = {value: T}
type Pair<A, B> = {a: A, b: B}
type Boxes = Box<Box<integer>>
type Node = {value: number, next: Node?}
type Named = {name: string}
type Aged = {age: number @min(0) @max(150)}
type Person = Named & Aged
type Code = string @min_len(2) @max_len(4) @pattern("^[a-z]+$")
type Fn = (number) -> boolean
"""
    check(tmp_path, decls, [
        ("Boxes:is({value = {value = 3}})", None),
        ("Boxes:is({value = {value = 'x'}})", "value.value: expected integer"),
        ("Pair:is({a = 1, b = 'any'})", None),  # bare generic: its parameters are any
        ("Node:is({value = 1, next = {value = 2, next = {value = 3}}})", None),
        ("Node:is({value = 1, next = {value = 2, next = {value = 'x'}}})", "next.next.value"),
        ("Person:is({name = 'a', age = 3})", None),
        ("Person:is({name = 'a', age = -1})", "age: value -1 is below the minimum 0"),
        ("Person:is({name = 'a', age = 200})", "maximum"),
        ("Code:is('ab')", None),
        ("Code:is('a')", "length 1 is below the minimum length 2"),
        ("Code:is('abcde')", "maximum length"),
        ("Code:is('AB')", "pattern"),
        ("Fn:is(print)", None),
        ("Fn:is({})", "expected function, got table"),
    ])  # fmt: skip


def test_library_types_are_values_of_the_module(tmp_path):
    source = """
local lib = (function()
  type Config = {host: string, port: integer}
  return {Config = Config}
end)()
type Server = {config: lib.Config, name: string}
local _, err = Server:is({name = "s", config = {host = "h", port = "80"}})
print(err)
print(Server:is({name = "s", config = {host = "h", port = 80}}) ~= nil)
"""
    assert run_typed(tmp_path, source) == ["config.port: expected integer, got string", "true"]


def test_casts(tmp_path):
    source = """
print(integer(7.0), integer(3), number(2.5), boolean(false), string("s"))
print(pcall(function() return integer(2.5) end))
print(pcall(function() return string(5) end))
type Port = integer @min(1)
print(Port(80), pcall(function() return Port(0) end))
"""
    assert run_typed(tmp_path, source) == [
        "7.0\t3\t2.5\tfalse\ts",
        "false\tprog.lua:3: expected integer, got number",
        "false\tprog.lua:4: expected string, got number",
        "80\tfalse\tprog.lua:6: value 0 is below the minimum 1 (min)",
    ]


def test_contextual_words_stay_names(tmp_path):
    source = """
local t = {type = 1, as = 2, is = 3, interface = 4, readonly = 5, keyof = 6, typeof = 7, extends = 8}
print(t.type, t.as, t.is, t.interface, t.readonly, t.keyof)
local type = type
print(type(t))
local alias = type
alias = 1
local x = (t as {type: number}).type
goto done
::done::
print(x, t!.as)
"""
    assert run_typed(tmp_path, source) == ["1\t2\t3\t4\t5\t6", "table", "1\t2"]


@pytest.mark.parametrize(
    "source, line, col, message",
    [
        ("local x: = 1", 1, 10, "unexpected symbol near '='"),
        ("local function f(a: number, b: ) end", 1, 32, "unexpected symbol near ')'"),
        ("type Box<T = {value: T}", 1, 12, "'>' expected near '='"),
        ("local y: {string = {}", 1, 18, "'}' expected near '='"),
        ("local z = 1 as", 1, 15, "unexpected symbol near <eof>"),
        ("local f: (number, string) = nil", 1, 27, "'->' expected near '='"),
        ("local r: Box<integer = 1", 1, 22, "'>' expected near '='"),
    ],
)
def test_malformed_annotations_are_positioned_errors(tmp_path, source, line, col, message):
    src = tmp_path / "bad.lua"
    src.write_text(source, encoding="latin-1")
    with pytest.raises(BuildError) as e:
        compile_script(src, tmp_path / "bad.py", chunkname="bad.lua")
    first = e.value.diagnostics[0]
    assert (first.file, first.line, first.col, first.message) == ("bad.lua", line, col, message)


def test_clean_annotations_become_python_hints(tmp_path):
    src = tmp_path / "hints.lua"
    src.write_text(
        "local function f(a: integer, b: string?, c: {number}, d: boolean, e: number, g: Custom)\n"
        "  return a, b, c, d, e, g\nend\nprint(f(1, 'x', {}, true, 2.5, 0))\n",
        encoding="latin-1",
    )
    out = compile_script(src, tmp_path / "hints.py", chunkname="hints.lua")
    code = out.read_text(encoding="utf-8")
    # number (int or float) and user types map to nothing; a missing argument is nil.
    assert "a: int" in code and "b: str | None" in code and "c: Table" in code and "d: bool" in code
    assert "e: " not in code and "g: " not in code
