"""What each construct lowers to, shown in pairs of files.

Every ``tests/lowering/<area>/<name>.lua`` is compiled (black-formatted, as a
reader sees it) and compared byte for byte with ``<name>.py`` beside it.
Files under ``wippy/`` compile as workflow code, except ``wippy/activity_*``
which compile as activity code; every other area compiles as a script.

A change meant to alter the generated code rewrites the expected files, and
the differences are reviewed with it:

    LUAC2PY_UPDATE_LOWERING=1 pytest tests/test_lowering.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from luac2py.analyse import Unit
from luac2py.diagnostics import BuildError, Diagnostics
from luac2py.driver import front_end, lower_chunk, render_chunk
from luac2py.parse import run_deep

LOWERING = Path(__file__).resolve().with_name("lowering")
UPDATE = os.environ.get("LUAC2PY_UPDATE_LOWERING") == "1"


def role_of(chunkname: str) -> str:
    """``wippy/activity_*.lua`` -> activity, ``wippy/*`` -> workflow, else script."""
    area, _, name = chunkname.partition("/")
    if area != "wippy":
        return "script"
    return "activity" if name.startswith("activity_") else "workflow"


def lowered(text: str, chunkname: str, role: str) -> str:
    diags = Diagnostics()

    def work():
        front = front_end(text, chunkname, diags)
        diags.check()
        module, lowerer, names = lower_chunk(front, chunkname, diags, Unit(), role)
        diags.check()
        return render_chunk(module, lowerer, names, chunkname, f'"""{chunkname} as {role} code."""\n\n')

    return run_deep(work)


def programs() -> list[Path]:
    return sorted(LOWERING.rglob("*.lua"))


def test_programs_exist():
    names = {p.relative_to(LOWERING).parts[0] for p in programs()}
    expected = {"core", "control", "functions", "tables", "metatables", "strings", "errors", "coroutines", "wippy"}
    assert expected <= names, f"areas without programs: {sorted(expected - names)}"


def test_lowering_matches_expected_files():
    failed: list[str] = []  # compile errors
    missing: list[str] = []
    differing: list[tuple[str, str, str]] = []  # (name, expected, actual)
    for lua in programs():
        chunkname = lua.relative_to(LOWERING).as_posix()
        expected_path = lua.with_suffix(".py")
        try:
            actual = lowered(lua.read_text(encoding="utf-8"), chunkname, role_of(chunkname))
        except BuildError as e:
            failed.append(f"{chunkname}: " + "; ".join(d.render() for d in e.diagnostics))
            continue
        if UPDATE:
            if not expected_path.exists() or expected_path.read_bytes() != actual.encode("utf-8"):
                expected_path.write_bytes(actual.encode("utf-8"))
            continue
        if not expected_path.exists():
            missing.append(expected_path.relative_to(LOWERING).as_posix())
            continue
        expected = expected_path.read_bytes().decode("utf-8")
        if expected != actual:
            differing.append((expected_path.relative_to(LOWERING).as_posix(), expected, actual))

    # An expected file whose program is gone.
    orphans = [
        py.relative_to(LOWERING).as_posix() for py in sorted(LOWERING.rglob("*.py")) if not py.with_suffix(".lua").exists()
    ]
    if UPDATE:
        for name in orphans:
            (LOWERING / name).unlink()
        orphans = []

    problems = []
    if failed:
        problems.append("programs that do not compile:\n  " + "\n  ".join(failed))
    if missing:
        problems.append("expected files missing:\n  " + "\n  ".join(missing))
    if orphans:
        problems.append("expected files without a program:\n  " + "\n  ".join(orphans))
    if differing:
        problems.append("lowering differs from:\n  " + "\n  ".join(name for name, _, _ in differing))
        name, expected, actual = differing[0]
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"{name} (expected)",
            tofile=f"{name} (compiled)",
        )
        problems.append(f"diff of {name}:\n" + "".join(diff))
    if problems:
        problems.append("if the change is intended: LUAC2PY_UPDATE_LOWERING=1 pytest tests/test_lowering.py")
        raise AssertionError("\n\n".join(problems))
