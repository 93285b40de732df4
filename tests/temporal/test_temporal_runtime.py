"""The Temporal-side runtime without a server: payload rules, error objects,
durations and time, activity options, app and worker settings."""

import math
from datetime import timedelta

import pytest
from temporalio.api.common.v1 import Payload
from temporalio.common import RetryPolicy
from temporalio.exceptions import (
    ActivityError,
    ApplicationError,
    ApplicationErrorCategory,
    RetryState,
    TimeoutError,
    TimeoutType,
)
from temporalio.workflow import ActivityCancellationType

from luac2py.runtime import LuaError, Table, concat
from luac2py.runtime.lib.base import tostring
from luac2py.runtime.temporal.app import AppSpec, ClientSpec
from luac2py.runtime.temporal.converter import DATA_CONVERTER, PayloadError, to_lua, to_python
from luac2py.runtime.temporal.glue import application_error, entry_function, split_result
from luac2py.runtime.temporal.worker import worker_kwargs
from luac2py.runtime.wippy.base64 import BASE64
from luac2py.runtime.wippy.errors import ERRORS, ErrorObject, from_exception
from luac2py.runtime.wippy.funcs import DEFAULT_RETRY_POLICY, activity_kwargs, activity_kwargs_source
from luac2py.runtime.wippy.json import JSON
from luac2py.runtime.wippy.time import MILLISECOND, SECOND, Duration, Time, TimeModule, format_duration, parse_duration

PC = DATA_CONVERTER.payload_converter


def wire(v) -> bytes:
    return PC.to_payloads([v])[0].data


def back(data: bytes):
    return PC.from_payloads([Payload(metadata={"encoding": b"json/plain"}, data=data)])[0]


# --- payloads ------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, json",
    [
        (5, b"5"),
        (5.0, b"5"),
        (2.5, b"2.5"),
        (1e300, b"1e+300"),
        (math.nan, b"null"),
        (-math.inf, b"null"),
        (True, b"true"),
        (Table(), b"[]"),
        (Table.of([1, "a", Table()]), b'[1,"a",[]]'),
        (Table(b=1, a=Table(c=2.0)), b'{"a":{"c":2},"b":1}'),
        ("h\xc3\xa9", '"hé"'.encode()),
        ("\xff", '"\ufffd"'.encode()),
        (ErrorObject("INVALID", "bad", False), b'{"kind":"INVALID","message":"bad","retryable":false}'),
    ],
)
def test_lua_to_json(value, json):
    assert wire(value) == json


def test_nil_is_binary_null():
    p = PC.to_payloads([None])[0]
    assert p.metadata["encoding"] == b"binary/null" and PC.from_payloads([p]) == [None]


@pytest.mark.parametrize(
    "table, message",
    [
        (Table.of([1, 2], x=3), "both integer and string keys"),
        (Table.of((), {1: "a", 3: "c"}), "holes"),
        (Table.of((), {2.5: "x"}), "number keys"),
        (Table.of((), {True: 1}), "boolean keys"),
        (Table(f=print), "function"),
    ],
)
def test_unencodable_tables(table, message):
    with pytest.raises(PayloadError, match=message):
        wire(table)


def test_depth_and_cycles():
    t = Table()
    t["self"] = t
    with pytest.raises(PayloadError, match="contains itself"):
        wire(t)
    deep = Table()
    for _ in range(128):
        deep = Table.of([deep])
    with pytest.raises(PayloadError, match="deeper than 128"):
        wire(deep)
    ok = Table()
    for _ in range(127):
        ok = Table.of([ok])
    wire(ok)


def test_json_to_lua():
    v = back(
        b'{"i": 1, "f": 1.0, "e": 1e2, "big": 99999999999999999999, "a": [1, null, 3], "s": "h\\u00e9", "n": null}'
    )
    assert type(v) is Table
    assert (v["i"], type(v["i"])) == (1, int)
    assert (v["f"], type(v["f"])) == (1.0, float)
    assert type(v["e"]) is float and type(v["big"]) is float
    assert v["a"][1] == 1 and v["a"][2] is None and v["a"][3] == 3
    assert v["s"] == "h\xc3\xa9"
    assert "n" not in v


