"""The ``workflow`` module, activity options and the error model, compiled
from tests/fixtures/apps/workflow_module and run on real Temporal servers:
every option is read back from the workflow history, every failure mode's
kind and retryable flag is checked, and versioned code replays a history
recorded by the previous version."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
import pytest_asyncio
import real_servers
from helpers import FIXTURE_APPS, build_app_package, workflow_id
from temporalio.api.enums.v1 import EventType
from temporalio.client import WorkflowHistory
from temporalio.worker import Replayer

from luac2py.runtime.temporal.client import execute, handle_result, start
from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER
from luac2py.runtime.wippy.json import to_python

pytestmark = pytest.mark.asyncio(loop_scope="module")

HERE = Path(__file__).resolve().parent
APP_YAML = FIXTURE_APPS / "workflow_module" / "app.yaml"
HISTORIES = HERE.parent / "histories"


@pytest.fixture(scope="module")
def wm_app(compiled_app):
    """tests/fixtures/apps/workflow_module built as package ``wm_test``."""
    return compiled_app("workflow_module", package="wm_test")


@pytest.fixture(scope="module")
def v1_workflows(tmp_path_factory):
    """The same app with version 1 of versioned.lua: version("step", 1, 1)."""
    folder = tmp_path_factory.mktemp("wm_v1")
    for f in APP_YAML.parent.iterdir():
        text = f.read_text(encoding="utf-8")
        if f.name == "versioned.lua":
            text = text.replace('workflow.version("step", 1, 2)', 'workflow.version("step", 1, 1)')
        (folder / f.name).write_text(text)
    v1 = build_app_package(folder / "app.yaml", folder, package="wm_test_v1")
    return v1.app, v1.workflows, v1.activities


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def wm_client_and_app(module_time_skipping_server, wm_app):
    """(client, APP): the module's time-skipping server, wm_app served."""
    client = module_time_skipping_server.client
    async with real_servers.serving(client, wm_app.app, wm_app.workflows, wm_app.activities):
        yield client, wm_app.app


async def events(handle, event_type):
    history = await handle.fetch_history()
    return [e for e in history.events if e.event_type == event_type]


# --- B1, B5: info and history figures ---------------------------------------------


async def test_info_has_all_eight_fields(wm_client_and_app):
    client, app = wm_client_and_app
    info_id = workflow_id("info")
    info = await execute(client, app, "wm:info_flow", None, workflow_id=info_id)
    assert info["workflow_id"] == info_id
    assert info["workflow_type"] == "wm:info_flow"
    assert info["task_queue"] == "wm"
    assert info["namespace"] == "default"
    assert info["attempt"] == 1
    assert len(info["run_id"]) == 36
    assert info["history_length"] >= 3 and info["length_now"] == info["history_length"]
    assert info["history_size"] > 0 and info["size_now"] == info["history_size"]


# --- B2: child workflows ------------------------------------------------------------


