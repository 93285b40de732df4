"""The future ``funcs.async`` returns, as Wippy's future spec and funcs suite
describe it (``result`` does not wait, the response channel gets a payload or
an error object once, ``cancel`` wins over a later result), and the ordinary
code side: the function runs in a thread while the caller's loop goes on."""

from __future__ import annotations

import asyncio
import time

import pytest

from luac2py.runtime.wippy.errors import ErrorObject
from luac2py.runtime.wippy.funcs import DirectFuncs, Future
from luac2py.runtime.wippy.payload import Payload


def _future():
    requests = []
    return Future(lambda: requests.append("cancel")), requests


def test_a_pending_future_has_no_result_yet():
    future, _ = _future()
    assert (future.is_complete(), future.is_canceled()) == (False, False)
    assert future.result() == (None, None)
    assert future.error() == (None, False)
    assert future.response() is future.channel()  # one channel, made on first use


async def test_a_result_is_a_payload_received_once():
    future, _ = _future()
    channel = future.response()
    future.complete({"x": 1}, None)
    future.complete("late", None)  # only the first completion counts
    value, err = future.result()
    assert type(value) is Payload and value.data() == {"x": 1} and err is None
    assert future.error() == (None, False)
    assert await channel.get() == (value, True)
    assert await channel.get() == (None, False)  # closed after it, as Wippy ends the topic


async def test_a_failure_is_an_error_object_on_the_channel():
    future, _ = _future()
    err = ErrorObject("CONFLICT", "taken", False)
    future.complete(None, err)
    assert future.is_complete()
    assert future.result() == (None, err)
    assert future.error() == (err, True)
    assert await future.response().get() == (err, True)  # a channel made after completion has it too


async def test_cancel_requests_once_and_wins_over_a_later_result():
    future, requests = _future()
    channel = future.response()
    assert future.cancel() is None
    future.cancel()
    future.complete("too late", None)
    assert requests == ["cancel"]
    assert (future.is_canceled(), future.is_complete()) == (True, False)
    value, err = future.result()
    assert value is None and (err.kind(), err.message(), err.retryable()) == ("CANCELED", "canceled", False)
    assert await channel.get() == (None, False)


def test_cancel_after_completion_requests_nothing():
    future, requests = _future()
    future.complete(1, None)
    future.cancel()
    assert requests == [] and future.result()[1].kind() == "CANCELED"  # as Wippy: canceled is checked first


@pytest.mark.parametrize(
    "entry_id, message",
    [
        ("", "function ID required"),
        ("nonamespace", "namespace required in function ID"),
        (":name", "namespace required in function ID"),
        ("ns:", "name required in function ID"),
    ],
)
def test_a_malformed_id_is_nil_and_invalid(entry_id, message):
    future, err = DirectFuncs(None).async_(entry_id)
    assert future is None and (err.kind(), err.message(), err.retryable()) == ("INVALID", message, False)


@pytest.fixture(scope="module")
def funcs(compiled_app):
    return DirectFuncs(compiled_app("futures").app)


async def test_functions_run_in_threads_while_the_loop_goes_on(funcs):
    began = time.monotonic()
    futures = [funcs.async_("fut:nap", 300, name)[0] for name in "abc"]
    exec_future, err = funcs.new().with_context(_table(who="ada")).async_("fut:nap", 300, "d")
    assert err is None and not any(f.is_complete() for f in futures)
    results = [await f.response().get() for f in [*futures, exec_future]]
    assert time.monotonic() - began < 0.9  # four 300 ms naps at once
    assert [p.data()["value"] for p, ok in results] == ["a", "b", "c", "d"]
    assert [p.data()["who"] for p, ok in results] == [None, None, None, "ada"]  # the executor's context
    failed, _ = funcs.async_("fut:nap", 1)
    err, ok = await failed.response().get()
    assert ok and err.kind() == "CONFLICT" and failed.error() == (err, True)


async def test_an_unknown_function_fails_through_the_future(funcs):
    future, err = funcs.async_("fut:nothing")
    assert err is None
    failure, ok = await asyncio.wait_for(future.response().get(), 5)
    assert ok and failure.kind() == "NOT_FOUND"


def _table(**fields):
    from luac2py.runtime.table import Table

    return Table(**fields)
