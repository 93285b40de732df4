"""Processes across task queues and worker processes
(tests/fixtures/apps/topology), on a dev server of this module's own so that
no in-process worker takes a task: every workflow runs in a
``python -m PKG worker`` subprocess, the ordinary driver in a
``python -m PKG call`` subprocess.

- Two worker processes, each serving one worker entry (``--worker``), and
  the driver in a third: a relay on one task queue forwards each message to
  a sink on the other and acknowledges it to the driver's PID (delivered by
  an activity on the driver's own queue); both paths keep every message
  once, in order, and each workflow runs in its own worker process.
- A worker SIGKILLed while its workflow waits for messages is replaced:
  the messages sent before the kill, in the gap and after all arrive,
  once each, in send order.

Every history replays."""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import subprocess
from pathlib import Path

import pytest
from temporalio.api.enums.v1 import EventType
from temporalio.client import Client
from temporalio.worker import Replayer

from helpers import start_package_cli, workflow_id

from luac2py.runtime.temporal.client import handle_result, send, start
from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER

pytestmark = pytest.mark.temporal
ON_SESSION_LOOP = pytest.mark.asyncio(loop_scope="session")

E = EventType


@pytest.fixture(scope="module")
def topo_app(compiled_app):
    return compiled_app("topology")


@contextlib.contextmanager
def package_worker(app, address: str, log: Path, *entries: str):
    """``python -m PKG worker [--worker ENTRY]...`` for the block, its stderr
    in ``log``; stopped with SIGTERM at the end (killed if it lingers), if
    the block has not killed it already."""
    flags = [arg for entry in entries for arg in ("--worker", entry)]
    with open(log, "wb") as err:
        proc = start_package_cli(
            app.package, app.folder, "worker", *flags, address=address, stdout=subprocess.DEVNULL, stderr=err
        )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


def identity(proc: subprocess.Popen) -> str:
    """The start of a worker identity (``pid@host``) of a subprocess."""
    return f"{proc.pid}@"


def _task_completers(events) -> list[str]:
    return [e.workflow_task_completed_event_attributes.identity for e in events
            if e.event_type == E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED]  # fmt: skip


