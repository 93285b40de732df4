"""Concurrency in workflow code (tests/fixtures/apps/concurrency) on real
servers: coroutine.spawn, channels, select, durable timers and futures run
on the workflow's own loop, and every history replays with the same
interleaving (Replayer), also twenty times over and with 100 coroutines; a
worker killed mid-run is replaced and the workflow still does each job once."""

from __future__ import annotations

import asyncio
import signal

import pytest
import pytest_asyncio
from temporalio.api.enums.v1 import EventType
from temporalio.client import Client
from temporalio.worker import Replayer

import real_servers
from helpers import start_package_cli, workflow_id

from luac2py.runtime.temporal.client import handle_result, start
from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER

ON_SESSION_LOOP = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture(scope="module")
def conc_app(compiled_app):
    return compiled_app("concurrency")


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def skipping(time_skipping_server, conc_app):
    """A client of the time-skipping server with the app's workers serving."""
    async with real_servers.serving(time_skipping_server.client, conc_app.app, conc_app.workflows, conc_app.activities):
        yield time_skipping_server.client


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def dev(dev_server, conc_app):
    """A client of the dev server (real time) with the app's workers serving."""
    async with real_servers.serving(dev_server.client, conc_app.app, conc_app.workflows, conc_app.activities):
        yield dev_server.client


def _replayer(app) -> Replayer:
    return Replayer(
        workflows=app.workflows, data_converter=DATA_CONVERTER, workflow_runner=WORKFLOW_RUNNER, interceptors=WORKER_INTERCEPTORS
    )


async def run_and_replay(client, app, entry: str, input) -> tuple:
    """The workflow's result and its history, after checking the history replays."""
    handle = await start(client, app.app, entry, input, workflow_id=workflow_id(entry.split(":")[1]))
    result = await handle_result(handle)
    history = await handle.fetch_history()
    replayed = await _replayer(app).replay_workflow(history, raise_on_replay_failure=False)
    assert replayed.replay_failure is None, replayed.replay_failure
    return result, history


def event_types(history) -> list:
    return [e.event_type for e in history.events]


@ON_SESSION_LOOP
async def test_worker_pool_of_the_seeds(skipping, conc_app):
    result, history = await run_and_replay(skipping, conc_app, "conc:pool", {"workers": 3, "jobs": 6})
    assert result == {"total": 42, "jobs": [1, 2, 3, 4, 5, 6]}
    assert event_types(history).count(EventType.EVENT_TYPE_TIMER_STARTED) == 6  # each job's durable sleep


@ON_SESSION_LOOP
async def test_worker_pool_of_activities(skipping, conc_app):
    result, history = await run_and_replay(skipping, conc_app, "conc:pool", {"workers": 3, "jobs": 6, "activity": True})
    assert result["total"] == 42
    assert event_types(history).count(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) == 6


@ON_SESSION_LOOP
async def test_select_over_two_channels_and_a_timeout(skipping, conc_app):
    result, history = await run_and_replay(skipping, conc_app, "conc:select_timeout", {"delay": "1s"})
    assert result == {"first": "b:late", "second": "timeout"}
    assert event_types(history).count(EventType.EVENT_TYPE_TIMER_FIRED) >= 2


@ON_SESSION_LOOP
async def test_a_coroutine_per_topic(skipping, conc_app):
    events = [{"topic": t, "amount": a} for t, a in
              [("orders", 5), ("payments", 7), ("orders", 1), ("shipping", 2), ("payments", 3), ("orders", 4)]]  # fmt: skip
    result, _ = await run_and_replay(skipping, conc_app, "conc:topics", {"events": events})
    assert result == {
        "orders": {"count": 3, "sum": 10}, "payments": {"count": 2, "sum": 10}, "shipping": {"count": 1, "sum": 2},
    }  # fmt: skip