async def test_exec_runs_a_child_on_its_workers_queue(wm_client_and_app):
    client, app = wm_client_and_app
    handle = await start(client, app, "wm:parent", 21, workflow_id=workflow_id("parent"))
    result = await handle_result(handle)
    assert result["doubled"] == 42
    # The child's error keeps its kind and flag; an unknown entry is NOT_FOUND.
    assert result["failed"] == {
        "kind": "CONFLICT",
        "retryable": False,
        "message": "child failed",
    }
    assert result["missing"] == {"kind": "NOT_FOUND", "retryable": False}
    started = await events(handle, EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
    assert len(started) == 2
    attrs = started[0].start_child_workflow_execution_initiated_event_attributes
    assert attrs.workflow_type.name == "wm:child"
    assert attrs.task_queue.name == "wm_other"


# --- B6: continue-as-new --------------------------------------------------------------


async def test_continue_as_new_starts_fresh_runs(wm_client_and_app):
    client, app = wm_client_and_app
    handle = await start(client, app, "wm:looper", {"n": 0}, workflow_id=workflow_id("looper"))
    result = await handle_result(handle)
    assert result["n"] == 3
    first_run = client.get_workflow_handle(handle.id, run_id=handle.first_execution_run_id)
    ended = await events(first_run, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW)
    assert len(ended) == 1  # the first run's own history ends in continue-as-new
    runs, run_id = 0, handle.first_execution_run_id  # 0 -> 1 -> 2 (workflow.continue_as_new) -> 3 (process.upgrade)
    while run_id:
        runs += 1
        history = await client.get_workflow_handle(handle.id, run_id=run_id).fetch_history()
        last = history.events[-1]
        attrs = last.workflow_execution_continued_as_new_event_attributes
        run_id = (
            attrs.new_execution_run_id
            if last.HasField("workflow_execution_continued_as_new_event_attributes")
            else None
        )
    assert runs == 4
    assert result["run"] != handle.first_execution_run_id


# --- J1: a class in workflow code ----------------------------------------------------


async def test_class_methods_are_called_directly_and_may_suspend(wm_client_and_app, wm_app):
    client, app = wm_client_and_app
    workflows = wm_app.workflows
    handle = await start(client, app, "wm:ledger_flow", {"owner": "ann", "n": 3}, workflow_id=workflow_id("ledger"))
    assert await handle_result(handle) == {"summary": "ann:107/5", "confirmed": "confirmed ann:107/5", "first": 1}
    assert [e.activity_task_scheduled_event_attributes.activity_type.name
            for e in await events(handle, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)] == ["wm:echo"]
    # The sealed class's methods are direct calls: awaited where the method suspends.
    source = (Path(sys.modules["wm_test.lua.objects"].__file__)).read_text(encoding="utf-8")
    assert "await confirm(book)" in source and "book.meta is Ledger" in source
    replayer = Replayer(
        workflows=workflows,
        data_converter=DATA_CONVERTER,
        workflow_runner=WORKFLOW_RUNNER,
        interceptors=WORKER_INTERCEPTORS,
    )
    await replayer.replay_workflow(await handle.fetch_history(), raise_on_replay_failure=True)


# --- C2-C4, A3, A4: options reach Temporal ---------------------------------------------


async def test_every_activity_option_reaches_the_history(wm_client_and_app):
    client, app = wm_client_and_app
    handle = await start(client, app, "wm:options_flow", "x", workflow_id=workflow_id("options"))
    assert await handle_result(handle) == {"a": "x", "b": "x-local", "beats": 3}
    scheduled = await events(handle, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
    by_type = {e.activity_task_scheduled_event_attributes.activity_type.name: e for e in scheduled}
    assert set(by_type) == {"wm:echo", "wm:beat"}  # the local activity is not scheduled
    a = by_type["wm:echo"].activity_task_scheduled_event_attributes
    assert a.activity_id == "echo-x"
    assert a.task_queue.name == "wm"
    assert a.start_to_close_timeout.ToTimedelta() == timedelta(seconds=45)
    assert a.schedule_to_close_timeout.ToTimedelta() == timedelta(seconds=90)
    assert a.schedule_to_start_timeout.ToTimedelta() == timedelta(minutes=1)
    assert a.heartbeat_timeout.ToTimedelta() == timedelta(seconds=5)
    r = a.retry_policy
    assert r.initial_interval.ToTimedelta() == timedelta(milliseconds=250)
    assert r.backoff_coefficient == 3.0
    assert r.maximum_interval.ToTimedelta() == timedelta(seconds=10)
    assert r.maximum_attempts == 4
    assert "INVALID" in r.non_retryable_error_types
    beat = by_type["wm:beat"].activity_task_scheduled_event_attributes
    assert beat.heartbeat_timeout.ToTimedelta() == timedelta(seconds=2)
    # Default options (C1): start-to-close 10 minutes, unlimited attempts.
    assert beat.start_to_close_timeout.ToTimedelta() == timedelta(minutes=10)
    assert beat.retry_policy.maximum_attempts == 0
    markers = await events(handle, EventType.EVENT_TYPE_MARKER_RECORDED)
    assert [m.marker_recorded_event_attributes.marker_name for m in markers] == ["core_local_activity"]


@pytest.mark.parametrize("wait", [True, False])
async def test_wait_for_cancellation_decides_when_a_cancelled_workflow_ends(wm_client_and_app, wait):
    """activity.wait_for_cancellation is an SDK-side option (no history field):
    checked by its effect. Waiting, the workflow ends only after the activity
    acknowledged the cancellation; not waiting, it ends at once."""
    client, app = wm_client_and_app
    handle = await start(client, app, "wm:cancellable", wait, workflow_id=workflow_id("cancel"))
    for _ in range(100):  # (the server records ActivityTaskStarted only when the attempt ends)
        pending = (await handle.describe()).raw_description.pending_activities
        if pending and pending[0].HasField("last_heartbeat_time"):
            break
        await asyncio.sleep(0.1)
    await handle.cancel()
    # The Lua code sees the cancelled call as an error value and returns.
    assert await handle_result(handle) == "CANCELED"
    history = await handle.fetch_history()
    order = [e.event_type for e in history.events]
    assert EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED in order
    assert order[-1] == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED
    acknowledged = EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED in order
    assert acknowledged is wait


# --- C7: the four failure modes -----------------------------------------------------------


async def test_failure_modes_have_the_seeds_kinds_and_flags(wm_client_and_app):
    client, app = wm_client_and_app
    result = await execute(client, app, "wm:failures", None, workflow_id=workflow_id("failures"))
    assert result == {
        "returned": {"kind": "PERMISSION_DENIED", "retryable": False},
        "returned_retryable": {"kind": "UNAVAILABLE", "retryable": True},
        "crashed": {"kind": "INTERNAL", "retryable": True},
        "missing": {"kind": "NOT_FOUND", "retryable": False},
        "timed_out": {"kind": "TIMEOUT", "retryable": True},
        "silent": {"kind": "TIMEOUT", "retryable": True},  # no heartbeat within heartbeat_timeout
        "not_retried": {"kind": "PERMISSION_DENIED", "retryable": False},
    }


# --- B3: versioning -------------------------------------------------------------------------


async def test_version_replays_old_histories_and_new_runs_take_the_new_branch(wm_client_and_app, wm_app, v1_workflows):
    client, app = wm_client_and_app
    workflows = wm_app.workflows
    # New executions take max_supported.
    handle = await start(client, app, "wm:versioned", 7, workflow_id=workflow_id("versioned"))
    assert await handle_result(handle) == {"version": 2, "result": "new:7"}
    replayer = Replayer(
        workflows=workflows,
        data_converter=DATA_CONVERTER,
        workflow_runner=WORKFLOW_RUNNER,
        interceptors=WORKER_INTERCEPTORS,
    )
    await replayer.replay_workflow(await handle.fetch_history())
    # A history recorded by version 1 of the code replays on version 2 and
    # takes the old branch (new_step in its place would be a nondeterminism error).
    recorded = HISTORIES / "wm_versioned_v1.json"
    if os.environ.get("LUAC2PY_RECORD_HISTORIES"):
        v1_app, v1_flows, v1_activities = v1_workflows
        env = await real_servers.time_skipping()
        try:
            async with real_servers.serving(env.client, v1_app, v1_flows, v1_activities):
                old = await start(env.client, v1_app, "wm:versioned", 7, workflow_id="versioned-v1")
                assert await handle_result(old) == {"version": 1, "result": "old:7"}
                recorded.write_text((await old.fetch_history()).to_json())
        finally:
            await env.shutdown()
    history = WorkflowHistory.from_json("versioned-v1", recorded.read_text(encoding="utf-8"))
    await replayer.replay_workflow(history)
    # The same history on code whose branch for version 1 changed fails to replay.
    with pytest.raises(Exception):
        broken = Replayer(
            workflows=workflows,
            data_converter=DATA_CONVERTER,
            workflow_runner=WORKFLOW_RUNNER,
            interceptors=WORKER_INTERCEPTORS,
        )
        text = recorded.read_text(encoding="utf-8").replace("wm:old_step", "wm:new_step")
        await broken.replay_workflow(
            WorkflowHistory.from_json("versioned-v1", text),
            raise_on_replay_failure=True,
        )


# --- B4: search attributes and memo on the dev server -----------------------------------------


async def test_attrs_are_queryable_through_visibility(wm_app):
    app, workflows, activities = wm_app.app, wm_app.workflows, wm_app.activities
    env = await real_servers.dev_server_for(app)
    try:
        async with real_servers.serving(env.client, app, workflows, activities):
            customer = f"c-{uuid.uuid4().hex[:6]}"
            handle = await start(
                env.client,
                app,
                "wm:attrs_flow",
                {"customer": customer},
                workflow_id=workflow_id("attrs"),
            )
            assert await handle_result(handle) == {"ok": True, "bad": "INVALID"}
            description = await handle.describe()
            memo = {k: to_python(v) for k, v in (await description.memo()).items()}
            assert memo == {"note": "from lua", "items": [1, 2]}
            query = f"LuaCustomer = '{customer}' AND LuaPriority = 3 AND LuaUrgent = true"
            found = []
            for _ in range(50):  # visibility is eventually consistent
                found = [w.id async for w in env.client.list_workflows(query)]
                if found:
                    break
                await asyncio.sleep(0.2)
            assert found == [handle.id]
    finally:
        await env.shutdown()