async def _history_until(handle, ready, what: str, timeout: float = 45):
    """The workflow's history events once ``ready(events)`` holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        events = list((await handle.fetch_history()).events)
        if ready(events):
            return events
        assert loop.time() < deadline, f"gave up waiting for {what}; history: {[e.event_type for e in events]}"
        await asyncio.sleep(0.1)


async def _replays(app, client, *workflow_ids: str) -> None:
    replayer = Replayer(
        workflows=app.workflows, data_converter=DATA_CONVERTER, workflow_runner=WORKFLOW_RUNNER,
        interceptors=WORKER_INTERCEPTORS,
    )  # fmt: skip
    for wid in workflow_ids:
        history = await client.get_workflow_handle(wid).fetch_history()
        replayed = await replayer.replay_workflow(history, raise_on_replay_failure=False)
        assert replayed.replay_failure is None, (wid, replayed.replay_failure)


def _pid_parts(pid: str) -> tuple[str, str]:
    """``(host, id)`` of a PID ``{host|id}``."""
    host, _, ident = pid[1:-1].partition("|")
    return host, ident


@ON_SESSION_LOOP
async def test_a_relay_and_a_sink_on_two_worker_processes_keep_every_message_in_order(
    module_dev_server_address, topo_app, tmp_path
):
    address, count = module_dev_server_address, 15
    logs = {name: tmp_path / f"{name}.err" for name in ("wa", "wb")}
    driver = None
    try:
        with package_worker(topo_app, address, logs["wa"], "topo:wa") as wa, \
                package_worker(topo_app, address, logs["wb"], "topo:wb") as wb:  # fmt: skip
            driver = start_package_cli(
                topo_app.package, topo_app.folder, "call", "topo:driver", "--input",
                json.dumps({"count": count, "wait": "40s"}), address=address,
            )  # fmt: skip
            out, err = await asyncio.to_thread(driver.communicate, timeout=90)
            assert wa.poll() is None and wb.poll() is None, "a worker stopped early"
    finally:
        if driver is not None and driver.poll() is None:
            driver.kill()
            driver.communicate()
    assert driver.returncode == 0, err.decode()
    r = json.loads(out.decode().splitlines()[-1])
    assert "timed_out" not in r, r
    me, relay, sink = r["me"], r["relay"], r["sink"]
    assert _pid_parts(relay)[0] == "topo:client@topo:wa" and _pid_parts(sink)[0] == "topo:client@topo:wb"

    # Driver -> relay -> driver: every acknowledgement once, in send order, from relay.
    assert r["acks"] == [{"topic": "ack", "n": n, "hop": n, "from": relay} for n in range(1, count + 1)]
    # Relay -> sink across task queues: the same, with relay as the sender.
    exits = {e["who"]: e for e in r["exits"]}
    assert sorted(exits) == ["relay", "sink"], r["exits"]
    assert exits["relay"] == {"kind": "pid.exit", "who": "relay", "value": list(range(1, count + 1))}
    assert exits["sink"] == {
        "kind": "pid.exit", "who": "sink",
        "value": [{"topic": "item", "n": n, "hop": n, "from": relay} for n in range(1, count + 1)],
    }  # fmt: skip

    # Each workflow ran on its worker entry's queue, in that worker's process;
    # the acknowledgements were delivered on the driver's own queue, by it.
    client = await Client.connect(address, data_converter=DATA_CONVERTER)
    relay_events = list((await client.get_workflow_handle(_pid_parts(relay)[1]).fetch_history()).events)
    sink_events = list((await client.get_workflow_handle(_pid_parts(sink)[1]).fetch_history()).events)
    for events, queue, proc in ((relay_events, "topo-a", wa), (sink_events, "topo-b", wb)):
        assert events[0].workflow_execution_started_event_attributes.task_queue.name == queue
        completers = _task_completers(events)
        assert completers and all(c.startswith(identity(proc)) for c in completers), (queue, completers)
    driver_queue = _pid_parts(me)[0].removeprefix("luac2py@")
    deliveries = [e.activity_task_scheduled_event_attributes for e in relay_events
                  if e.event_type == E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED]  # fmt: skip
    assert deliveries and {(d.activity_type.name, d.task_queue.name) for d in deliveries} == {
        ("luac2py:deliver", driver_queue)
    }
    deliverers = {e.activity_task_started_event_attributes.identity for e in relay_events
                  if e.event_type == E.EVENT_TYPE_ACTIVITY_TASK_STARTED}  # fmt: skip
    assert len(deliverers) == 1 and deliverers.pop().startswith(identity(driver))
    signals = [e.workflow_execution_signaled_event_attributes.signal_name for e in sink_events
               if e.event_type == E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED]  # fmt: skip
    assert signals == ["item"] * count
    # Each worker served its own entry's queue only.
    assert "serving topo on task queue(s) topo-a\n" in logs["wa"].read_text()
    assert "serving topo on task queue(s) topo-b\n" in logs["wb"].read_text()
    await _replays(topo_app, client, _pid_parts(relay)[1], _pid_parts(sink)[1])


@ON_SESSION_LOOP
async def test_a_killed_worker_is_replaced_and_no_message_is_lost(module_dev_server_address, topo_app, tmp_path):
    address = module_dev_server_address
    client = await Client.connect(address, data_converter=DATA_CONVERTER)
    batches = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]  # before the kill, in the gap, to the replacement
    count = sum(map(len, batches))
    handle = await start(client, topo_app.app, "topo:collect", {"count": count}, workflow_id=workflow_id("collect"))

    def topic(n: int) -> str:
        return "odd" if n % 2 else "even"

    async def send_batch(numbers) -> None:
        for n in numbers:
            await send(client, handle.id, topic(n), {"n": n})

    def taken_by(proc, signals: int):
        """Ready once ``proc``'s worker has completed a workflow task after
        the ``signals``-th signal."""

        def ready(events) -> bool:
            kinds = [e.event_type for e in events]
            if kinds.count(E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED) < signals:
                return False
            last = max(i for i, k in enumerate(kinds) if k == E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
            return any(
                e.event_type == E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED
                and e.workflow_task_completed_event_attributes.identity.startswith(identity(proc))
                for e in events[last + 1 :]
            )

        return ready

    with package_worker(topo_app, address, tmp_path / "first.err") as first:
        await send_batch(batches[0])
        # The first worker has taken the first messages into the workflow's inbox.
        await _history_until(handle, taken_by(first, 3), "the first worker to take the first messages")
        first.kill()
        first.wait(10)
    # No worker runs: these wait in the history.
    await send_batch(batches[1])
    with package_worker(topo_app, address, tmp_path / "second.err", "topo:wa") as second:
        # The replacement has replayed the history and taken the gap's messages.
        await _history_until(handle, taken_by(second, 6), "the replacement to take the messages of the gap")
        await send_batch(batches[2])
        result = await asyncio.wait_for(handle_result(handle), 45)
    assert result == [{"topic": topic(n), "data": {"n": n}} for n in range(1, count + 1)]
    events = list((await handle.fetch_history()).events)
    signals = [(e.workflow_execution_signaled_event_attributes.signal_name,
                json.loads(e.workflow_execution_signaled_event_attributes.input.payloads[0].data))
               for e in events if e.event_type == E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED]  # fmt: skip
    assert signals == [(topic(n), {"n": n}) for n in range(1, count + 1)]
    completers = _task_completers(events)
    assert {c.split("@")[0] for c in completers} == {str(first.pid), str(second.pid)}, completers
    assert completers[-1].startswith(identity(second))
    await _replays(topo_app, client, handle.id)