@ON_SESSION_LOOP
async def test_unbuffered_hand_off(skipping, conc_app):
    result, _ = await run_and_replay(skipping, conc_app, "conc:handoff", {"n": 5})
    assert result["got"] == [1, 2, 3, 4, 5]
    log = result["log"]
    # Every value is sent before it is received, and a sender waits for its receiver.
    for i in range(1, 6):
        assert log.index(f"send {i}") < log.index(f"recv {i}")
        if i < 5:
            assert log.index(f"recv {i}") < log.index(f"send {i + 1}") or log.index(f"send {i + 1}") < log.index(f"recv {i + 1}")


@ON_SESSION_LOOP
async def test_hundred_coroutines_replay_identically(skipping, conc_app):
    result, history = await run_and_replay(skipping, conc_app, "conc:many", {"n": 100})
    # The shortest sleep (the last coroutine's) finishes first.
    assert result == {"sum": sum(i * i for i in range(1, 101)), "first": 100 * 100, "last": 1}
    assert event_types(history).count(EventType.EVENT_TYPE_TIMER_STARTED) == 100


@ON_SESSION_LOOP
async def test_one_history_replays_twenty_times(skipping, conc_app):
    _, history = await run_and_replay(skipping, conc_app, "conc:pool", {"workers": 3, "jobs": 6, "activity": True})
    replayer = _replayer(conc_app)
    for _ in range(20):
        replayed = await replayer.replay_workflow(history, raise_on_replay_failure=False)
        assert replayed.replay_failure is None


@ON_SESSION_LOOP
async def test_a_timer_loses_to_a_fast_activity_and_wins_against_a_slow_one(dev, conc_app):
    fast, _ = await run_and_replay(dev, conc_app, "conc:race", {"nap_ms": 50, "timeout": "10s"})
    assert fast == {"winner": "activity", "value": 50}
    slow, history = await run_and_replay(dev, conc_app, "conc:race", {"nap_ms": 3000, "timeout": "300ms"})
    assert slow == {"winner": "timer"}
    assert EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED in event_types(history)


@ON_SESSION_LOOP
async def test_coroutines_still_waiting_when_main_returns_are_dropped(dev, conc_app):
    result, history = await run_and_replay(dev, conc_app, "conc:abandon", {"nap_ms": 3000, "wait": "200ms"})
    assert result == "main done"
    scheduled = [
        e.activity_task_scheduled_event_attributes.activity_type.name
        for e in history.events
        if e.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
    ]
    assert scheduled == ["conc:nap"]
    assert EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED not in event_types(history)


@ON_SESSION_LOOP
async def test_a_killed_worker_is_replaced_and_each_job_runs_once(module_dev_server_address, conc_app):
    """The pool's jobs are activities; the worker process running the workflow
    is SIGKILLed after the first jobs and a new one takes over. (A server of
    its own: no in-process worker may take the workflow.)"""
    address = module_dev_server_address
    client = await Client.connect(address, data_converter=DATA_CONVERTER)
    handle = await start(client, conc_app.app, "conc:pool", {"workers": 3, "jobs": 6, "activity": True, "slow": True},
                         workflow_id=workflow_id("killed"))  # fmt: skip
    first = start_package_cli(conc_app.package, conc_app.folder, "worker", address=address)
    try:
        # Wait until some jobs are done, then kill the worker without warning.
        for _ in range(300):
            history = await handle.fetch_history()
            if event_types(history).count(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) >= 2:
                break
            await asyncio.sleep(0.1)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
    second = start_package_cli(conc_app.package, conc_app.folder, "worker", address=address)
    try:
        result = await asyncio.wait_for(handle_result(handle), 60)
    finally:
        second.send_signal(signal.SIGINT)
        second.communicate(timeout=30)
    assert result["total"] == 42 and result["jobs"] == [1, 2, 3, 4, 5, 6]
    history = await handle.fetch_history()
    scheduled = [e.activity_task_scheduled_event_attributes.input for e in history.events
                 if e.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED]  # fmt: skip
    assert len(scheduled) == 6  # each job once, none repeated by the new worker
    replayed = await _replayer(conc_app).replay_workflow(history, raise_on_replay_failure=False)
    assert replayed.replay_failure is None
