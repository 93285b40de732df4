"""Wippy's own test app (public repository wippyai/runtime, folder
tests/app/src/test/<suite>) as luac2py apps, run unmodified.

Its files are not part of this repository: ``LUAC2PY_WIPPY_RUNTIME`` names a
bare git clone that holds ``COMMIT``; tests that use it are skipped without
one. A suite becomes one app: its folder byte for byte, with Wippy's
``assert`` library as the entry ``app.lib:assert`` its tests import. Each test
entry (a ``function.lua`` with ``meta.type: test``) runs as ordinary code
through ``luac2py run APP --entry ID``; Wippy's runner counts a test as passed
when it neither raises nor returns an error or false."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml

CLONE = os.environ.get("LUAC2PY_WIPPY_RUNTIME")
COMMIT = "a70f2701d6766b8c8b059d6947fd67de4629a82f"
ROOT = "tests/app/src"
# Modules outside luac2py's scope: live registry edits, SQL databases.
OUT_OF_SCOPE = {"registry", "sql"}
SKIP_REASON = "set LUAC2PY_WIPPY_RUNTIME to a bare clone of wippyai/runtime"


def _git(*args: str) -> bytes:
    return subprocess.run(["git", f"--git-dir={CLONE}", *args], capture_output=True, check=True).stdout


def test_entries(suite: str) -> list[str]:
    """The in-scope test entry IDs of ``suite`` (read from the clone)."""
    if not CLONE:
        return []
    names = _git("ls-tree", "-r", "--name-only", COMMIT, f"{ROOT}/test/{suite}").decode().split()
    out = []
    for index in (n for n in names if n.endswith("/_index.yaml")):  # a suite may have subfolders
        doc = yaml.safe_load(_git("show", f"{COMMIT}:{index}"))
        out += [
            f"{doc['namespace']}:{e['name']}"
            for e in doc.get("entries") or []
            if e.get("kind") == "function.lua"
            and (e.get("meta") or {}).get("type") == "test"
            and not OUT_OF_SCOPE & set(e.get("modules") or [])
        ]
    return out


def materialise(suite: str, folder: Path) -> Path:
    """Lay ``suite`` out under ``folder`` as an app; its root YAML."""
    names = _git("ls-tree", "-r", "--name-only", COMMIT, f"{ROOT}/test/{suite}").decode().split()
    for name in names:
        target = folder / name[len(ROOT) + 1 :]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_git("show", f"{COMMIT}:{name}"))
    lib = folder / "lib"
    lib.mkdir(exist_ok=True)
    (lib / "assert.lua").write_bytes(_git("show", f"{COMMIT}:{ROOT}/lib/assert.lua"))
    (lib / "_index.yaml").write_text(
        'version: "1.0"\nnamespace: app.lib\nentries:\n'
        "  - name: assert\n    kind: library.lua\n    source: file://assert.lua\n",
        encoding="utf-8",
    )
    root = folder / "app.yaml"
    root.write_text('version: "1.0"\nnamespace: app\nentries: []\n', encoding="utf-8")
    return root


def run_entry(app: Path, entry: str, address: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["luac2py", "run", str(app), "--entry", entry, "--address", address, "--quiet"],
        capture_output=True, text=True, timeout=180, cwd=cwd,
    )  # fmt: skip


def passed(done: subprocess.CompletedProcess) -> bool:
    """Wippy's runner's rule: a test fails when it raises, returns an error
    or returns false (a test may return a table of what it saw)."""
    lines = done.stdout.strip().splitlines()
    return done.returncode == 0 and bool(lines) and lines[-1].strip() != "false"
