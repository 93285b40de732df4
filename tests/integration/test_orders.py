"""The orders example, compiled, on real Temporal: results, failure paths,
the package CLI, a worker killed mid-workflow, and history replay."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time
from datetime import timedelta
from pathlib import Path

import pytest
import pytest_asyncio
import real_servers
from helpers import start_package_cli, workflow_id
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

# generated/orders, put on sys.path by conftest.py
from orders.activities import ACTIVITIES
from orders.app import APP
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


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def orders_client(module_time_skipping_server):
    """A client of the module's time-skipping server, the orders workers running."""
    client = module_time_skipping_server.client
    async with real_servers.serving(client, APP, WORKFLOWS, ACTIVITIES):
        yield client


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


async def test_order_completes_through_the_hour_long_timer(orders_client):
    client = orders_client
    started = time.monotonic()
    handle = await start(
        client, APP, "orders:order_workflow", ORDER, workflow_id=workflow_id("order")
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


async def test_failed_shipping_refunds_the_payment(orders_client):
    order = dict(ORDER, id="1002", shipping_address={})
    handle = await start(
        orders_client,
        APP,
        "orders:order_workflow",
        order,
        workflow_id=workflow_id("order"),
    )
    result = await handle_result(handle)
    assert result == {"status": "failed", "error": "no shipping address for order 1002"}
    assert await activity_counts(handle) == {
        "orders:charge_payment": 1,
        "orders:ship_order": 1,
        "orders:refund_payment": 1,
    }


async def test_failed_charge_stops_before_the_timer(orders_client):
    handle = await start(
        orders_client,
        APP,
        "orders:order_workflow",
        dict(ORDER, total=0),
        workflow_id=workflow_id("order"),
    )
    assert await handle_result(handle) == {
        "status": "failed",
        "error": "amount must be positive",
    }
    assert await timers(handle) == []


async def test_saga_compensates_in_reverse_order(orders_client):
    order = {
        "items": ["a", "b"],
        "payment": {"amount": 10, "customer": "c"},
        "shipping": {"order_id": "9"},
    }
    handle = await start(
        orders_client,
        APP,
        "orders:saga_workflow",
        order,
        workflow_id=workflow_id("saga"),
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


async def test_saga_happy_path(orders_client):
    order = {
        "items": ["a"],
        "payment": {"amount": 10, "customer": "c"},
        "shipping": {"order_id": "9", "address": {"country": "fr"}},
    }
    result = await execute(
        orders_client,
        APP,
        "orders:saga_workflow",
        order,
        workflow_id=workflow_id("saga"),
    )
    assert result == {"status": "completed", "tracking": "TRK-9-FR"}


async def test_lua_error_fails_the_workflow_with_its_position(orders_client):
    with pytest.raises(WorkflowFailed) as info:
        await execute(
            orders_client,
            APP,
            "orders:order_workflow",
            None,
            workflow_id=workflow_id("order"),
        )
    assert info.value.kind == "INTERNAL"
    assert info.value.message == (
        "order_workflow.lua:9: attempt to index a nil value (local 'order')"
    )


async def test_recorded_histories_replay(orders_client):
    """Histories recorded from these workflows replay on the current code."""
    handle = await start(
        orders_client,
        APP,
        "orders:order_workflow",
        ORDER,
        workflow_id=workflow_id("order"),
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
        history = WorkflowHistory.from_json(path.stem, path.read_text(encoding="utf-8"))
        await replayer.replay_workflow(history)


# --- dev server, through the package's own CLI ---------------------------------------


async def wait_for(predicate, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await predicate():
            return
        await asyncio.sleep(0.2)
    raise AssertionError("timed out")


async def test_cli_run_prints_json_and_errors(module_dev_server):
    address = module_dev_server.client.service_client.config.target_host
    worker = start_package_cli("orders", ORDERS_DIST, "worker", address=address)
    try:
        run = start_package_cli(
            "orders",
            ORDERS_DIST,
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

        bad = start_package_cli(
            "orders",
            ORDERS_DIST,
            "run",
            "orders:order_workflow",
            "--input",
            "null",
            address=address,
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


async def test_killed_worker_resumes_and_runs_each_activity_once(module_dev_server):
    address = module_dev_server.client.service_client.config.target_host
    worker = start_package_cli("orders", ORDERS_DIST, "worker", address=address)
    handle = await start(
        module_dev_server.client,
        APP,
        "orders:order_workflow",
        dict(ORDER, hold="4s"),
        workflow_id=workflow_id("durable"),
    )

    async def timer_started():
        return await timers(handle) != []

    await wait_for(timer_started)
    worker.send_signal(signal.SIGKILL)
    worker.communicate(timeout=30)
    replacement = start_package_cli("orders", ORDERS_DIST, "worker", address=address)
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
