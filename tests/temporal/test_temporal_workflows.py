"""The fixture app tests/fixtures/apps/runtime_app (conftest.py's runtime_app)
on the time-skipping server: results, the error model as workflows see it,
failing workflows, payloads, time."""

from datetime import timedelta

import pytest
from helpers import workflow_id
from temporalio.api.enums.v1 import EventType
from temporalio.client import WorkflowFailureError
from temporalio.exceptions import ApplicationError

from luac2py.runtime.temporal.client import WorkflowFailed, execute, handle_result, start

pytestmark = [
    pytest.mark.asyncio(loop_scope="session"),
    # The worker cancels the timed-out activity after the server dropped it.
    pytest.mark.filterwarnings("ignore:Cannot find activity to cancel"),
]


async def scheduled_activities(handle) -> list[str]:
    history = await handle.fetch_history()
    return [
        e.activity_task_scheduled_event_attributes.activity_type.name
        for e in history.events
        if e.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
    ]


async def timers(handle) -> list[timedelta]:
    history = await handle.fetch_history()
    return [
        e.timer_started_event_attributes.start_to_fire_timeout.ToTimedelta()
        for e in history.events
        if e.event_type == EventType.EVENT_TYPE_TIMER_STARTED
    ]


ORDER = {"id": "o-1", "total": 50, "customer_id": "c1", "shipping_address": "1 Main St"}


async def test_order_happy_path(runtime_app_client, runtime_app):
    handle = await start(
        runtime_app_client, runtime_app.app, "app:order_workflow", ORDER, workflow_id=workflow_id("order")
    )
    assert await handle_result(handle) == {"status": "completed", "payment_id": "pay-c1", "tracking": "TRK-o-1"}
    assert await timers(handle) == [timedelta(hours=1)]
    assert await scheduled_activities(handle) == ["app:charge_payment", "app:ship_order"]


async def test_order_failure_runs_refund(runtime_app_client, runtime_app):
    order = {**ORDER, "shipping_address": None, "customer_id": "c2"}
    handle = await start(
        runtime_app_client, runtime_app.app, "app:order_workflow", order, workflow_id=workflow_id("order")
    )
    assert await handle_result(handle) == {
        "status": "failed",
        "error": "no shipping address",
        "refund": {"refunded": "pay-c2"},
    }
    assert await scheduled_activities(handle) == ["app:charge_payment", "app:ship_order", "app:refund_payment"]


async def test_order_rejected_charge_is_not_retried(runtime_app_client, runtime_app):
    # errors.new(kind, message) leaves retryable unspecified: the activity's
    # answer stands and the workflow sees it at once.
    handle = await start(
        runtime_app_client,
        runtime_app.app,
        "app:order_workflow",
        {**ORDER, "total": 0},
        workflow_id=workflow_id("order"),
    )
    assert await handle_result(handle) == {"status": "failed", "error": "amount must be positive"}
    history = await handle.fetch_history()
    started = [e for e in history.events if e.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED]
    assert [e.activity_task_started_event_attributes.attempt for e in started] == [1]


ONCE = {"activity.retry_policy": {"maximum_attempts": 1}}
TWICE = {"temporal.activity.retry_policy": {"maximum_attempts": 2, "initial_interval": "10ms"}}


@pytest.mark.parametrize(
    "probe, expected",
    [
        # an error the activity returned: its kind and its flag
        ({"activity": "app:declined"}, ("FAILED", False, "payment declined")),
        ({"activity": "app:rejected"}, ("PERMISSION_DENIED", False, "not yours")),
        ({"activity": "app:busy", "options": TWICE}, ("UNAVAILABLE", True, "busy")),
        (
            {
                "activity": "app:busy",
                "options": {"activity.retry_policy": {"non_retryable_error_types": ["Unavailable"]}},
            },
            ("UNAVAILABLE", False, "busy"),
        ),
        # an unhandled Lua error: INTERNAL, retryable, with the Lua message
        (
            {"activity": "app:crash", "options": TWICE},
            ("INTERNAL", True, "faults.lua:13: attempt to index a nil value (local 'card')"),
        ),
        # not registered anywhere: NOT_FOUND at once, even with the default policy
        ({"activity": "app:no_such_activity"}, ("NOT_FOUND", False, None)),
        # start-to-close timeout
        (
            {"activity": "app:slow", "options": {**ONCE, "activity.start_to_close_timeout": 1000}},
            ("TIMEOUT", True, None),
        ),
        # a result without a JSON form fails the activity like a crash
        (
            {"activity": "app:mixed", "options": ONCE},
            ("INTERNAL", True, "cannot encode the result: cannot encode a table with both integer and string keys"),
        ),
        # local activities: a bare ApplicationError; not registered -> ValueError
        ({"activity": "app:local_reject", "arg": 3}, ("INVALID", False, "negative: 3")),
        ({"activity": "app:ghost_local"}, ("NOT_FOUND", False, None)),
    ],
    ids=lambda v: v["activity"] if isinstance(v, dict) else None,
)
async def test_activity_failure_modes(runtime_app_client, runtime_app, probe, expected):
    kind, retryable, message = expected
    r = await execute(
        runtime_app_client,
        runtime_app.app,
        "app:probe",
        probe,
        workflow_id=workflow_id("probe"),
        execution_timeout=timedelta(minutes=5),
    )
    assert r["ok"] is False
    assert (r["kind"], r["retryable"]) == (kind, retryable)
    if message is not None:
        assert r["message"] == message
        assert r["text"] == "err: " + message


