"""Differential tests: every Lua program under tests/lua/ runs under real Lua 5.4
(lupa) and compiled by ``luac2py script``; stdout, the error line and the exit
status must be identical."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from luac2py.diagnostics import BuildError
from luac2py.driver import compile_script

HERE = Path(__file__).parent
PROGRAMS = sorted((HERE / "lua").rglob("*.lua"))


def run(cmd, cwd):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=60)


def first_error_line(stderr: bytes) -> bytes:
    return stderr.splitlines()[0] if stderr else b""


@pytest.mark.parametrize("program", PROGRAMS, ids=[str(p.relative_to(HERE / "lua")) for p in PROGRAMS])
def test_same_as_lua(program: Path, tmp_path: Path):
    name = program.name
    (tmp_path / name).write_bytes(program.read_bytes())
    expected = run([sys.executable, str(HERE / "lua_oracle.py"), name], tmp_path)
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