def test_round_trip_and_python_views():
    data = {"list": [1, 2.5, {"x": "héllo"}], "empty": [], "flag": False}
    lua = to_lua(data)
    assert lua["list"][3]["x"] == "h\xc3\xa9llo"
    assert to_python(back(wire(lua))) == data
    assert to_python(Table()) == [] and to_python(Table.of((), {1: "a", 5: "b"})) == {1: "a", 5: "b"}


def test_typed_decoding_for_python_callers():
    p = PC.to_payloads([Table(a=Table.of([1, 2]))])[0]
    assert PC.from_payloads([p], [dict]) == [{"a": [1, 2]}]


# --- error objects -------------------------------------------------------------


def test_error_constructors_and_methods():
    e = ERRORS.new("INVALID", "amount must be positive")
    assert (e.kind(), e.message(), e.retryable(), e.details()) == ("INVALID", "amount must be positive", None, None)
    e = ERRORS.new("plain")
    assert (e.kind(), e.message()) == ("", "plain")
    d = Table(field="x")
    e = ERRORS.new(Table(kind="NotFound", message="gone", retryable=False, details=d))
    assert (e.kind(), e.retryable(), e.details()) == ("NOT_FOUND", False, d)
    assert ERRORS.lua_index("NOT_FOUND") == "NOT_FOUND" and ERRORS.lua_index("is")(e, "NotFound") is True
    assert ERRORS.is_(e, ERRORS.INVALID) is False and ERRORS.is_("text", "NOT_FOUND") is False
    with pytest.raises(LuaError):
        ERRORS.new(None)


def test_wrap_tostring_concat():
    inner = ERRORS.new(Table(kind="TIMEOUT", message="upstream slow", retryable=True))
    w = ERRORS.wrap(inner, "payment API failed")
    assert (w.kind(), w.retryable(), w.message()) == ("TIMEOUT", True, "payment API failed: upstream slow")
    assert ERRORS.wrap(None, "x") is None
    assert ERRORS.wrap("socket closed", "fetch").message() == "fetch: socket closed"
    assert tostring(w) == "payment API failed: upstream slow"
    assert concat("error: ", w) == "error: payment API failed: upstream slow"
    assert concat(w, 1) == "payment API failed: upstream slow1"
    assert concat(w, inner) == "payment API failed: upstream slowupstream slow"
    with pytest.raises(LuaError, match="concatenate a table value"):
        concat(w, Table())
    assert str(LuaError(w)) == "payment API failed: upstream slow"


def _activity_error(retry_state: RetryState) -> ActivityError:
    return ActivityError(
        "x",
        scheduled_event_id=1,
        started_event_id=2,
        identity="",
        activity_type="a",
        activity_id="1",
        retry_state=retry_state,
    )


def test_from_exception():
    app_err = ApplicationError("declined", type="Invalid", non_retryable=False)
    err = from_exception(_activity_error(RetryState.MAXIMUM_ATTEMPTS_REACHED))
    assert err.kind() == "INTERNAL"
    act = _activity_error(RetryState.NON_RETRYABLE_FAILURE)
    act.__cause__ = app_err
    assert (from_exception(act).kind(), from_exception(act).retryable()) == ("INVALID", False)
    assert (from_exception(app_err).kind(), from_exception(app_err).retryable()) == ("INVALID", True)
    t = from_exception(TimeoutError("t", type=TimeoutType.START_TO_CLOSE, last_heartbeat_details=[]))
    assert (t.kind(), t.retryable()) == ("TIMEOUT", True)
    nf = from_exception(ValueError("Activity function app:x is not registered on this worker"))
    assert (nf.kind(), nf.retryable()) == ("NOT_FOUND", False)
    crash = from_exception(LuaError("x.lua:3: attempt to index a nil value"))
    assert (crash.kind(), crash.message(), crash.retryable()) == (
        "INTERNAL",
        "x.lua:3: attempt to index a nil value",
        True,
    )
    raised = ERRORS.new("CONFLICT", "taken")
    assert from_exception(LuaError(raised)) is raised
    assert from_exception(KeyError("k")).kind() == "INTERNAL"


