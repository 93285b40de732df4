"""Channels and coroutine.spawn in workflow code (tests/fixtures/apps/channels),
on the session's time-skipping server: the seeds' worker pool runs and its
history replays; an error in a spawned coroutine fails the workflow with its
Lua position."""

from __future__ import annotations

import pytest
import pytest_asyncio
from temporalio.client import WorkflowFailureError
from temporalio.exceptions import ApplicationError
from temporalio.worker import Replayer

import real_servers
from helpers import workflow_id

from luac2py.runtime.temporal.client import handle_result, start
from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER

ON_SESSION_LOOP = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture(scope="module")
def chan_app(compiled_app):
    return compiled_app("channels")


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def chan_client(time_skipping_server, chan_app):
    async with real_servers.serving(time_skipping_server.client, chan_app.app, chan_app.workflows, chan_app.activities):
        yield time_skipping_server.client


@ON_SESSION_LOOP
async def test_worker_pool_runs_and_replays(chan_client, chan_app):
    handle = await start(chan_client, chan_app.app, "chan:pool", workflow_id=workflow_id("pool"))
    result = await handle_result(handle)
    assert result["total"] == 42
    # Worker w takes job w first (spawn order), then one of 4-6 when its timer fires.
    done = [tuple(map(int, item.split(":"))) for item in result["order"].split()]
    assert sorted(done[:3]) == [(1, 1), (2, 2), (3, 3)]
    assert sorted(job for _, job in done[3:]) == [4, 5, 6]
    replayer = Replayer(
        workflows=chan_app.workflows,
        data_converter=DATA_CONVERTER,
        workflow_runner=WORKFLOW_RUNNER,
        interceptors=WORKER_INTERCEPTORS,
    )
    result = await replayer.replay_workflow(await handle.fetch_history(), raise_on_replay_failure=True)
    assert result.replay_failure is None


@ON_SESSION_LOOP
async def test_an_error_in_a_spawned_coroutine_fails_the_workflow(chan_client, chan_app):
    handle = await start(chan_client, chan_app.app, "chan:failing", workflow_id=workflow_id("failing"))
    with pytest.raises(WorkflowFailureError) as failed:
        await handle.result()
    cause = failed.value.cause
    assert isinstance(cause, ApplicationError)
    assert cause.message == "pool.lua:43: worker failed"
