"""Ordinary code: function entries without meta.temporal
(tests/fixtures/apps/ordinary) run in-process, from Python
(``await PKG.call``), from the package's command line (``python -m PKG
call``) and from ``luac2py run --entry`` (on a real dev server, whose
workers serve meanwhile); ``funcs.call`` from ordinary code runs another
function entry directly with Wippy's ``result, err``."""

from __future__ import annotations

import importlib
import json

import pytest
from helpers import FIXTURE_APPS, run_luac2py, run_package_cli

REPORT_INPUT = {"name": "north", "items": [1, 2, 3]}
REPORT = {"name": "north", "count": 3, "encoded": '{"n":3}'}


@pytest.fixture(scope="module")
def ordinary_app(compiled_app):
    return compiled_app("ordinary")


@pytest.fixture(scope="module")
def package(ordinary_app):
    return importlib.import_module(ordinary_app.package)


@pytest.mark.asyncio
async def test_call_from_python_returns_the_first_result(package, capfd):
    assert await package.call("ordinary:report", REPORT_INPUT) == REPORT
    assert capfd.readouterr().out == "reporting on north\n"


@pytest.mark.asyncio
async def test_call_from_python_raises_for_an_error_result_and_a_lua_error(package):
    from luac2py.runtime.temporal.client import CallFailed

    with pytest.raises(CallFailed) as refused:
        await package.call("ordinary:refuse")
    assert (refused.value.kind, refused.value.message, refused.value.retryable) == (
        "INVALID",
        "refused: no reason",
        False,
    )
    with pytest.raises(CallFailed) as crashed:
        await package.call("ordinary:boom")
    assert (crashed.value.kind, crashed.value.message) == ("INTERNAL", "functions.lua:14: boom")
    with pytest.raises(KeyError, match="unknown function 'ordinary:greeting'"):
        await package.call("ordinary:greeting")  # a library, not a function


@pytest.mark.asyncio
async def test_funcs_call_from_ordinary_code_runs_the_function_here(package):
    assert await package.call("ordinary:caller", REPORT_INPUT) == {
        "count": 3,
        "ok": True,
        "refused": "INVALID refused: no reason",
        "crashed": "functions.lua:14: boom",
        "missing": "NOT_FOUND",
    }


@pytest.mark.asyncio
async def test_ordinary_code_requires_a_library_through_imports(package):
    assert await package.call("ordinary:greet", "ada") == '{"greeting":"hello ada"}'


def test_package_cli_call(ordinary_app):
    done = run_package_cli(ordinary_app.package, ordinary_app.folder, "call", "ordinary:report", "--input",
                           json.dumps(REPORT_INPUT))  # fmt: skip
    assert done.returncode == 0, done.stderr
    printed, result = done.stdout.splitlines()
    assert printed == "reporting on north" and json.loads(result) == REPORT

    refused = run_package_cli(ordinary_app.package, ordinary_app.folder, "call", "ordinary:refuse")
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr.splitlines()[-1] == "error: INVALID: refused: no reason"

    unknown = run_package_cli(ordinary_app.package, ordinary_app.folder, "call", "ordinary:nope")
    assert unknown.returncode == 2 and "unknown function 'ordinary:nope'" in unknown.stderr


def test_luac2py_run_calls_an_ordinary_entry(module_dev_server_address, tmp_path):
    app = str(FIXTURE_APPS / "ordinary" / "app.yaml")

    def run(entry, *args):
        return run_luac2py("run", app, "--entry", entry, "--address", module_dev_server_address, *args, cwd=tmp_path)

    done = run("ordinary:report", "--input", json.dumps(REPORT_INPUT))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["reporting on north", json.dumps(REPORT, separators=(",", ":"))]

    refused = run("ordinary:refuse")
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr.splitlines()[-1] == "error: INVALID: refused: no reason"

    crashed = run("ordinary:boom")
    assert (crashed.returncode, crashed.stdout) == (1, "")
    assert crashed.stderr.splitlines()[-1] == "error: INTERNAL: functions.lua:14: boom"
    assert "Traceback" not in crashed.stderr