def test_results_and_failures():
    assert split_result(5) == (5, None)
    assert split_result(()) == (None, None)
    assert split_result((1, 2)) == (1, None)
    value, err = split_result((None, "plain text"))
    assert value is None and (err.kind(), err.message()) == ("", "plain text")
    value, err = split_result((False, ERRORS.new("INVALID", "no")))
    assert err.kind() == "INVALID"
    a = application_error(ERRORS.new("x"))
    assert (a.type, a.message, a.non_retryable) == ("INTERNAL", "x", False)
    a = application_error(ERRORS.new("INVALID", "bad"), retry_unspecified=False, returned=True)
    assert (a.type, a.non_retryable, a.category) == ("INVALID", True, ApplicationErrorCategory.BENIGN)
    a = application_error(
        ERRORS.new(Table(kind="UNAVAILABLE", message="h\xc3\xa9", retryable=True, details=Table(n=1)))
    )
    assert (a.message, a.non_retryable, a.details[0]["n"]) == ("hé", False, 1)


def test_entry_function():
    def main():
        return 1

    assert entry_function(main, "ignored", "app:x") is main
    assert entry_function(Table(run=main), "run", "app:x") is main
    assert entry_function(Table(main=main), None, "app:x") is main
    with pytest.raises(LuaError, match="does not export 'go'"):
        entry_function(Table(main=main), "go", "app:x")


# --- time ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("5s", timedelta(seconds=5)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        ("100ms", timedelta(milliseconds=100)),
        ("2.5s", timedelta(seconds=2.5)),
        ("1us", timedelta(microseconds=1)),
        ("1\xc2\xb5s", timedelta(microseconds=1)),
        ("-1m", timedelta(minutes=-1)),
        ("0", timedelta(0)),
        (1500, timedelta(milliseconds=1500)),
        (0.5, timedelta(microseconds=500)),
    ],
)
def test_parse_duration(value, expected):
    assert parse_duration(value) == expected


@pytest.mark.parametrize("bad", ["", "5", "1x", "h", ".h", True, Table()])
def test_parse_duration_errors(bad):
    with pytest.raises(ValueError):
        parse_duration(bad)


def test_durations_and_times():
    assert [format_duration(n) for n in (0, 1, 1500, 100 * MILLISECOND, 90 * 60 * SECOND, 1_500_000_000)] == [
        "0s",
        "1ns",
        "1.5\u00b5s",
        "100ms",
        "1h30m0s",
        "1.5s",
    ]
    d = Duration(1_250 * MILLISECOND)
    assert (d.milliseconds(), d.seconds(), tostring(d)) == (1250, 1.25, "1.25s")
    t = Time(1_700_000_000 * SECOND + 5 * MILLISECOND)
    assert t.format(TimeModule.RFC3339) == "2023-11-14T22:13:20Z"
    assert t.format("Mon Jan _2 15:04:05.000 2006") == "Tue Nov 14 22:13:20.005 2023"
    assert t.format("3:04PM") == "10:13PM"
    assert (t.unix(), t.year(), t.month(), t.weekday()) == (1_700_000_000, 2023, 11, 2)
    later = t.add("1h")
    assert later.sub(t).milliseconds() == 3_600_000 and later.after(t) and t.before(later)
    m = TimeModule()
    assert m.parse_duration("1m")[0].nanoseconds() == 60 * SECOND
    assert m.parse_duration("nope")[1].kind() == "INVALID"
    assert m.lua_index("MILLISECOND") == 1_000_000


# --- activity options ----------------------------------------------------------


def test_activity_kwargs_defaults():
    assert activity_kwargs(None) == {
        "start_to_close_timeout": timedelta(minutes=10),
        "retry_policy": DEFAULT_RETRY_POLICY,
    }
    assert DEFAULT_RETRY_POLICY.non_retryable_error_types == ["NotFoundError"]
    assert DEFAULT_RETRY_POLICY.maximum_attempts == 0


