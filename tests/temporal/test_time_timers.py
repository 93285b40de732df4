"""The time module's timers (tests/fixtures/apps/timers): in a workflow on the
session's time-skipping server they are durable Temporal timers (the history
has them and replays), a coroutine sleeps while a select times out; the same
file as ordinary code runs on asyncio timers with the same answers."""

from __future__ import annotations

import importlib

import pytest
import pytest_asyncio
from temporalio.api.enums.v1 import EventType
from temporalio.worker import Replayer

import real_servers
from helpers import workflow_id

from luac2py.runtime.temporal.client import handle_result, start
from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER

ON_SESSION_LOOP = pytest.mark.asyncio(loop_scope="session")
# Whole units since the start: after 2, a reset timer 1, three ticks, then a
# one-unit timeout beats a coroutine that sleeps 10.
EXPECTED = {
    "after": 2,
    "stopped": True,
    "stopped_again": False,
    "reset": 3,
    "ticks": [4, 5, 6],
    "timeout_won": True,
    "timeout": 7,
    "slept": 16,
    "formatted": "Sun, 29 Dec 2024 15:04:05 UTC",
    "zone": "Local",
}


@pytest.fixture(scope="module")
def timers_app(compiled_app):
    return compiled_app("timers")


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def timers_client(time_skipping_server, timers_app):
    async with real_servers.serving(
        time_skipping_server.client, timers_app.app, timers_app.workflows, timers_app.activities
    ):
        yield time_skipping_server.client


@ON_SESSION_LOOP
async def test_workflow_timers_are_durable_and_replay(timers_client, timers_app):
    handle = await start(
        timers_client, timers_app.app, "timers:flow", {"unit": "1m"}, workflow_id=workflow_id("timers")
    )
    assert await handle_result(handle) == EXPECTED
    history = await handle.fetch_history()
    started = [
        e.timer_started_event_attributes.start_to_fire_timeout.ToSeconds()
        for e in history.events
        if e.event_type == EventType.EVENT_TYPE_TIMER_STARTED
    ]
    # after(2), reset(1), 3 ticks, the coroutine's sleep(10), the timeout(1); the
    # timers stopped in the workflow task that started them never reach the history.
    assert started == [120, 60, 60, 60, 60, 600, 60]
    replayer = Replayer(
        workflows=timers_app.workflows,
        data_converter=DATA_CONVERTER,
        workflow_runner=WORKFLOW_RUNNER,
        interceptors=WORKER_INTERCEPTORS,
    )
    result = await replayer.replay_workflow(history, raise_on_replay_failure=True)
    assert result.replay_failure is None


@ON_SESSION_LOOP
async def test_ordinary_code_timers_run_on_asyncio(timers_app):
    package = importlib.import_module(timers_app.package)
    assert await package.call("timers:wall", {"unit": "50ms"}) == EXPECTED
