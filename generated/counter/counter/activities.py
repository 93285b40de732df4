"""Temporal activities of the counter app: one function per activity entry.

Each runs its Lua function in a worker thread (activities may block)."""

from typing import Any

from temporalio import activity

from luac2py.runtime.temporal.glue import run_activity

from .app import APP


@activity.defn(name="counter:echo_activity")
def echo_activity(*args: Any) -> Any:
    """counter:echo_activity: echo.lua, function echo."""
    return run_activity(APP, "counter:echo_activity", args)


ACTIVITIES = [
    echo_activity,
]
