"""Which classes the compiler seals (lower/classes.py). The programs under
tests/lua/classes/ run against real Lua in test_script_mode.py, which checks
that the direct calls behave as Lua; this checks that they are made where the
proof holds and not where code could change a class: each program's
guarded method calls name exactly the expected metatables."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from luac2py.driver import compile_script

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "bench"))
import compute  # noqa: E402  (bench/compute.py: the OOP benchmark program)

GUARDED = {
    "sealed_classes.lua": {"Vec", "Account", "Savings", "Checking", "Counter", "other", "Square", "Circle"},
    "metatable_switch.lua": {"A"},  # B goes to a function; C is nobody's metatable by name
    # A class that code could change after its definition is never sealed:
    "leak_index.lua": set(),  # obj.__index, then a store of a method's key
    "leak_dynamic.lua": set(),  # obj[k] with k a string
    "leak_getmetatable.lua": set(),
    "passed_away.lua": set(),
    "stored_class.lua": set(),
    "late_method.lua": set(),  # a call before the last method definition
    "method_replaced.lua": set(),  # a function defines a method again
    "index_function.lua": set(),  # an __index function; __index stored by a method
    "goto_again.lua": set(),  # a top-level label: the definition may run again
    "lazy_index.lua": set(),  # the class's metatable has an __index function
}


def guarded(source: str) -> set[str]:
    return set(re.findall(r"\.meta is (\w+)", source))


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_sealed_where_provable(name, tmp_path):
    out = compile_script(HERE / "lua" / "classes" / name, tmp_path / "out.py", chunkname=name)
    assert guarded(out.read_text(encoding="utf-8")) == GUARDED[name]


def test_every_class_program_is_listed():
    assert {p.name for p in (HERE / "lua" / "classes").glob("*.lua")} == set(GUARDED)


def test_benchmark_objects_call_their_methods_directly(tmp_path):
    (tmp_path / "oop.lua").write_text(compute.OOP_LUA)
    source = compile_script(tmp_path / "oop.lua", tmp_path / "out.py").read_text(encoding="utf-8")
    assert guarded(source) == {"Vec", "Account", "Savings"}
    # Constructors are calls of their defs, which give one value: no lookup, no first().
    assert re.search(r"^\s+v = new\(i % 10, i % 3\)$", source, re.M)
    assert 'Vec["new"](' not in source
