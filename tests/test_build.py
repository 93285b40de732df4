"""The build: golden output, determinism, diagnostics, atomic output."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_luac2py

from luac2py.build import build_app
from luac2py.diagnostics import BuildError

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/app.yaml"))
FIXTURES = Path(__file__).parent / "fixtures"


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.mark.parametrize("app", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_generated_is_up_to_date(app: Path, tmp_path: Path, monkeypatch):
    """generated/<example> is exactly what the compiler makes of examples/<example>."""
    monkeypatch.chdir(ROOT)
    out = build_app(app.relative_to(ROOT), tmp_path / "out")
    committed = ROOT / "generated" / app.parent.name
    assert committed.is_dir(), f"generated/{app.parent.name} is missing: run luac2py build {app.relative_to(ROOT)} -o generated/{app.parent.name}"
    assert tree(out) == tree(committed), (
        f"generated/{app.parent.name} is out of date: run luac2py build "
        f"{app.relative_to(ROOT)} -o generated/{app.parent.name}"
    )


def test_build_is_deterministic(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr("luac2py.build.CACHE_FILE", tmp_path / "cache.json")
    a = build_app("examples/orders/app.yaml", tmp_path / "a")
    b = build_app("examples/orders/app.yaml", tmp_path / "b")
    assert tree(a) == tree(b)
    assert len(tree(a)) > 8


def test_output_is_black_formatted(tmp_path: Path, monkeypatch):
    import black

    monkeypatch.chdir(ROOT)
    out = build_app("examples/orders/app.yaml", tmp_path / "out")
    mode = black.Mode(line_length=100)
    for rel, data in tree(out).items():
        if rel.endswith(".py"):
            text = data.decode()
            assert black.format_str(text, mode=mode) == text, rel


BAD = {
    # fixture: (expected first diagnostic, exact)
    "build/lua_syntax": "tests/fixtures/build/lua_syntax/flow.lua:3:13: error: unexpected symbol near '='",
    "build/missing_method": "tests/fixtures/build/missing_method/app.yaml:22:13: error: "
    "'tests/fixtures/build/missing_method/step.lua' does not export 'run' (entry app:step)",
    "build/unlisted_module": "tests/fixtures/build/unlisted_module/flow.lua:2:14: error: module 'json' is not "
    "available to entry app:flow: it is not in its modules or imports",
    "load/e012_source_missing": None,
    "load/e008_unknown_kind": None,
    "load/e014_workflow_no_worker": None,
    "load/e013_source_outside": None,
    "load/e018_unknown_module": None,
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_a_diagnostic_not_a_traceback(case: str, tmp_path: Path):
    app = FIXTURES / case / "app.yaml"
    r = run_luac2py("build", str(app.relative_to(ROOT)), "-o", str(tmp_path / "out"), cwd=ROOT)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    first = r.stderr.splitlines()[0]
    expected = BAD[case]
    if expected is not None:
        assert first == expected
    else:
        # file:line:col: error: message
        path, line, col, rest = first.split(":", 3)
        assert Path(ROOT / path).exists() and int(line) > 0 and int(col) > 0
        assert rest.startswith(" error: ")
    assert not (tmp_path / "out").exists()


def test_every_error_is_reported(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(ROOT)
    with pytest.raises(BuildError) as info:
        build_app("tests/fixtures/build/several_errors/app.yaml", tmp_path / "out")
    rendered = [d.render() for d in info.value.diagnostics]
    assert rendered == [
        "tests/fixtures/build/several_errors/flow.lua:6:3: error: break outside loop at line 3",
        "tests/fixtures/build/several_errors/step.lua:3:1: error: unexpected symbol near 'end'",
    ]


def test_failed_build_leaves_previous_output(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = build_app("examples/orders/app.yaml", tmp_path / "out")
    before = tree(out)
    with pytest.raises(BuildError):
        build_app("tests/fixtures/build/lua_syntax/app.yaml", tmp_path / "out")
    assert tree(tmp_path / "out") == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "out"]
    assert leftovers == []


def test_unchanged_rebuild_is_skipped(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr("luac2py.build.CACHE_FILE", tmp_path / "cache.json")
    out = build_app("examples/orders/app.yaml", tmp_path / "out")
    stamp = (out / "orders" / "app.py").stat().st_mtime_ns
    build_app("examples/orders/app.yaml", tmp_path / "out")
    assert (out / "orders" / "app.py").stat().st_mtime_ns == stamp
    # A changed output is rebuilt, not trusted.
    (out / "orders" / "app.py").write_text("broken")
    build_app("examples/orders/app.yaml", tmp_path / "out")
    assert (out / "orders" / "app.py").read_text(encoding="utf-8") != "broken"
