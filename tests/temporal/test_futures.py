"""``funcs.async`` futures (tests/fixtures/apps/futures) on a time-skipping
server of the module's own (a workflow that ends with an activity still
running leaves that server's time locked: no other module may share it): a workflow starts two activities without waiting and
collects both results through the futures' response channels; a canceled
future cancels its running activity in Temporal (the history shows the
request and the activity's acknowledgement) and its result is CANCELED.
Both histories replay. In ordinary code the futures' functions run at once."""

from __future__ import annotations

import importlib
import time

import pytest
import pytest_asyncio
from temporalio.api.enums.v1 import EventType
from temporalio.worker import Replayer

import real_servers
from helpers import workflow_id

from luac2py.runtime.temporal.client import handle_result, start
from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER

ON_MODULE_LOOP = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture(scope="module")
def fut_app(compiled_app):
    return compiled_app("futures")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def fut_client(module_time_skipping_server, fut_app):
    server = module_time_skipping_server
    async with real_servers.serving(server.client, fut_app.app, fut_app.workflows, fut_app.activities):
        yield server.client


async def _events(handle):
    history = await handle.fetch_history()
    return history, [e.event_type for e in history.events]


async def _replays(history, fut_app) -> None:
    replayer = Replayer(
        workflows=fut_app.workflows,
        data_converter=DATA_CONVERTER,
        workflow_runner=WORKFLOW_RUNNER,
        interceptors=WORKER_INTERCEPTORS,
    )
    result = await replayer.replay_workflow(history, raise_on_replay_failure=True)
    assert result.replay_failure is None


@ON_MODULE_LOOP
async def test_two_activities_run_at_once_and_both_results_arrive(fut_client, fut_app):
    handle = await start(
        fut_client, fut_app.app, "fut:both", {"a": 3, "b": 4, "malformed": "fut"}, workflow_id=workflow_id("both")
    )
    assert await handle_result(handle) == {
        "a": 9,
        "b": 16,
        "ok": True,
        "same": True,
        "complete": True,
        "bad": "INVALID",
    }
    history, order = await _events(handle)
    scheduled = [i for i, t in enumerate(order) if t == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED]
    completed = [i for i, t in enumerate(order) if t == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED]
    # All three are scheduled by the first workflow task, before any completes;
    # the workflow may end before the forgotten one does.
    assert len(scheduled) == 3 and len(completed) >= 2 and max(scheduled) < min(completed)
    await _replays(history, fut_app)


@ON_MODULE_LOOP
async def test_a_canceled_future_cancels_its_running_activity(fut_client, fut_app):
    began = time.monotonic()
    handle = await start(fut_client, fut_app.app, "fut:cancel", 600, workflow_id=workflow_id("cancel"))
    assert await handle_result(handle) == {
        "kind": "CANCELED",
        "canceled": True,
        "complete": False,
        "ok": False,  # the response channel is closed
        "has_error": False,
    }
    assert time.monotonic() - began < 30  # the 60 s activity stopped
    history, order = await _events(handle)
    beat = [
        e.event_id
        for e in history.events
        if e.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
        and e.activity_task_scheduled_event_attributes.activity_type.name == "fut:beat"
    ]
    assert len(beat) == 1

    def about_beat(attributes: str) -> list[int]:
        return [e.event_id for e in history.events if getattr(e, attributes).scheduled_event_id == beat[0]]

    # Asked to stop, it stopped (the activity answered its cancelled heartbeat):
    # wait_for_cancellation kept the workflow open until then.
    (requested,) = about_beat("activity_task_cancel_requested_event_attributes")
    (canceled,) = about_beat("activity_task_canceled_event_attributes")
    assert requested < canceled
    assert order[-1] == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED
    await _replays(history, fut_app)


@ON_MODULE_LOOP
async def test_ordinary_code_runs_futures_concurrently(fut_app):
    package = importlib.import_module(fut_app.package)
    assert await package.call("fut:collect", 300, "") == {
        "values": ["a", "b", "c"],
        "parallel": True,
        "failed": "CONFLICT",
        "canceled": "CANCELED",
        "closed": True,
        "bad": "INVALID",
    }