def test_activity_kwargs_all_options():
    kw = activity_kwargs(
        Table.of(
            (),
            {
                "activity.start_to_close_timeout": "30s",
                "temporal.activity.schedule_to_close_timeout": "5m",
                "activity.schedule_to_start_timeout": 2000,
                "activity.heartbeat_timeout": "10s",
                "activity.id": "pay-1",
                "activity.task_queue": "payments",
                "activity.wait_for_cancellation": True,
                "activity.disable_eager_execution": True,
                "activity.retry_policy": Table(
                    maximum_attempts=3,
                    initial_interval=1000,
                    backoff_coefficient=2.0,
                    maximum_interval=60000,
                    non_retryable_error_types=Table.of(["INVALID", "PermissionDenied"]),
                ),
                "other.key": "ignored",
            },
        )
    )
    assert kw == {
        "start_to_close_timeout": timedelta(seconds=30),
        "schedule_to_close_timeout": timedelta(minutes=5),
        "schedule_to_start_timeout": timedelta(seconds=2),
        "heartbeat_timeout": timedelta(seconds=10),
        "activity_id": "pay-1",
        "task_queue": "payments",
        "cancellation_type": ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
        "retry_policy": RetryPolicy(
            maximum_attempts=3,
            initial_interval=timedelta(seconds=1),
            backoff_coefficient=2.0,
            maximum_interval=timedelta(minutes=1),
            non_retryable_error_types=["INVALID", "PERMISSION_DENIED", "NotFoundError"],
        ),
    }
    local = activity_kwargs({"activity.task_queue": "q", "activity.heartbeat_timeout": "1s"}, local=True)
    assert "task_queue" not in local and "heartbeat_timeout" not in local


@pytest.mark.parametrize(
    "options",
    [
        {"activity.start_to_close_timeout": "soon"},
        {"activity.retry_policy": {"maximum_attempts": 1.5}},
        {"activity.wait_for_cancellation": "yes"},
        {"activity.retry_policy": "3"},
    ],
)
def test_activity_kwargs_errors(options):
    with pytest.raises(ValueError):
        activity_kwargs(options)


def test_activity_kwargs_source():
    src = activity_kwargs_source(
        {
            "activity.start_to_close_timeout": "90m",
            "activity.retry_policy": {"maximum_attempts": 1},
            "activity.task_queue": "q",
        }
    )
    assert src == {
        "start_to_close_timeout": "timedelta(minutes=90)",
        "retry_policy": "RetryPolicy(maximum_attempts=1, non_retryable_error_types=['NotFoundError'])",
        "task_queue": "APP.task_queue('q')",
    }
    assert activity_kwargs_source({}) == {
        "start_to_close_timeout": "timedelta(minutes=10)",
        "retry_policy": "DEFAULT_RETRY_POLICY",
    }


def test_executor_is_immutable():
    from luac2py.runtime.wippy.funcs import FuncsModule

    funcs = FuncsModule(AppSpec(name="x"))
    base = funcs.new()
    tuned = base.with_options(Table.of((), {"activity.start_to_close_timeout": "1s"}))
    assert base.options == {} and tuned.options == {"start_to_close_timeout": timedelta(seconds=1)}
    ctx = tuned.with_context(Table(trace_id="abc"))
    assert ctx.context["trace_id"] == "abc" and tuned.context is None and ctx.options == tuned.options
    with pytest.raises(LuaError, match="with_options"):
        base.with_options(Table.of((), {"activity.heartbeat_timeout": "never"}))


# --- other modules ---------------------------------------------------------------


def test_json_module():
    assert JSON.encode(Table(a=Table.of([1, 2]))) == ('{"a":[1,2]}', None)
    assert JSON.decode('{"s":"\\u00e9"}')[0]["s"] == "\xc3\xa9"
    assert JSON.decode("{oops")[1].kind() == "INTERNAL"  # Wippy: malformed JSON and
    assert JSON.encode(Table.of([1], x=1))[1].kind() == "INTERNAL"  # values without a JSON form


def test_base64_module():
    assert BASE64.encode("\xff\x00a") == "/wBh"
    assert BASE64.decode("/wBh") == ("\xff\x00a", None)
    assert BASE64.decode("!!")[1].kind() == "INVALID"


# --- app, client, worker settings -------------------------------------------------


def test_task_queue_prefix(monkeypatch):
    monkeypatch.setenv("L2P_TQ", "dev-")
    assert AppSpec(name="a", client=ClientSpec(tq_prefix="${env:L2P_TQ}")).task_queue("orders") == "dev-orders"
    assert AppSpec(name="a").task_queue("orders") == "orders"


def test_worker_options():
    assert worker_kwargs(
        {
            "max_concurrent_activity_execution_size": 10,
            "max_concurrent_workflow_task_pollers": 4,
            "worker_activities_per_second": 2.5,
            "sticky_schedule_to_start_timeout": "5s",
            "enable_session_worker": True,
        }
    ) == {
        "max_concurrent_activities": 10,
        "max_concurrent_workflow_task_polls": 4,
        "max_activities_per_second": 2.5,
        "sticky_queue_schedule_to_start_timeout": timedelta(seconds=5),
    }
