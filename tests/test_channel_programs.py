"""Wippy's channels and coroutine.spawn in script mode: each program under
tests/channels/ is compiled, run twice, and must print exactly its ``.out``
both times (stdout, then the first line of stderr when it fails), so the
interleaving of its coroutines is deterministic. Real Lua has no channels:
the expected output is written by hand-checked runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from luac2py.driver import compile_script

CHANNELS = Path(__file__).parent / "channels"
PROGRAMS = sorted(CHANNELS.glob("*.lua"))


def output(compiled: Path, cwd: Path) -> str:
    done = subprocess.run([sys.executable, str(compiled)], cwd=cwd, capture_output=True, timeout=60)
    text = done.stdout.decode("latin-1")
    if done.returncode != 0:
        text += done.stderr.decode("latin-1").splitlines()[0] + "\n"
    return text


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_channel_program(program: Path, tmp_path: Path):
    (tmp_path / program.name).write_bytes(program.read_bytes())
    compiled = compile_script(tmp_path / program.name, tmp_path / "out.py", chunkname=program.name)
    first, second = output(compiled, tmp_path), output(compiled, tmp_path)
    assert first == second
    assert first == program.with_suffix(".out").read_text(encoding="latin-1")


def test_programs_exist():
    assert len(PROGRAMS) >= 8


def test_plain_lua_is_not_concurrent(tmp_path: Path):
    # Only a script naming channel or coroutine.spawn runs on an event loop.
    (tmp_path / "plain.lua").write_text("print(coroutine.wrap(function() coroutine.yield(1) end)())\n")
    compiled = compile_script(tmp_path / "plain.lua", tmp_path / "plain.py")
    assert "concurrent" not in compiled.read_text() and "async def" not in compiled.read_text()
    assert output(compiled, tmp_path) == "1\n"
