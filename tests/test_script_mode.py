"""Differential tests: every Lua program under tests/lua/ runs under real Lua 5.4
(lupa) and compiled by ``luac2py script``; stdout, the error line and the exit
status must be identical.

Typed programs (tests/lua/types/): ``NAME.lua`` is annotated Wippy Lua and
``NAME.erased.lua`` next to it is the same program with the annotations removed
by hand. Real Lua runs the erased twin, luac2py compiles the annotated file, and
the two must behave alike. ``types/bad/*.lua`` are malformed annotations whose
first line says where the error is: ``-- error: LINE:COL: MESSAGE-SUBSTRING``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from luac2py.diagnostics import BuildError
from luac2py.driver import compile_script

HERE = Path(__file__).parent
LUA = HERE / "lua"
ERASED = ".erased.lua"
BAD = LUA / "types" / "bad"


def is_program(path: Path) -> bool:
    """An erased twin is the oracle's half of a pair and a bad file is not a program."""
    return not path.name.endswith(ERASED) and BAD not in path.parents


def erased_twin(program: Path) -> Path | None:
    twin = program.with_name(program.name[: -len(".lua")] + ERASED)
    return twin if twin.exists() else None


PROGRAMS = sorted(p for p in LUA.rglob("*.lua") if is_program(p))
TYPED = [p for p in PROGRAMS if erased_twin(p) is not None]
BAD_PROGRAMS = sorted(BAD.glob("*.lua"))
HEADER = re.compile(r"--\s*error:\s*(\d+):(\d+):\s*(.+?)\s*$")


def run(cmd, cwd):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=60)


def first_error_line(stderr: bytes) -> bytes:
    return stderr.splitlines()[0] if stderr else b""


@pytest.mark.parametrize("program", PROGRAMS, ids=[str(p.relative_to(LUA)) for p in PROGRAMS])
def test_same_as_lua(program: Path, tmp_path: Path):
    name = program.name
    # A typed program's oracle is its erased twin, run under the annotated file's name
    # so that error messages carry the same chunk name.
    twin = erased_twin(program)
    (tmp_path / name).write_bytes((twin or program).read_bytes())
    expected = run([sys.executable, str(HERE / "lua_oracle.py"), name], tmp_path)
    (tmp_path / name).write_bytes(program.read_bytes())
    try:
        compiled = compile_script(tmp_path / name, tmp_path / "out.py", chunkname=name)
    except BuildError as e:
        # Lua rejects the whole chunk before running it: the same first message, nothing printed.
        first = e.diagnostics[0]
        assert expected.stdout == b""
        assert first_error_line(expected.stderr).decode("latin-1") == f"lua: {first.file}:{first.line}: {first.message}"
        return
    # The compiled program must not depend on the chunk's path at run time.
    actual = run([sys.executable, str(compiled)], tmp_path)
    assert actual.stdout.decode("latin-1") == expected.stdout.decode("latin-1")
    assert first_error_line(actual.stderr) == first_error_line(expected.stderr), actual.stderr.decode("latin-1")
    assert actual.returncode == expected.returncode


def test_programs_exist():
    # The suite is only meaningful with a body of programs behind it.
    assert len(PROGRAMS) >= 30


def test_typed_pairs_exist():
    # Every file under types/ (outside bad/) is half of an annotated/erased pair.
    assert len(TYPED) >= 30
    types = LUA / "types"
    lone = [p.name for p in types.glob("*.lua") if not p.name.endswith(ERASED) and erased_twin(p) is None]
    orphans = [p.name for p in types.glob("*" + ERASED) if not p.with_name(p.name[: -len(ERASED)] + ".lua").exists()]
    assert lone == [] and orphans == []


def bad_header(path: Path) -> tuple[int, int, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    m = HEADER.fullmatch(first)
    assert m, f"{path.name}: line 1 must be '-- error: LINE:COL: MESSAGE'"
    return int(m.group(1)), int(m.group(2)), m.group(3)


def test_bad_programs_exist():
    assert len(BAD_PROGRAMS) >= 6


@pytest.mark.parametrize("program", BAD_PROGRAMS, ids=[str(p.relative_to(LUA)) for p in BAD_PROGRAMS])
def test_malformed_annotation(program: Path, tmp_path: Path):
    line, col, message = bad_header(program)
    with pytest.raises(BuildError) as info:
        compile_script(program, tmp_path / "out.py", chunkname=program.name)
    first = info.value.diagnostics[0]
    assert (first.file, first.line, first.col) == (program.name, line, col), first.render()
    assert message in first.message, first.render()
