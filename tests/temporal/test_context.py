"""Context values on real Temporal servers: what a starter gives
(client API ``context=``, ``python -m PKG run/start --context``, ``luac2py run
--context``) reaches the workflow, its activities (remote and local), its
child and its continue-as-new run through the ``wippy-context`` header;
``funcs.new():with_context`` values reach that one activity only; ``ctx.get``
of a missing key is ``nil, NOT_FOUND``; histories replay with the
interceptors (and only with them)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from functools import partial

import pytest
import pytest_asyncio
from temporalio.api.enums.v1 import EventType
from temporalio.worker import Replayer

import real_servers
from helpers import package_env, run_package_cli, workflow_id

from luac2py.runtime.temporal.client import execute, handle_result, start
from luac2py.runtime.temporal.context import HEADER
from luac2py.runtime.temporal.converter import DATA_CONVERTER, to_python
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER

pytestmark = pytest.mark.asyncio(loop_scope="session")

STARTER = {"user_id": "u-1", "tenant": "t-1", "roles": ["admin", "ops"], "limits": {"max": 3}}
EXECUTOR = {"extra": "from-executor", "tenant": "overridden"}


def seen_by_activity(label: str, context: dict) -> dict:
    """What read_context.lua returns when run with ``context``."""
    seen = {"label": label, "all": context or [], "missing": "NOT_FOUND"}
    if "user_id" in context:
        seen["user_id"] = context["user_id"]
    return seen


@pytest.fixture(scope="module")
def context_app(compiled_app):
    """tests/fixtures/apps/context built (package ``ctxapp``)."""
    return compiled_app("context")


def serving(client, context_app):
    """context_app's workers on ``client``'s server for the block."""
    return real_servers.serving(client, context_app.app, context_app.workflows, context_app.activities)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def context_client(time_skipping_server, context_app):
    """A client of the session's time-skipping server, context_app served for the module."""
    async with serving(time_skipping_server.client, context_app):
        yield time_skipping_server.client


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def context_dev_address(dev_server, context_app):
    """The session's dev server's address, context_app served for the module."""
    async with serving(dev_server.client, context_app):
        yield dev_server.client.service_client.config.target_host


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


async def test_starter_context_reaches_workflow_activities_and_child(context_client, context_app):
    handle = await start(
        context_client, context_app.app, "ctxapp:main", {}, workflow_id=workflow_id("ctx"), context=STARTER
    )
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
        workflows=context_app.workflows,
        interceptors=WORKER_INTERCEPTORS,
        workflow_runner=WORKFLOW_RUNNER,
        data_converter=DATA_CONVERTER,
    )
    await replayer.replay_workflow(history)
    # Without the interceptors the workflow reads no context, schedules other
    # activities, and the replay says so.
    blind = Replayer(workflows=context_app.workflows, workflow_runner=WORKFLOW_RUNNER, data_converter=DATA_CONVERTER)
    replayed = await blind.replay_workflow(history, raise_on_replay_failure=False)
    assert replayed.replay_failure is not None


async def test_no_context_is_an_empty_table(context_client, context_app):
    handle = await start(context_client, context_app.app, "ctxapp:main", {}, workflow_id=workflow_id("ctx-none"))
    result = await handle_result(handle)
    check_main_result(result, {})
    assert result["user_err"] == "NOT_FOUND" and "user_id" not in result and "plain" not in result
    assert await sent_headers(handle) == [
        ("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED", None),
        ("EVENT_TYPE_ACTIVITY_TASK_SCHEDULED", EXECUTOR),
        ("EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED", None),
    ]


async def test_context_survives_continue_as_new(context_client, context_app):
    context = {"user_id": "u-2", "n": 7}
    # Two continue-as-new runs, then the third returns ctx.all().
    result = await execute(
        context_client, context_app.app, "ctxapp:renewed", 3, workflow_id=workflow_id("ctx-can"), context=context
    )
    assert result == context


async def test_bad_context_is_refused(context_client, context_app):
    with pytest.raises(ValueError, match="context keys must be strings"):
        await start(context_client, context_app.app, "ctxapp:main", {}, context={1: "x"})


# --- dev server: the command lines ----------------------------------------------------


async def test_package_cli_context(context_dev_address, context_app):
    # python -m ctxapp ARGS --address ADDRESS, output as bytes
    ctxapp_cli = partial(
        run_package_cli, "ctxapp", context_app.folder, address=context_dev_address, timeout=120, text=False
    )
    context = {"user_id": "cli-user", "tenant": "cli"}
    ran, started, bad = await asyncio.gather(
        asyncio.to_thread(ctxapp_cli, "run", "ctxapp:main", "--input", "{}", "--context", json.dumps(context)),
        asyncio.to_thread(ctxapp_cli, "start", "ctxapp:renewed", "--input", "2", "--context", '{"user_id": "s"}'),
        asyncio.to_thread(ctxapp_cli, "run", "ctxapp:main", "--context", "[1]"),
    )
    assert ran.returncode == 0, ran.stderr.decode()
    result = json.loads(ran.stdout)
    check_main_result(result, context)
    assert result["plain"] == seen_by_activity("plain", context)

    assert started.returncode == 0, started.stderr.decode()
    done = await asyncio.to_thread(ctxapp_cli, "result", json.loads(started.stdout)["workflow_id"])
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout) == {"user_id": "s"}

    assert bad.returncode == 2
    assert bad.stderr.decode() == "error: --context must be a JSON object\n"


async def test_luac2py_run_context(context_dev_address, context_app, tmp_path):
    """``luac2py run`` builds the app in its working folder and runs its own worker."""
    command = [sys.executable, "-m", "luac2py.cli", "run", str(context_app.yaml), "--entry", "ctxapp:renewed"]
    command += ["--input", "2", "--context", '{"request_id": "req-abc"}', "--address", context_dev_address]
    proc = await asyncio.to_thread(
        subprocess.run, command, env=package_env(context_app.folder), cwd=tmp_path, capture_output=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout) == {"request_id": "req-abc"}
