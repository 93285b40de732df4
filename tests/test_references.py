"""W310: literal entry IDs in funcs/workflow/process calls that name no entry of
the right kind are warnings, printed on every build; ``--strict`` makes them errors."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import run_luac2py

from luac2py.build import build_app
from luac2py.diagnostics import BuildError

ROOT = Path(__file__).parent.parent

APP_YAML = """\
version: "1.0"
namespace: myapp
entries:
  - name: client
    kind: temporal.client
  - name: worker
    kind: temporal.worker
    client: client
    task_queue: q
  - name: flow
    kind: workflow.lua
    source: file://flow.lua
    modules: [funcs, workflow]
    meta:
      temporal:
        workflow:
          worker: worker
  - name: greet
    kind: function.lua
    source: file://greet.lua
    meta:
      temporal:
        activity:
          worker: worker
"""

GREET_LUA = """\
local function main(name)
  return "hello " .. name
end
return { main = main }
"""

MISSPELLED = """\
local funcs = require("funcs")
local function main(input)
  return funcs.call("myapp:gret", input)
end
return { main = main }
"""

MAIN_WARNING = (
    "flow.lua:3:21: warning: 'myapp:gret' is not a function entry of this app; "
    "the call will fail with NOT_FOUND at run time\n"
    "  hint: did you mean 'myapp:greet'?"
)


def make_app(folder: Path, flow: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "app.yaml").write_text(APP_YAML)
    (folder / "greet.lua").write_text(GREET_LUA)
    (folder / "flow.lua").write_text(flow)
    return folder / "app.yaml"


def workflow_source(body: str) -> str:
    """``body`` as the workflow's main function."""
    return (
        'local funcs = require("funcs")\nlocal workflow = require("workflow")\n'
        f"local function main(input)\n{body}\nend\nreturn {{ main = main }}\n"
    )


def warnings_of(tmp_path: Path, monkeypatch, flow: str) -> list[str]:
    monkeypatch.chdir(tmp_path)
    make_app(tmp_path, flow)
    found = []
    build_app("app.yaml", "out", on_warning=lambda d: found.append(d.render()))
    return found


