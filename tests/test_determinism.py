"""The build rejects workflow code that would not replay (luac2py/determinism.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_luac2py

from luac2py.build import build_app
from luac2py.determinism import check_determinism
from luac2py.diagnostics import BuildError, Diagnostics
from luac2py.driver import front_end

ROOT = Path(__file__).parent.parent

WALL_CLOCK_HINT = "use time.now(), which is workflow time and the same on replay"
RANDOM_HINT = "use uuid.v4() or crypto.random_bytes(n), which the workflow history records, or pass the value in"
IN_ACTIVITY_HINT = "do it in an activity (function.lua) and pass the result in"
IO_HINT = "do file and console I/O in an activity (function.lua)"
NO_RUNTIME_CODE_HINT = "write the code in the workflow's Lua source, or require an app module"
OWN_STATE_HINT = "keep state in locals or in a table the workflow owns"

# fixture tests/fixtures/build/determinism_<rule>: the diagnostics of its flow.lua,
# (line, col, code, message, hint), in order.
EXPECTED = {
    "clock": [
        (3, 19, "E040", "os.time is not allowed in workflow code: it reads the wall clock", WALL_CLOCK_HINT),
        (4, 19, "E040", "os.clock is not allowed in workflow code: it reads the CPU clock", "measure with time.now()"),
        (
            5, 17, "E040",
            "os.date without a time argument is not allowed in workflow code: it reads the wall clock",
            "pass the time: os.date(format, t), with t from time.now():unix()",
        ),
    ],
    "os": [
        (5, 16, "E041", "os.getenv is not allowed in workflow code: it reads the worker's environment", IN_ACTIVITY_HINT),
        (
            7, 5, "E041", "os.exit is not allowed in workflow code: it ends the worker process",
            "return from the workflow, or fail it with error()",
        ),
        (
            9, 3, "E041", "os.execute (local 'run') is not allowed in workflow code: it runs a command on the worker",
            IN_ACTIVITY_HINT,
        ),
    ],
    "random": [
        (
            4, 3, "E042", "math.randomseed is not allowed in workflow code: it seeds a generator that differs on replay",
            "pass random values in, or use uuid.v4()",
        ),
        (
            5, 16, "E042", "math.random (local 'random') is not allowed in workflow code: it gives other numbers on replay",
            RANDOM_HINT,
        ),
        (6, 16, "E042", "math.random is not allowed in workflow code: it gives other numbers on replay", RANDOM_HINT),
    ],
    "io": [
        (3, 3, "E043", "io.write is not allowed in workflow code: it reads or writes outside the workflow history", IO_HINT),
        (4, 16, "E043", "io.open is not allowed in workflow code: it reads or writes outside the workflow history", IO_HINT),
        (5, 3, "E043", "io.stdout is not allowed in workflow code: it reads or writes outside the workflow history", IO_HINT),
    ],
    "load": [
        (3, 16, "E044", "load is not allowed in workflow code: it compiles code at run time", NO_RUNTIME_CODE_HINT),
        (4, 3, "E044", "dofile is not allowed in workflow code: it runs a Lua file found at run time", NO_RUNTIME_CODE_HINT),
        (
            5, 17, "E044", "loadfile is not allowed in workflow code: it compiles a Lua file found at run time",
            NO_RUNTIME_CODE_HINT,
        ),
        (
            6, 17, "E044", "require of a module named at run time is not allowed in workflow code",
            "require a module by its literal name, listed under modules: or imports: of the entry",
        ),
    ],
    "global": [
        (2, 1, "E045", "assignment to global 'counter' is not allowed in workflow code", "declare it local: local counter = ..."),
        (
            3, 10, "E045", "assignment to global 'helper' is not allowed in workflow code",
            "declare it local: local function helper() ... end",
        ),
        (7, 3, "E045", "assignment to global 'counter' is not allowed in workflow code", "declare it local: local counter = ..."),
        (8, 3, "E045", "assignment to global 'last' is not allowed in workflow code", OWN_STATE_HINT),
        (9, 3, "E045", "assignment to global 'total' is not allowed in workflow code", OWN_STATE_HINT),
    ],
    "module": [
        (
            2, 14, "E046", "module 'http_client' is not allowed in workflow code",
            "call it from an activity (function.lua) with funcs.call",
        ),
    ],
}


def fixture(case: str) -> str:
    return f"tests/fixtures/build/determinism_{case}"


def build_errors(case: str, out: Path) -> list:
    with pytest.raises(BuildError) as info:
        build_app(f"{fixture(case)}/app.yaml", out)
    return info.value.diagnostics


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_each_rule_is_reported_where_it_happens(case: str, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(ROOT)
    diagnostics = build_errors(case, tmp_path / "out")
    found = [(d.file, d.line, d.col, d.code, d.severity, d.message, d.hint) for d in diagnostics]
    flow = f"{fixture(case)}/flow.lua"
    assert found == [(flow, line, col, code, "error", message, hint) for line, col, code, message, hint in EXPECTED[case]]
    assert not (tmp_path / "out").exists()


def test_cli_prints_every_problem_with_its_hint_and_fails(tmp_path: Path):
    r = run_luac2py("build", f"{fixture('clock')}/app.yaml", "-o", str(tmp_path / "out"), cwd=ROOT)
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    flow = f"{fixture('clock')}/flow.lua"
    expected = []
    for line, col, _code, message, hint in EXPECTED["clock"]:
        expected += [f"{flow}:{line}:{col}: error: {message}", f"  hint: {hint}"]
    assert r.stderr.splitlines() == expected
    assert not (tmp_path / "out").exists()


def test_a_file_with_three_problems_reports_all_three(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(ROOT)
    diagnostics = build_errors("several", tmp_path / "out")
    assert [(d.line, d.col, d.code) for d in diagnostics] == [(3, 15, "E040"), (4, 18, "E042"), (5, 3, "E045")]


def test_activities_may_do_all_of_it(tmp_path: Path, monkeypatch):
    """The same calls, global writes and http_client in a function.lua entry build."""
    monkeypatch.chdir(ROOT)
    out = build_app(f"{fixture('in_activity')}/app.yaml", tmp_path / "out")
    assert (out / "app" / "activities.py").is_file()


def test_deterministic_forms_build_in_a_workflow(tmp_path: Path, monkeypatch):
    """os.date with a time, os.difftime, assigning a local, reading globals."""
    monkeypatch.chdir(ROOT)
    out = build_app(f"{fixture('allowed')}/app.yaml", tmp_path / "out")
    assert (out / "app" / "workflows.py").is_file()


def test_rejected_workflow_leaves_previous_output(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = build_app(f"{fixture('allowed')}/app.yaml", tmp_path / "out")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    build_errors("clock", out)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def workflow_codes(source: str) -> list[str]:
    diags = Diagnostics()
    chunk, _root, _resolver = front_end(source, "flow.lua", diags)
    check_determinism(chunk, "flow.lua", diags)
    return [d.code for d in diags.items]


@pytest.mark.parametrize(
    "source, codes",
    [
        ("local o = os\nlocal t = o.time\nreturn t()", ["E040"]),
        ("local clock <const> = os.clock\nreturn clock()", ["E040"]),
        ('local m = require("math")\nreturn m.random()', ["E042"]),
        ("return _G.os.time(), _ENV.math.random()", ["E040", "E042"]),
        ('return os["time"]()', ["E040"]),
        ("return pcall(os.time)", ["E040"]),
        ("local t = os.time\nt = nil", ["E040"]),
        ("local function f() return io end\nreturn f", ["E043"]),
        ('local r = require\nreturn r(name), pcall(require, "json")', ["E044", "E044"]),
        ("local _ENV = _G\nx = 1", ["E045"]),
        ('rawset(_G, "x", 1)', ["E045"]),
        ("local g = _G\nfunction g.helper() end\nfunction g:method() end", ["E045", "E045"]),
        ("return os.date('%Y', nil)", ["E040"]),
    ],
)
def test_library_is_followed_through_simple_aliases(source: str, codes: list[str]):
    assert workflow_codes(source) == codes


@pytest.mark.parametrize(
    "source",
    [
        "local os = {time = function() return 1 end}\nreturn os.time()",
        "local o = os\no = {time = function() return 0 end}\nreturn o.time()",
        "local _ENV = {x = 0}\nx = 1",
        "local count = 0\nlocal function bump() count = count + 1 end\nlocal function helper() end",
        "local t = {}\nt.io, t.random = 1, 2\nreturn t.io, print, tostring(math.pi)",
        "return os.date('%Y', 0), os.date(...), os.difftime(2, 1)",
    ],
)
def test_deterministic_code_is_not_flagged(source: str):
    assert workflow_codes(source) == []


def test_an_import_named_like_a_forbidden_module_is_an_app_module():
    diags = Diagnostics()
    chunk, _root, _resolver = front_end('local http = require("http")\nreturn http', "flow.lua", diags)
    check_determinism(chunk, "flow.lua", diags, imported=frozenset({"http"}))
    assert diags.items == []
