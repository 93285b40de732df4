"""Running a compiled Lua entry as a Temporal workflow or activity.

Generated ``@workflow.defn`` classes and ``@activity.defn`` functions are thin
shells around ``run_workflow`` / ``run_activity``: these build the Lua global
environment with the entry's side of the Wippy modules, run the file's top
level, call the exported function and turn its ``value`` / ``nil, err`` / Lua
error into a Temporal result or ``ApplicationError``. No other exception
leaves them: in the Python SDK a non-ApplicationError escaping a workflow
fails the workflow task forever."""

from __future__ import annotations

import asyncio
from types import CoroutineType
from typing import Any, Callable

from temporalio import activity, workflow
from temporalio.common import RawValue
from temporalio.exceptions import ApplicationError, ApplicationErrorCategory
from temporalio.exceptions import CancelledError as TemporalCancelledError

from ..env import new_env
from ..errors import LuaError
from ..table import Table
from ..values import to_text
from ..wippy import registry
from ..wippy.errors import INTERNAL, ErrorObject, coerce, from_exception
from ..wippy.json import PayloadError
from .app import AppSpec

# Every module object `require` can return, imported now: workflows run in
# the sandbox, which should find them loaded.
registry.import_all()

Chunk = Callable[..., Any]


def workflow_modules(app: AppSpec) -> dict:
    """The modules ``require`` can load in workflow code (the registry's)."""
    return registry.environment(app, "workflow")


def activity_modules(app: AppSpec) -> dict:
    """The modules ``require`` can load in activity code (the registry's)."""
    return registry.environment(app, "activity")


def lua_env(modules: dict, workflow: bool = False) -> Table:
    env = new_env(modules)
    # Wippy code uses ``errors`` without requiring it.
    dict.__setitem__(env, "errors", modules["errors"])
    if workflow:
        # Workflow functions may suspend: coroutines are tasks on the workflow's loop.
        from ..lib.lcoroutine import ASYNC_LIB

        dict.__setitem__(env, "coroutine", ASYNC_LIB)
        dict.__setitem__(dict.get(dict.get(env, "package"), "loaded"), "coroutine", ASYNC_LIB)
    return env


def entry_function(exported, method: str | None, entry_id: str):
    """The function a source file exports for an entry: the file's returned
    function, or field ``method`` (default ``main``) of its returned table."""
    if type(exported) is tuple:
        exported = exported[0] if exported else None
    if isinstance(exported, Table):
        fn = exported[method or "main"]
        if fn is None:
            raise LuaError(f"{entry_id}: the source does not export '{method or 'main'}'")
        return fn
    if callable(exported):
        return exported
    raise LuaError(f"{entry_id}: the source must return a function or a table")


def split_result(r) -> tuple[Any, ErrorObject | None]:
    """``(value, err)`` for a Lua function's results: ``nil, err`` and
    ``false, err`` are failures, as is any error object in second place."""
    if type(r) is not tuple:
        return r, None
    if not r:
        return None, None
    value = r[0]
    if len(r) > 1 and r[1] is not None and (value is None or value is False or type(r[1]) is ErrorObject):
        return None, coerce(r[1])
    return value, None


def application_error(err: ErrorObject, retry_unspecified: bool = True, returned: bool = False) -> ApplicationError:
    """The Temporal failure for a Lua error value: its kind as the type
    (INTERNAL when it has none). ``retry_unspecified`` decides for errors
    whose ``retryable()`` is nil. An error the code ``returned`` is an
    expected outcome: BENIGN, so workers log it at debug level, not as a
    warning with a traceback."""
    retryable = err.retryable()
    details = () if err.details() is None else (err.details(),)
    return ApplicationError(
        to_text(err.message()),
        *details,
        type=to_text(err.kind()) or INTERNAL,
        non_retryable=not (retry_unspecified if retryable is None else retryable),
        category=ApplicationErrorCategory.BENIGN if returned else ApplicationErrorCategory.UNSPECIFIED,
    )


def _payload(converter, value) -> RawValue:
    # Encoding here, not in the SDK, turns a value without a JSON form into
    # an ordinary failure instead of a failed workflow task.
    try:
        return RawValue(converter.to_payload(value))
    except PayloadError as e:
        raise ApplicationError(f"cannot encode the result: {e}", type=INTERNAL) from None


async def run_workflow(app: AppSpec, entry_id: str, chunk: Chunk, method: str | None, input: Any = None) -> Any:
    err = None
    returned = False
    try:
        fn = entry_function(chunk(lua_env(workflow_modules(app), workflow=True)), method, entry_id)
        r = fn(input)
        if type(r) is CoroutineType:
            r = await r
        value, err = split_result(r)
        returned = True
    except asyncio.CancelledError:
        raise
    except Exception as e:  # noqa: BLE001  every Lua failure becomes an ApplicationError
        err = from_exception(e)
    if err is not None:
        raise application_error(err, returned=returned)
    return _payload(workflow.payload_converter(), value)


def run_activity(app: AppSpec, entry_id: str, chunk: Chunk, method: str | None, args: tuple) -> Any:
    err = None
    returned = False
    try:
        fn = entry_function(chunk(lua_env(activity_modules(app))), method, entry_id)
        r = fn(*args)
        if type(r) is CoroutineType:
            r = asyncio.run(r)
        value, err = split_result(r)
        returned = True
    except (asyncio.CancelledError, TemporalCancelledError):
        # Let the SDK report the cancellation as such.
        raise
    except Exception as e:  # noqa: BLE001
        err = from_exception(e)
    if err is not None:
        # An error the activity returns is its answer: retried only when it
        # says retryable = true. Crashes (INTERNAL, retryable) are retried.
        raise application_error(err, retry_unspecified=False, returned=returned)
    if not activity.in_activity():
        return value
    return _payload(activity.payload_converter(), value)