def cli(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return run_luac2py(*args, cwd=folder)


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_misspelled_activity_warns_and_builds(tmp_path: Path):
    make_app(tmp_path, MISSPELLED)
    r = cli(tmp_path, "build", "app.yaml", "-o", "out")
    assert r.returncode == 0, r.stderr
    assert r.stderr == MAIN_WARNING + "\nwrote out\n"
    assert (tmp_path / "out" / "myapp" / "workflows.py").is_file()


def test_unchanged_rebuild_warns_again(tmp_path: Path):
    make_app(tmp_path, MISSPELLED)
    first = cli(tmp_path, "build", "app.yaml", "-o", "out")
    built = (tmp_path / "out" / "myapp" / "workflows.py").stat().st_mtime_ns
    second = cli(tmp_path, "build", "app.yaml", "-o", "out")
    assert second.returncode == 0
    assert second.stderr == first.stderr == MAIN_WARNING + "\nwrote out\n"
    # The second build came from the cache: nothing was rewritten.
    assert (tmp_path / "out" / "myapp" / "workflows.py").stat().st_mtime_ns == built


def test_strict_fails_and_leaves_previous_output(tmp_path: Path):
    make_app(tmp_path, workflow_source('  return funcs.call("myapp:greet", input)'))
    assert cli(tmp_path, "build", "app.yaml", "-o", "out").returncode == 0
    before = tree(tmp_path / "out")
    (tmp_path / "flow.lua").write_text(MISSPELLED)
    r = cli(tmp_path, "build", "app.yaml", "-o", "out", "--strict")
    assert r.returncode == 1
    assert r.stderr == MAIN_WARNING.replace("warning:", "error:") + "\n"
    assert tree(tmp_path / "out") == before


def test_strict_fails_on_an_unchanged_rebuild(tmp_path: Path):
    make_app(tmp_path, MISSPELLED)
    assert cli(tmp_path, "build", "app.yaml", "-o", "out").returncode == 0
    r = cli(tmp_path, "build", "app.yaml", "-o", "out", "--strict")
    assert r.returncode == 1
    assert r.stderr.startswith("flow.lua:3:21: error: 'myapp:gret' is not a function entry")


def test_run_strict_fails_at_the_build(tmp_path: Path):
    make_app(tmp_path, MISSPELLED)
    r = cli(tmp_path, "run", "app.yaml", "--strict")
    assert r.returncode == 1
    assert r.stderr == MAIN_WARNING.replace("warning:", "error:") + "\n"


def test_strict_in_process_raises(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_app(tmp_path, MISSPELLED)
    with pytest.raises(BuildError) as info:
        build_app("app.yaml", "out", strict=True)
    assert [d.render() for d in info.value.diagnostics] == [MAIN_WARNING.replace("warning:", "error:")]
    assert not (tmp_path / "out").exists()


def test_executor_chain_and_local_executor(tmp_path: Path, monkeypatch):
    found = warnings_of(tmp_path, monkeypatch, workflow_source(
        '  local a = funcs.new():with_context{a=1}:call("myapp:gret")\n'
        "  local ex = funcs.new():with_options({})\n"
        '  local b = ex:call("myapp:gret")\n'
        "  return a, b"
    ))
    assert [w.split(": warning: ")[0] for w in found] == ["flow.lua:4:48", "flow.lua:6:21"]
    assert all("'myapp:gret' is not a function entry" in w and "did you mean 'myapp:greet'?" in w for w in found)


NOT_FOUND = "the call will fail with NOT_FOUND at run time"
WARNING_CASES = {
    "workflow.exec of an activity": (
        '  return workflow.exec("myapp:greet", input)',
        [f"flow.lua:4:24: warning: 'myapp:greet' is a function entry, not a workflow entry; {NOT_FOUND}"],
    ),
    "process.spawn and a builder": (
        '  process.spawn("myapp:flwo", "myapp:worker")\n'
        '  process.with_options{}:with_name("x"):spawn("myapp:flw", "myapp:worker")\n'
        "  local b = process.with_context({})\n"
        '  b:spawn_monitored("myapp:flow", "myapp:worker")',
        [
            f"flow.lua:4:17: warning: 'myapp:flwo' is not a workflow or process entry of this app; {NOT_FOUND}"
            "\n  hint: did you mean 'myapp:flow'?",
            f"flow.lua:5:47: warning: 'myapp:flw' is not a workflow or process entry of this app; {NOT_FOUND}"
            "\n  hint: did you mean 'myapp:flow'?",
        ],
    ),
    # The runtime takes IDs as written, so "greet" is not "myapp:greet".
    "an ID without namespace": (
        '  return funcs.call("greet")',
        [
            f"flow.lua:4:21: warning: 'greet' is not a function entry of this app; {NOT_FOUND}"
            "\n  hint: did you mean 'myapp:greet'?"
        ],
    ),
    "correct and computed IDs": (
        '  local a = funcs.call("myapp:greet", input)\n'
        "  local b = funcs.call(input.id)\n"
        '  local c = funcs.call("myapp:" .. input.name)\n'
        '  local e = workflow.exec("myapp:flow")\n'
        "  return a, b, c, e",
        [],
    ),
    "shadowed modules": (
        "  local funcs = {call = function() end}\n"
        '  funcs.call("myapp:gret")\n'
        "  local process = {spawn = function() end}\n"
        '  process.spawn("myapp:nothing")',
        [],
    ),
}


@pytest.mark.parametrize("case", sorted(WARNING_CASES))
def test_warnings(case: str, tmp_path: Path, monkeypatch):
    body, expected = WARNING_CASES[case]
    assert warnings_of(tmp_path, monkeypatch, workflow_source(body)) == expected


@pytest.mark.parametrize("example", ["orders", "tour"])
def test_examples_build_without_warnings(example: str, tmp_path: Path):
    r = run_luac2py("build", f"examples/{example}/app.yaml", "-o", str(tmp_path / "out"), cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stderr == f"wrote {tmp_path / 'out'}\n"
