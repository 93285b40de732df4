"""Temporal activities of the tour app: one function per activity entry.

Each runs its Lua function in a worker thread (activities may block)."""

from typing import Any

from temporalio import activity

from luac2py.runtime.temporal.glue import run_activity

from .app import APP


@activity.defn(name="tour:sign")
def sign(*args: Any) -> Any:
    """tour:sign: activities.lua, function sign."""
    return run_activity(APP, "tour:sign", args)


@activity.defn(name="tour:fetch")
def fetch(*args: Any) -> Any:
    """tour:fetch: activities.lua, function fetch."""
    return run_activity(APP, "tour:fetch", args)


@activity.defn(name="tour:stamp")
def stamp(*args: Any) -> Any:
    """tour:stamp: activities.lua, function stamp."""
    return run_activity(APP, "tour:stamp", args)


ACTIVITIES = [
    sign,
    fetch,
    stamp,
]
