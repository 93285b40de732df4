"""The orders example, compiled, on real Temporal: results, failure paths,
the package CLI, a worker killed mid-workflow, and history replay."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from temporalio.api.enums.v1 import EventType
from temporalio.client import WorkflowHistory
from temporalio.worker import Replayer

from luac2py.runtime.temporal.client import (
    WorkflowFailed,
    execute,
    handle_result,
    start,
)
from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER

from orders.app import APP  # generated/orders, put on sys.path by conftest.py
from orders.workflows import WORKFLOWS

ORDERS_DIST = Path(__file__).resolve().parents[2] / "generated" / "orders"

pytestmark = pytest.mark.asyncio(loop_scope="module")

HISTORIES = Path(__file__).resolve().parents[1] / "histories"
ORDER = {
    "id": "1001",
    "total": 250,
    "customer_id": "c-7",
    "shipping_address": {"country": "de"},
}


def wid(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


async def activity_counts(handle) -> dict[str, int]:
    counts: dict[str, int] = {}
    async for event in handle.fetch_history_events():
        if event.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
            name = event.activity_task_scheduled_event_attributes.activity_type.name
            counts[name] = counts.get(name, 0) + 1
    return counts


async def timers(handle) -> list[timedelta]:
    out = []
    async for event in handle.fetch_history_events():
        if event.event_type == EventType.EVENT_TYPE_TIMER_STARTED:
            out.append(
                event.timer_started_event_attributes.start_to_fire_timeout.ToTimedelta()
            )
    return out


# --- time-skipping server ---------------------------------------------------------


async def test_order_completes_through_the_hour_long_timer(skipping):
    client = skipping.client
    started = time.monotonic()
    handle = await start(
        client, APP, "orders:order_workflow", ORDER, workflow_id=wid("order")
    )
    result = await handle_result(handle)
    assert result == {
        "status": "completed",
        "payment_id": "pay-c-7-250",
        "tracking": "TRK-1001-DE",
    }
    assert await timers(handle) == [timedelta(hours=1)]
    assert time.monotonic() - started < 30  # the hour was skipped, not waited
    assert await activity_counts(handle) == {
        "orders:charge_payment": 1,
        "orders:ship_order": 1,
    }


async def test_failed_shipping_refunds_the_payment(skipping):
    order = dict(ORDER, id="1002", shipping_address={})
    handle = await start(
        skipping.client, APP, "orders:order_workflow", order, workflow_id=wid("order")
    )
    result = await handle_result(handle)
    assert result == {"status": "failed", "error": "no shipping address for order 1002"}
    assert await activity_counts(handle) == {
        "orders:charge_payment": 1,
        "orders:ship_order": 1,
        "orders:refund_payment": 1,
    }


async def test_failed_charge_stops_before_the_timer(skipping):
    handle = await start(
        skipping.client,
        APP,
        "orders:order_workflow",
        dict(ORDER, total=0),
        workflow_id=wid("order"),
    )
    assert await handle_result(handle) == {
        "status": "failed",
        "error": "amount must be positive",
    }
    assert await timers(handle) == []


async def test_saga_compensates_in_reverse_order(skipping):
    order = {
        "items": ["a", "b"],
        "payment": {"amount": 10, "customer": "c"},
        "shipping": {"order_id": "9"},
    }
    handle = await start(
        skipping.client, APP, "orders:saga_workflow", order, workflow_id=wid("saga")
    )
    result = await handle_result(handle)
    assert result == {
        "status": "failed",
        "step": "shipping",
        "error": "no shipping address for order 9",
        "compensated": 2,
    }
    if os.environ.get("LUAC2PY_RECORD_HISTORIES"):
        (HISTORIES / "orders_saga_workflow.json").write_text(
            (await handle.fetch_history()).to_json()
        )
    scheduled = []
    async for event in handle.fetch_history_events():
        if event.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
            scheduled.append(
                event.activity_task_scheduled_event_attributes.activity_type.name
            )
    assert scheduled == [
        "orders:reserve_inventory",
        "orders:charge_payment",
        "orders:ship_order",
        "orders:refund_payment",
        "orders:release_inventory",
    ]


async def test_saga_happy_path(skipping):
    order = {
        "items": ["a"],
        "payment": {"amount": 10, "customer": "c"},
        "shipping": {"order_id": "9", "address": {"country": "fr"}},
    }
    result = await execute(
        skipping.client, APP, "orders:saga_workflow", order, workflow_id=wid("saga")
    )
    assert result == {"status": "completed", "tracking": "TRK-9-FR"}


async def test_lua_error_fails_the_workflow_with_its_position(skipping):
    with pytest.raises(WorkflowFailed) as info:
        await execute(
            skipping.client,
            APP,
            "orders:order_workflow",
            None,
            workflow_id=wid("order"),
        )
    assert info.value.kind == "INTERNAL"
    assert info.value.message == (
        "order_workflow.lua:9: attempt to index a nil value (local 'order')"
    )


async def test_recorded_histories_replay(skipping):
    """Histories recorded from these workflows replay on the current code."""
    handle = await start(
        skipping.client, APP, "orders:order_workflow", ORDER, workflow_id=wid("order")
    )
    await handle_result(handle)
    fresh = await handle.fetch_history()
    replayer = Replayer(
        workflows=WORKFLOWS,
        data_converter=DATA_CONVERTER,
        workflow_runner=WORKFLOW_RUNNER,
        interceptors=WORKER_INTERCEPTORS,
    )
    await replayer.replay_workflow(fresh)
    if os.environ.get("LUAC2PY_RECORD_HISTORIES"):
        (HISTORIES / "orders_order_workflow.json").write_text(fresh.to_json())
    committed = sorted(HISTORIES.glob("orders_*.json"))
    assert committed, "no recorded histories under tests/histories"
    for path in committed:
        history = WorkflowHistory.from_json(path.stem, path.read_text())
        await replayer.replay_workflow(history)


# --- dev server, through the package's own CLI ---------------------------------------


def package_cli(*args, address: str, **kw):
    return subprocess.Popen(
        [sys.executable, "-m", "orders", *args, "--address", address],
        cwd=ORDERS_DIST,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kw,
    )


async def wait_for(predicate, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await predicate():
            return
        await asyncio.sleep(0.2)
    raise AssertionError("timed out")


async def test_cli_run_prints_json_and_errors(dev):
    address = dev.client.service_client.config.target_host
    worker = package_cli("worker", address=address)
    try:
        run = package_cli(
            "run",
            "orders:order_workflow",
            "--input",
            json.dumps(dict(ORDER, hold="1s")),
            address=address,
        )
        out, err = run.communicate(timeout=60)
        assert run.returncode == 0, err.decode()
        assert out.decode().splitlines() == [
            '{"payment_id":"pay-c-7-250","status":"completed","tracking":"TRK-1001-DE"}'
        ]

        bad = package_cli(
            "run", "orders:order_workflow", "--input", "null", address=address
        )
        out, err = bad.communicate(timeout=60)
        assert bad.returncode == 1
        assert out == b""
        assert err.decode().splitlines()[-1] == (
            "error: INTERNAL: order_workflow.lua:9: attempt to index a nil value (local 'order')"
        )
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.communicate(timeout=30)


async def test_killed_worker_resumes_and_runs_each_activity_once(dev):
    address = dev.client.service_client.config.target_host
    worker = package_cli("worker", address=address)
    handle = await start(
        dev.client,
        APP,
        "orders:order_workflow",
        dict(ORDER, hold="4s"),
        workflow_id=wid("durable"),
    )

    async def timer_started():
        return await timers(handle) != []

    await wait_for(timer_started)
    worker.send_signal(signal.SIGKILL)
    worker.communicate(timeout=30)
    replacement = package_cli("worker", address=address)
    try:
        result = await asyncio.wait_for(handle_result(handle), timeout=60)
    finally:
        replacement.send_signal(signal.SIGTERM)
        replacement.communicate(timeout=30)
    assert result == {
        "status": "completed",
        "payment_id": "pay-c-7-250",
        "tracking": "TRK-1001-DE",
    }
    assert await activity_counts(handle) == {
        "orders:charge_payment": 1,
        "orders:ship_order": 1,
    }
