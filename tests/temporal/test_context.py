"""Context values on real Temporal servers: what a starter gives
(client API ``context=``, ``python -m PKG run/start --context``, ``luac2py run
--context``) reaches the workflow, its activities (remote and local), its
child and its continue-as-new run through the ``wippy-context`` header;
``funcs.new():with_context`` values reach that one activity only; ``ctx.get``
of a missing key is ``nil, NOT_FOUND``; histories replay with the
interceptors (and only with them)."""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
import pytest_asyncio
from temporalio.api.enums.v1 import EventType
from temporalio.worker import Replayer

import real_servers

from luac2py.build import build_app
from luac2py.runtime.temporal.client import execute, handle_result, start
from luac2py.runtime.temporal.context import HEADER
from luac2py.runtime.temporal.converter import DATA_CONVERTER, to_python
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER

pytestmark = pytest.mark.asyncio(loop_scope="session")

ROOT = Path(__file__).resolve().parents[2]
APP_YAML = ROOT / "tests" / "fixtures" / "apps" / "context" / "app.yaml"

STARTER = {"user_id": "u-1", "tenant": "t-1", "roles": ["admin", "ops"], "limits": {"max": 3}}
EXECUTOR = {"extra": "from-executor", "tenant": "overridden"}


def wid(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def seen_by_activity(label: str, context: dict) -> dict:
    """What read_context.lua returns when run with ``context``."""
    seen = {"label": label, "all": context or [], "missing": "NOT_FOUND"}
    if "user_id" in context:
        seen["user_id"] = context["user_id"]
    return seen


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    """The fixture app compiled with the compiler's Python API and imported."""
    dist = build_app(APP_YAML, tmp_path_factory.mktemp("context") / "dist")
    sys.path.insert(0, str(dist))
    try:
        yield SimpleNamespace(
            dist=dist,
            app=importlib.import_module("ctxapp.app").APP,
            workflows=importlib.import_module("ctxapp.workflows").WORKFLOWS,
            activities=importlib.import_module("ctxapp.activities").ACTIVITIES,
        )
    finally:
        sys.path.remove(str(dist))


def serving(client, package):
    """The fixture app's workers on ``client``'s server for the block."""
    return real_servers.serving(client, package.app, package.workflows, package.activities)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def skipping(ts_env, package):
    """A client of the time-skipping server, the fixture app served."""
    async with serving(ts_env.client, package):
        yield ts_env.client


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def dev(dev_env, package):
    """The CLI dev server's address, the fixture app served."""
    async with serving(dev_env.client, package):
        yield dev_env.client.service_client.config.target_host


def check_main_result(result: dict, context: dict) -> None:
    with_executor = {**context, **EXECUTOR}
    assert result["workflow"] == (context or [])
    assert result["local"] == seen_by_activity("local", context)
    assert result["extra"] == seen_by_activity("extra", with_executor)
    assert result["child"] == {"workflow": context or [], "activity": seen_by_activity("from child", context)}
    assert result["missing"] == {
        "err": {"kind": "NOT_FOUND", "message": "key not found: no_such_key", "retryable": False}
    }
    assert result["empty"] == {"kind": "INVALID", "message": "empty key", "retryable": False}
    assert result["bad_context"] is False  # with_context{1, 2}: keys must be strings


def header_values(attributes) -> dict | None:
    fields = attributes.header.fields
    if HEADER not in fields:
        return None
    return to_python(DATA_CONVERTER.payload_converter.from_payload(fields[HEADER]))


async def sent_headers(handle) -> list:
    """(event type, context header) for the workflow start, activities and child starts."""
    kinds = {
        EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED: "workflow_execution_started_event_attributes",
        EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: "activity_task_scheduled_event_attributes",
        EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED: (
            "start_child_workflow_execution_initiated_event_attributes"
        ),
    }
    out = []
    async for event in handle.fetch_history_events():
        if event.event_type in kinds:
            out.append((EventType.Name(event.event_type), header_values(getattr(event, kinds[event.event_type]))))
    return out


# --- time-skipping server: the client API ---------------------------------------------


async def test_starter_context_reaches_workflow_activities_and_child(skipping, package):
    handle = await start(skipping, package.app, "ctxapp:main", {}, workflow_id=wid("ctx"), context=STARTER)
    result = await handle_result(handle)
    check_main_result(result, STARTER)
    assert result["user_id"] == "u-1" and "user_err" not in result
    assert result["plain"] == seen_by_activity("plain", STARTER)
    # On the wire: the starter's values on the start, the child and the plain
    # activity; the merge on the with_context activity only. (The local
    # activity runs in the worker and is recorded as a marker, not an event.)
    assert await sent_headers(handle) == [
        ("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED", STARTER),
        ("EVENT_TYPE_ACTIVITY_TASK_SCHEDULED", STARTER),
        ("EVENT_TYPE_ACTIVITY_TASK_SCHEDULED", {**STARTER, **EXECUTOR}),
        ("EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED", STARTER),
    ]

    history = await handle.fetch_history()
    replayer = Replayer(
        workflows=package.workflows,
        interceptors=WORKER_INTERCEPTORS,
        workflow_runner=WORKFLOW_RUNNER,
        data_converter=DATA_CONVERTER,
    )
    await replayer.replay_workflow(history)
    # Without the interceptors the workflow reads no context, schedules other
    # activities, and the replay says so.
    blind = Replayer(workflows=package.workflows, workflow_runner=WORKFLOW_RUNNER, data_converter=DATA_CONVERTER)
    replayed = await blind.replay_workflow(history, raise_on_replay_failure=False)
    assert replayed.replay_failure is not None


async def test_no_context_is_an_empty_table(skipping, package):
    handle = await start(skipping, package.app, "ctxapp:main", {}, workflow_id=wid("ctx-none"))
    result = await handle_result(handle)
    check_main_result(result, {})
    assert result["user_err"] == "NOT_FOUND" and "user_id" not in result and "plain" not in result
    assert await sent_headers(handle) == [
        ("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED", None),
        ("EVENT_TYPE_ACTIVITY_TASK_SCHEDULED", EXECUTOR),
        ("EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED", None),
    ]


async def test_context_survives_continue_as_new(skipping, package):
    context = {"user_id": "u-2", "n": 7}
    # Two continue-as-new runs, then the third returns ctx.all().
    result = await execute(skipping, package.app, "ctxapp:renewed", 3, workflow_id=wid("ctx-can"), context=context)
    assert result == context


async def test_bad_context_is_refused(skipping, package):
    with pytest.raises(ValueError, match="context keys must be strings"):
        await start(skipping, package.app, "ctxapp:main", {}, context={1: "x"})


# --- dev server: the command lines ----------------------------------------------------


def _env(package) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE")}
    env["PYTHONPATH"] = os.pathsep.join([str(package.dist), str(ROOT)])
    return env


def package_cli(package, address: str, *args) -> subprocess.CompletedProcess:
    """``python -m ctxapp ARGS --address ADDRESS``."""
    command = [sys.executable, "-m", "ctxapp", *args, "--address", address]
    return subprocess.run(command, env=_env(package), capture_output=True, timeout=120)


async def test_package_cli_context(dev, package):
    context = {"user_id": "cli-user", "tenant": "cli"}
    ran, started, bad = await asyncio.gather(
        asyncio.to_thread(
            package_cli, package, dev, "run", "ctxapp:main", "--input", "{}", "--context", json.dumps(context)
        ),
        asyncio.to_thread(
            package_cli, package, dev, "start", "ctxapp:renewed", "--input", "2", "--context", '{"user_id": "s"}'
        ),
        asyncio.to_thread(package_cli, package, dev, "run", "ctxapp:main", "--context", "[1]"),
    )
    assert ran.returncode == 0, ran.stderr.decode()
    result = json.loads(ran.stdout)
    check_main_result(result, context)
    assert result["plain"] == seen_by_activity("plain", context)

    assert started.returncode == 0, started.stderr.decode()
    done = await asyncio.to_thread(package_cli, package, dev, "result", json.loads(started.stdout)["workflow_id"])
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout) == {"user_id": "s"}

    assert bad.returncode == 2
    assert bad.stderr.decode() == "error: --context must be a JSON object\n"


async def test_luac2py_run_context(dev, package, tmp_path):
    """``luac2py run`` builds the app in its working folder and runs its own worker."""
    command = [sys.executable, "-m", "luac2py.cli", "run", str(APP_YAML), "--entry", "ctxapp:renewed", "--input", "2"]
    command += ["--context", '{"request_id": "req-abc"}', "--address", dev]
    proc = await asyncio.to_thread(
        subprocess.run, command, env=_env(package), cwd=tmp_path, capture_output=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout) == {"request_id": "req-abc"}