async def test_activity_results(runtime_app_client, runtime_app):
    r = await execute(
        runtime_app_client,
        runtime_app.app,
        "app:probe",
        {"activity": "app:double", "arg": 21},
        workflow_id=workflow_id("probe"),
    )
    assert r == {"ok": True, "result": 42}
    r = await execute(
        runtime_app_client,
        runtime_app.app,
        "app:probe",
        {"activity": "app:echo", "arg": "x", "options": ONCE},
        workflow_id=workflow_id("probe"),
    )
    assert r == {"ok": True, "result": "x"}


async def test_workflow_returning_error_fails_with_its_kind(runtime_app_client, runtime_app):
    with pytest.raises(WorkflowFailureError) as info:
        await runtime_app_client.execute_workflow("app:bad_fail", None, id=workflow_id("bad"), task_queue="orders")
    cause = info.value.cause
    assert isinstance(cause, ApplicationError)
    assert (cause.type, cause.message, cause.non_retryable) == ("INVALID", "bad input", True)
    with pytest.raises(WorkflowFailed) as failed:
        await execute(runtime_app_client, runtime_app.app, "app:bad_fail", None, workflow_id=workflow_id("bad"))
    assert (failed.value.kind, failed.value.message, failed.value.retryable) == ("INVALID", "bad input", False)


async def test_workflow_lua_error_fails_instead_of_hanging(runtime_app_client, runtime_app):
    with pytest.raises(WorkflowFailureError) as info:
        await runtime_app_client.execute_workflow(
            "app:bad_crash",
            {"why": "disk full"},
            id=workflow_id("crash"),
            task_queue="orders",
            execution_timeout=timedelta(seconds=30),
        )
    cause = info.value.cause
    assert isinstance(cause, ApplicationError)
    assert (cause.type, cause.non_retryable) == ("INTERNAL", False)
    # The "bad.lua:5:" prefix is lib.base.error's business (position levels).
    assert cause.message.endswith("boom: disk full")


async def test_payload_round_trip(runtime_app_client, runtime_app):
    data = {"nested": {"list": [1, 2.5, {"deep": [True, False]}], "empty": {}}, "text": "héllo ✓", "whole": 3.0}
    r = await execute(runtime_app_client, runtime_app.app, "app:echo_workflow", data, workflow_id=workflow_id("echo"))
    expected = {"nested": {"list": [1, 2.5, {"deep": [True, False]}], "empty": []}, "text": "héllo ✓", "whole": 3}
    assert r == {"input": expected, "echoed": expected}
    assert type(r["echoed"]["whole"]) is int


async def test_unencodable_workflow_result_fails(runtime_app_client, runtime_app):
    with pytest.raises(WorkflowFailed) as failed:
        await execute(
            runtime_app_client, runtime_app.app, "app:echo_workflow", {"mixed": True}, workflow_id=workflow_id("echo")
        )
    assert failed.value.kind == "INTERNAL"
    assert "both integer and string keys" in failed.value.message


async def test_time_and_workflow_info(runtime_app_client, runtime_app):
    clock_id = workflow_id("clock")
    r = await execute(runtime_app_client, runtime_app.app, "app:clock", {"extra_ms": 250}, workflow_id=clock_id)
    assert 1250 <= r["elapsed_ms"] < 3000
    assert r["elapsed"].endswith("s")
    assert r["started"].endswith("Z") and r["started"][4] == "-"
    info = r["info"]
    assert info["workflow_id"] == clock_id
    assert (info["workflow_type"], info["task_queue"], info["namespace"], info["attempt"]) == (
        "app:clock",
        "orders",
        "default",
        1,
    )
    assert info["history_length"] > 0 and info["history_size"] > 0
    assert r["history_length"] >= info["history_length"]
    handle = runtime_app_client.get_workflow_handle(clock_id)
    assert await timers(handle) == [timedelta(seconds=1), timedelta(milliseconds=250)]
