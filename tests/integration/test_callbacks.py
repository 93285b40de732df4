"""Lua functions that call methods are compiled as functions that may
suspend (``async def``) in workflow, activity and ordinary code; where Lua
calls them from C (metamethods, sort comparators, gsub functions) they must
still run to their end and give their values (tests/fixtures/apps/callbacks)."""

from __future__ import annotations

import importlib

import pytest

from luac2py.runtime.temporal.client import CallFailed


@pytest.fixture(scope="module")
def callbacks(compiled_app):
    return importlib.import_module(compiled_app("callbacks").package)


@pytest.mark.asyncio
async def test_callbacks_that_may_suspend_give_their_values(callbacks):
    assert await callbacks.call("cb:callbacks") == {
        "order": [3, 2, 1], "upper": "ABC", "lazy": "KEY", "newindex": "X=1", "tostring": "P5",
        "lt": True, "add": 3, "len": 4,
    }  # fmt: skip


@pytest.mark.asyncio
async def test_a_callback_that_waits_is_a_yield_across_a_c_call(callbacks):
    with pytest.raises(CallFailed) as failed:
        await callbacks.call("cb:blocked")
    assert "attempt to yield across a C-call boundary" in str(failed.value)
