"""The compiler's output, pinned: a digest of what every differential
program, benchmark program and app of the repository compiles to.

Refactorings of the compiler must leave it byte-identical; a change meant to
alter the generated code updates the digests, in its own commit:

    LUAC2PY_UPDATE_DIGESTS=1 pytest tests/test_lowering_unchanged.py

Scripts are compiled unformatted (black only reflows them); apps through the
whole build, so templates count too."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from luac2py.build import compile_app, package_name
from luac2py.diagnostics import BuildError, Diagnostics
from luac2py.driver import front_end, lower_chunk, render_chunk
from luac2py.load import load_app
from luac2py.analyse import Unit
from luac2py.parse import run_deep

ROOT = Path(__file__).resolve().parent.parent
DIGESTS = Path(__file__).with_name("lowering_digests.json")
APPS = [
    *sorted((ROOT / "examples").glob("*/app.yaml")),
    ROOT / "bench" / "workflow_app" / "app.yaml",
    *sorted((ROOT / "tests" / "fixtures" / "apps").glob("*/app.yaml")),
]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def compiled_script(text: str, chunkname: str) -> str:
    diags = Diagnostics()

    def work():
        front = front_end(text, chunkname, diags)
        if front is None or diags.errors:
            return "errors: " + "\n".join(d.render() for d in diags.items)
        module, lowerer, names = lower_chunk(front, chunkname, diags, Unit(), "script")
        if diags.errors:
            return "errors: " + "\n".join(d.render() for d in diags.items)
        return render_chunk(module, lowerer, names, chunkname, "", format_code=False)

    return run_deep(work)


def compiled_app(app_yaml: Path) -> str:
    diags = Diagnostics()
    app = load_app(app_yaml, diags)
    assert app is not None, [d.render() for d in diags.items]
    try:
        files = compile_app(app, package_name(app, None), diags)
    except BuildError as e:
        return "errors: " + str(e)
    return "".join(f"--- {name}\n{files[name]}" for name in sorted(files))


def current_digests() -> dict[str, str]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from compute import PROGRAMS
    finally:
        sys.path.remove(str(ROOT / "bench"))
    out = {}
    for path in sorted((ROOT / "tests" / "lua").rglob("*.lua")):
        name = path.relative_to(ROOT).as_posix()
        out[name] = _digest(compiled_script(path.read_bytes().decode("latin-1"), path.name))
    for p in PROGRAMS:
        out[f"bench/compute.py:{p.name}"] = _digest(compiled_script(p.lua, f"{p.name}.lua"))
    for app in APPS:
        out[app.relative_to(ROOT).as_posix()] = _digest(compiled_app(app))
    return out


def test_generated_code_is_unchanged():
    digests = current_digests()
    if os.environ.get("LUAC2PY_UPDATE_DIGESTS"):
        DIGESTS.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n")
    pinned = json.loads(DIGESTS.read_text(encoding="utf-8"))
    changed = sorted(name for name in digests.keys() & pinned.keys() if digests[name] != pinned[name])
    assert changed == [], f"{len(changed)} programs compile differently (update: LUAC2PY_UPDATE_DIGESTS=1)"
    assert sorted(digests.keys() ^ pinned.keys()) == [], "programs added or removed: update the digests"
