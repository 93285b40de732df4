"""``require`` judged per entry (luac2py/requires.py): a file shared by
entries with different ``modules:`` builds; an unlisted module at a file's
top level is a build error naming the entry, one in code the entry's method
reaches a warning and, when it runs, Lua's error naming the module; code
only other entries reach is nothing for the entry. Library code reached
from workflows gets the determinism checks, at the library's own lines."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import sys
import textwrap
from pathlib import Path

import pytest

from luac2py.build import build_app
from luac2py.diagnostics import BuildError

HEADER = """\
version: "1.0"
namespace: rq
entries:
  - {name: client, kind: temporal.client}
  - {name: worker, kind: temporal.worker, client: client, task_queue: rq}
"""

# One file, two entries: `plain` lists nothing, `coded` lists json.
SHARED = """\
local function encode(x)
  local json = require("json")
  return json.encode(x)
end

local function plain(x)
  return x
end

local function coded(x)
  return encode(x)
end

return {plain = plain, coded = coded}
"""


def write_app(folder: Path, entries: str, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    app = folder / "app.yaml"
    app.write_text(HEADER + entries, encoding="utf-8")
    return app


def build(app: Path, package: str) -> tuple[Path, list[str]]:
    """Build ``app``; (output folder, rendered warnings)."""
    warnings = []
    with contextlib.chdir(app.parent):
        out = build_app(app, app.parent / "out", package=package, on_warning=lambda d: warnings.append(d.render()))
    return out.resolve(), warnings


def build_errors(app: Path) -> list[str]:
    with contextlib.chdir(app.parent), pytest.raises(BuildError) as info:
        build_app(app, app.parent / "out")
    return [d.render() for d in info.value.diagnostics]


def function_entry(name: str, method: str, modules: str = "[]", source: str = "shared.lua") -> str:
    return f"""
  - name: {name}
    kind: function.lua
    source: file://{source}
    method: {method}
    modules: {modules}
"""


def test_entries_sharing_a_file_with_different_modules_build_without_warnings(tmp_path):
    entries = function_entry("plain", "plain") + function_entry("coded", "coded", "[json]")
    app = write_app(tmp_path, entries, {"shared.lua": SHARED})
    out, warnings = build(app, "rq_shared")
    assert warnings == []  # encode is reached by `coded` only, which lists json
    assert (out / "rq_shared" / "lua" / "shared.py").is_file()


def test_an_unlisted_module_at_the_top_level_is_an_error_naming_the_entry(tmp_path):
    source = 'local json = require("json")\n\nreturn {plain = function(x) return x end, coded = function(x) return json.encode(x) end}\n'
    entries = function_entry("plain", "plain") + function_entry("coded", "coded", "[json]")
    app = write_app(tmp_path, entries, {"shared.lua": source})
    assert build_errors(app) == [
        "shared.lua:1:14: error: module 'json' is not available to entry rq:plain: it is not in its modules or imports"
        "\n  hint: add 'json' under modules: of rq:plain in app.yaml"
    ]


def test_an_unlisted_module_in_reached_code_warns_and_fails_when_it_runs(tmp_path):
    entries = function_entry("coded", "coded")
    app = write_app(tmp_path, entries, {"shared.lua": SHARED})
    out, warnings = build(app, "rq_warned")
    assert warnings == [
        "shared.lua:2:16: warning: module 'json' is not available to entry rq:coded: it is not in its modules or "
        "imports; this require fails when it runs\n  hint: add 'json' under modules: of rq:coded in app.yaml"
    ]
    sys.path.insert(0, str(out))
    package = importlib.import_module("rq_warned")
    from luac2py.runtime.temporal.client import CallFailed

    with pytest.raises(CallFailed) as info:
        asyncio.run(package.call("rq:coded", {"a": 1}))
    assert info.value.message.startswith("shared.lua:2: module 'json' not found:")


def test_a_library_gets_its_own_module_rules(tmp_path):
    entries = """
  - name: uses
    kind: function.lua
    source: file://uses.lua
    method: main
    imports: {helper: rq:helper}
  - name: helper
    kind: library.lua
    source: file://helper.lua
"""
    files = {
        "uses.lua": 'local helper = require("helper")\nreturn {main = function(x) return helper.twice(x) end}\n',
        # Every function a library returns may be called: all of it is reached.
        "helper.lua": 'local M = {}\nfunction M.twice(x) return x * 2 end\n'
        'function M.encoded(x) return require("json").encode(x) end\nreturn M\n',
    }
    _, warnings = build(write_app(tmp_path, entries, files), "rq_library")
    assert warnings == [
        "helper.lua:3:30: warning: module 'json' is not available to entry rq:helper: it is not in its modules or "
        "imports; this require fails when it runs\n  hint: add 'json' under modules: of rq:helper in app.yaml"
    ]


def test_workflow_rules_apply_to_a_library_workflows_import(tmp_path):
    entries = """
  - name: flow
    kind: workflow.lua
    source: file://flow.lua
    method: main
    imports: {stamp: rq:stamp}
    meta: {temporal: {workflow: {worker: worker}}}
  - name: stamp
    kind: library.lua
    source: file://stamp.lua
"""
    files = {
        "flow.lua": 'local stamp = require("stamp")\nreturn {main = function() return stamp.now() end}\n',
        "stamp.lua": "local M = {}\n\nfunction M.now()\n  return os.time() + math.random(10)\nend\n\nreturn M\n",
    }
    errors = build_errors(write_app(tmp_path, entries, files))
    assert [e.split(": error: ")[0] for e in errors] == ["stamp.lua:4:10", "stamp.lua:4:22"]
    assert "os.time is not allowed in workflow code" in errors[0]
    assert "math.random is not allowed in workflow code" in errors[1]


def test_a_library_only_activities_import_is_not_checked_for_determinism(tmp_path):
    entries = """
  - name: step
    kind: function.lua
    source: file://step.lua
    method: main
    imports: {stamp: rq:stamp}
    meta: {temporal: {activity: {worker: worker}}}
  - name: stamp
    kind: library.lua
    source: file://stamp.lua
"""
    files = {
        "step.lua": 'local stamp = require("stamp")\nreturn {main = function() return stamp.now() end}\n',
        "stamp.lua": "return {now = function() return os.time() end}\n",
    }
    out, warnings = build(write_app(tmp_path, entries, files), "rq_activity_library")
    assert warnings == []
    assert (out / "rq_activity_library" / "lua" / "stamp.py").read_text(encoding="utf-8").startswith(
        '"""stamp.lua as activity code'
    )


def test_an_import_cycle_fails_when_it_loads(tmp_path):
    entries = """
  - name: uses
    kind: function.lua
    source: file://uses.lua
    method: main
    imports: {a: rq:a}
  - name: a
    kind: library.lua
    source: file://a.lua
    imports: {b: rq:b}
  - name: b
    kind: library.lua
    source: file://b.lua
    imports: {a: rq:a}
"""
    files = {
        "uses.lua": 'return {main = function() return require("a").name end}\n',
        "a.lua": 'local b = require("b")\nreturn {name = "a"}\n',
        "b.lua": 'local a = require("a")\nreturn {name = "b"}\n',
    }
    out, _ = build(write_app(tmp_path, entries, files), "rq_cycle")
    sys.path.insert(0, str(out))
    package = importlib.import_module("rq_cycle")
    from luac2py.runtime.temporal.client import CallFailed

    with pytest.raises(CallFailed, match="library 'rq:a' requires itself while it loads"):
        asyncio.run(package.call("rq:uses"))
