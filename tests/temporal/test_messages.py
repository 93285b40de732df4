"""Messages to workflows (tests/fixtures/apps/messages) on the session's dev
server: signals wait in the mailbox until a listen or inbox takes them, in
arrival order; a workflow sends to another on another worker and reads the
sender; updates are requests the body answers (ack, ok, error, nak); the
seeds' counter. Every history replays."""

from __future__ import annotations

import asyncio

import pytest
import pytest_asyncio
from temporalio.client import Client, WorkflowUpdateFailedError
from temporalio.exceptions import ApplicationError
from temporalio.worker import Replayer

import real_servers
from helpers import workflow_id

from luac2py.runtime.table import Table
from luac2py.runtime.temporal.client import handle_result, start
from luac2py.runtime.temporal.context import ContextClientInterceptor, context_values
from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER
from luac2py.runtime.wippy.json import to_python

ON_SESSION_LOOP = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture(scope="module")
def msg_app(compiled_app):
    return compiled_app("messages")


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def client(dev_server, msg_app):
    async with real_servers.serving(dev_server.client, msg_app.app, msg_app.workflows, msg_app.activities):
        yield dev_server.client


async def update(handle, topic: str, arg):
    """The reply to request ``topic`` as plain Python data."""
    return to_python(await handle.execute_update(topic, arg))


async def replays(app, handle) -> None:
    replayer = Replayer(
        workflows=app.workflows, data_converter=DATA_CONVERTER, workflow_runner=WORKFLOW_RUNNER, interceptors=WORKER_INTERCEPTORS
    )
    result = await replayer.replay_workflow(await handle.fetch_history(), raise_on_replay_failure=False)
    assert result.replay_failure is None, result.replay_failure


@ON_SESSION_LOOP
async def test_signals_wait_for_listen_and_inbox_in_arrival_order(client, msg_app):
    wid = workflow_id("collector")
    # The first signal comes with the start: it is there before the body runs.
    handle = await start(client, msg_app.app, "msg:collector", workflow_id=wid, start_signal="a", start_signal_args=[0])
    # A client that sends context headers names the sender of its signals.
    named = Client(**{**client.config(), "interceptors": [ContextClientInterceptor()]}).get_workflow_handle(wid)
    with context_values(Table({"temporal.signal.from": "{tester|1}"})):
        for topic, value in [("b", 1), ("a", 1), ("c", "x"), ("b", 2), ("a", 2)]:
            await named.signal(topic, value)
    await handle.signal("stop")
    result = await handle_result(handle)
    assert result == {
        "a": "0 1 2",
        "others": "b=1@{tester|1} c=x@{tester|1} b=2@{tester|1} stop=nil@",
        "pid": "{msg:client@msg:main|%s}" % wid,
    }
    await replays(msg_app, handle)


@ON_SESSION_LOOP
async def test_a_workflow_sends_to_another_on_another_worker(client, msg_app):
    ponger = await start(client, msg_app.app, "msg:ponger", workflow_id=workflow_id("ponger"))
    pinger = await start(client, msg_app.app, "msg:pinger", {"target": ponger.id}, workflow_id=workflow_id("pinger"))
    pinger_pid = "{msg:client@msg:other|%s}" % pinger.id
    assert await handle_result(ponger) == pinger_pid
    assert await handle_result(pinger) == {
        "sent": True,
        "from": "{msg:client@msg:main|%s}" % ponger.id,
        "data": {"got": 7},
        "me": pinger_pid,
        "missing": ["NOT_FOUND", False],
    }
    await replays(msg_app, ponger)
    await replays(msg_app, pinger)


@ON_SESSION_LOOP
async def test_updates_are_requests_the_body_answers(client, msg_app):
    handle = await start(client, msg_app.app, "msg:server", workflow_id=workflow_id("server"))
    assert await update(handle, "echo", {"x": [1, 2]}) == {"x": [1, 2]}
    with pytest.raises(WorkflowUpdateFailedError) as failed:
        await handle.execute_update("fail", None)
    assert isinstance(failed.value.cause, ApplicationError)
    assert (failed.value.cause.message, failed.value.cause.type) == ("bad request", "ERROR")
    with pytest.raises(WorkflowUpdateFailedError) as refused:
        await handle.execute_update("refuse", 1)
    assert (refused.value.cause.message, refused.value.cause.type) == ("not now", "NAK")
    assert await update(handle, "stop", None) == "bye"
    result = await handle_result(handle)
    assert result["stopped"] is True
    assert "no request {update|no-such-update}" in result["unknown"]
    await replays(msg_app, handle)


@ON_SESSION_LOOP
async def test_the_seeds_counter(client, msg_app):
    handle = await start(client, msg_app.app, "msg:counter", {"initial": 5}, workflow_id=workflow_id("counter"))
    assert await update(handle, "increment", {"amount": 3}) == {"value": 8}
    assert await update(handle, "decrement", {"amount": 2}) == {"value": 6}
    with pytest.raises(WorkflowUpdateFailedError) as refused:
        await handle.execute_update("decrement", {"amount": 10})
    assert (refused.value.cause.message, refused.value.cause.type) == ("would result in negative value", "NAK")
    with pytest.raises(WorkflowUpdateFailedError) as bad:
        await handle.execute_update("increment", {"amount": "many"})
    assert bad.value.cause.message == "amount must be a number"
    assert await update(handle, "finish", None) == {"message": "finishing"}
    assert await handle_result(handle) == {"final_counter": 6}
    await replays(msg_app, handle)


@ON_SESSION_LOOP
async def test_messages_unread_at_continue_as_new_reach_the_next_run(client, msg_app):
    wid = workflow_id("batches")
    # All nine arrive before the first run has read more than a few: each run
    # reads two and continues as new with the rest unread.
    handle = await start(client, msg_app.app, "msg:batches", {"per_run": 2, "total": 9}, workflow_id=wid,
                         start_signal="n", start_signal_args=[1])  # fmt: skip
    for i in range(2, 10):
        await handle.signal("tag" if i % 3 == 0 else "n", i)
    result = await handle_result(client.get_workflow_handle(wid))
    # Per channel in arrival order (a select between two ready channels may take either first).
    assert [x for x in result if x.startswith("n:")] == [f"n:{i}" for i in range(1, 10) if i % 3]
    assert [x for x in result if x.startswith("tag:")] == ["tag:3", "tag:6", "tag:9"]
    assert len(result) == 9
    # Five runs, and every run's history replays.
    for _ in range(50):  # the visibility store may lag a little
        runs = [e.run_id async for e in client.list_workflows(f"WorkflowId = '{wid}'")]
        if len(runs) >= 5:
            break
        await asyncio.sleep(0.1)
    assert len(runs) == 5
    for run_id in runs:
        await replays(msg_app, client.get_workflow_handle(wid, run_id=run_id))
