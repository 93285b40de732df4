"""The official Lua 5.4 test suite (lua/lua, folder testes/ at tag v5.4.8), run
unmodified in script mode with ``_port=true``. Its files are not part of this
repository: point ``LUAC2PY_LUA_TESTES`` at a checkout's ``testes`` folder
(e.g. ``git -C lua show v5.4.8:testes/...``) to run these; they are skipped
otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTES = os.environ.get("LUAC2PY_LUA_TESTES")

# The 19 core files of issue 3 and whether they pass today.
EXPECTED = {
    "attrib": True, "bitwise": True, "calls": True, "closure": False, "constructs": True,
    "coroutine": False, "errors": False, "events": True, "goto": True, "literals": True,
    "locals": False, "math": True, "nextvar": True, "pm": True, "sort": True, "strings": True,
    "tpack": True, "utf8": True, "vararg": True,
}  # fmt: skip

RUNNER = """
import importlib.util, sys, threading
sys.setrecursionlimit(200000)
threading.stack_size(512 * 1024 * 1024)
spec = importlib.util.spec_from_file_location("testes_module", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
from luac2py.runtime.env import new_env
env = new_env(search_files=True)
env["_port"] = True
env["_soft"] = True
status = []
def main():
    try:
        module.chunk(env)
        status.append(0)
    except BaseException as e:
        print("FAILED:", e, file=sys.stderr)
        status.append(1)
thread = threading.Thread(target=main)
thread.start()
thread.join()
sys.stdout.flush()
import os
os._exit(status[0] if status else 1)
"""


@pytest.mark.skipif(not TESTES, reason="set LUAC2PY_LUA_TESTES to lua/lua's testes folder (v5.4.8)")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_official_file(name: str, tmp_path: Path):
    from luac2py.driver import compile_script

    source = Path(TESTES) / f"{name}.lua"
    compiled = compile_script(source, tmp_path / f"{name}.py", chunkname=f"{name}.lua")
    try:
        run = subprocess.run(
            [sys.executable, "-c", RUNNER, str(compiled)], cwd=TESTES, capture_output=True, timeout=120
        )
        passed = run.returncode == 0
    except subprocess.TimeoutExpired:
        passed = False
    if EXPECTED[name]:
        assert passed, run.stderr.decode("latin-1")[-2000:]
    elif passed:
        pytest.fail(f"{name}.lua passes now: mark it as passing in EXPECTED")
