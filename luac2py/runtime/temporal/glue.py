"""Running a compiled Lua entry as a Temporal workflow or activity, or as
ordinary code.

Generated ``@workflow.defn`` classes and ``@activity.defn`` functions are thin
shells around ``run_workflow`` / ``run_activity``: these build the entry's
Lua global environment (``entry_env``), run the file's top level, call the
exported function and turn its ``value`` / ``nil, err`` / Lua error into a
Temporal result or ``ApplicationError``. No other exception leaves them: in
the Python SDK a non-ApplicationError escaping a workflow fails the workflow
task forever. ``run_function`` runs a function entry in the calling thread
(``PKG.call``, ``funcs.call`` outside workflows) on an asyncio loop, where
its code may suspend (channels, ``coroutine.spawn``), as activities do.

Each entry's ``require`` gives the Wippy modules its ``modules:`` lists (and
the always-available ones), for its role, and its ``imports:``: the value the
imported entry's file returns, run in an environment of its own (its own
modules and imports) and loaded once: per workflow run in workflow code (a
run's library state must not leak into another run, or replays differ), per
process in activity and ordinary code (``AppSpec.loaded``)."""

from __future__ import annotations

import asyncio
import contextvars
import threading
from concurrent.futures import ThreadPoolExecutor
from types import CoroutineType
from typing import Any

from temporalio import activity, workflow
from temporalio.common import RawValue
from temporalio.exceptions import ApplicationError, ApplicationErrorCategory
from temporalio.exceptions import CancelledError as TemporalCancelledError

from ..env import new_env
from ..errors import LuaError
from ..lib import ltable
from ..ops import first
from ..table import Table
from ..values import to_text
from ..wippy import registry
from ..wippy.channel import COROUTINE, run_main
from ..wippy.errors import INTERNAL, NOT_FOUND, ErrorObject, coerce, from_exception
from ..wippy.json import PayloadError
from ..wippy.process import WorkflowProcess
from .app import AppSpec

# Every module object `require` can return, imported now: workflows run in
# the sandbox, which should find them loaded.
registry.import_all()

# Marks a library whose top level is running: requiring it again then is a cycle.
_LOADING = object()
# Activities run in threads: one loads a library while the others wait for it.
_PROCESS_LOADING = threading.RLock()


def entry_env(app: AppSpec, entry_id: str, role: str, loaded: dict) -> Table:
    """The global environment of entry ``entry_id``'s code in ``role``
    ("workflow", or "activity" for activity and ordinary code). ``loaded``
    caches the libraries its imports load (a workflow run's own dict, or
    ``app.loaded``)."""
    spec = app.entries[entry_id]
    modules = registry.environment(app, role, spec.modules)
    for alias, target in spec.imports.items():
        modules[alias] = _import_loader(app, target, role, loaded)
    return lua_env(modules)


def _import_loader(app: AppSpec, entry_id: str, role: str, loaded: dict):
    def loader(*_):
        if role == "workflow":
            return load_library(app, entry_id, role, loaded)
        with _PROCESS_LOADING:
            return load_library(app, entry_id, role, loaded)

    return loader


def load_library(app: AppSpec, entry_id: str, role: str, loaded: dict) -> Any:
    """What entry ``entry_id``'s file returns (``true`` for nothing), its top
    level run once per ``loaded``; a failed load is tried again next time,
    as Lua's ``require`` does."""
    value = loaded.get(entry_id)
    if value is _LOADING:
        raise LuaError(f"library '{entry_id}' requires itself while it loads (an import cycle)")
    if value is not None:
        return value
    spec = app.entries[entry_id]
    code = spec.workflow_code if role == "workflow" else spec.activity_code
    loaded[entry_id] = _LOADING
    try:
        value = code(entry_env(app, entry_id, role, loaded))
        if type(value) is CoroutineType:
            value = _to_the_end(value, entry_id)
        value = first(value)
    except BaseException:
        del loaded[entry_id]
        raise
    loaded[entry_id] = True if value is None else value
    return loaded[entry_id]


def _to_the_end(top_level: CoroutineType, entry_id: str) -> Any:
    """Run a library's top level compiled as workflow code that may suspend
    (it calls functions the compiler cannot see) without waiting: ``require``
    cannot wait. One that does wait is an error."""
    try:
        top_level.send(None)
    except StopIteration as done:
        return done.value
    top_level.close()
    raise LuaError(
        f"library '{entry_id}' waits for Temporal while it loads, which require cannot do in workflow code:"
        " make the call in a function the workflow calls"
    )


def lua_env(modules: dict) -> Table:
    """The global table of Wippy code: Lua's libraries (``table`` with
    ``create``), ``errors``, ``payload``, ``process``, the ``channel`` global and
    ``coroutine`` with ``spawn`` (Lua's coroutines
    in their async form: workflow and ordinary code may suspend)."""
    env = new_env(modules)
    dict.__setitem__(env, "errors", modules["errors"])
    dict.__setitem__(env, "payload", modules["payload"])  # always available, like errors
    if "process" in modules:  # always available, required or not
        dict.__setitem__(env, "process", modules["process"])
    dict.__setitem__(env, "channel", modules["channel"])
    dict.__setitem__(env, "coroutine", COROUTINE)
    dict.__setitem__(env, "table", ltable.WIPPY_LIB)
    loaded = dict.get(dict.get(env, "package"), "loaded")
    dict.__setitem__(loaded, "coroutine", COROUTINE)
    dict.__setitem__(loaded, "table", ltable.WIPPY_LIB)
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


async def _entry_call(code, app: AppSpec, entry_id: str, role: str, loaded: dict, args):
    """Run a source's top level and the entry's function on its results."""
    spec = app.entries[entry_id]
    exported = code(entry_env(app, entry_id, role, loaded))
    if type(exported) is CoroutineType:  # its top level calls functions that may suspend
        exported = await exported
    r = entry_function(exported, spec.method, entry_id)(*args)
    if type(r) is CoroutineType:
        r = await r
    return r


async def run_workflow(app: AppSpec, entry_id: str, input: Any = None, process: WorkflowProcess | None = None) -> Any:
    """Run workflow entry ``entry_id`` as the process ``process`` (the one
    the workflow's handlers feed; a new one without). It ends once the
    body has and the message handlers have finished."""
    err = None
    returned = False
    process = process or WorkflowProcess(app, entry_id)
    process.bind()
    try:
        spec = app.entries[entry_id]
        r = await run_main(
            _entry_call, spec.workflow_code, app, entry_id, "workflow", {}, (input,), on_cancel=process.cancel
        )
        value, err = split_result(r)
        returned = True
    except asyncio.CancelledError:
        raise
    except Exception as e:  # noqa: BLE001  every Lua failure becomes an ApplicationError
        err = from_exception(e)
    # Requests still waiting fail now; their handlers then end, before the run does.
    process.end()
    await process.flush()
    await workflow.wait_condition(workflow.all_handlers_finished)
    if err is not None:
        raise application_error(err, returned=returned)
    return _payload(workflow.payload_converter(), value)


async def call_entry(app: AppSpec, entry_id: str, args) -> tuple[Any, ErrorObject | None, bool]:
    """Run a function entry's code on the running loop (ordinary code
    suspends there, on channels and timers): ``(value, err, returned)``,
    ``returned`` telling an error the code returned from one it raised."""
    try:
        spec = app.entries[entry_id]
        r = await run_main(_entry_call, spec.activity_code, app, entry_id, "activity", app.loaded, args)
        return (*split_result(r), True)
    except (asyncio.CancelledError, TemporalCancelledError):
        # Let the SDK report the cancellation as such.
        raise
    except Exception as e:  # noqa: BLE001
        return None, from_exception(e), False


def _run_entry(app: AppSpec, entry_id: str, args) -> tuple[Any, ErrorObject | None, bool]:
    """``call_entry`` on an event loop of its own, from synchronous code: in
    this thread, or, when Lua code already runs a loop here (a ``funcs.call``
    of ordinary code), in a thread of its own while this one waits."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(call_entry(app, entry_id, args))
    context = contextvars.copy_context()
    with ThreadPoolExecutor(1, thread_name_prefix=entry_id) as pool:
        return pool.submit(context.run, asyncio.run, call_entry(app, entry_id, args)).result()


def run_activity(app: AppSpec, entry_id: str, args: tuple) -> Any:
    value, err, returned = _run_entry(app, entry_id, args)
    if err is not None:
        # An error the activity returns is its answer: retried only when it
        # says retryable = true. Crashes (INTERNAL, retryable) are retried.
        raise application_error(err, retry_unspecified=False, returned=returned)
    if not activity.in_activity():
        return value
    return _payload(activity.payload_converter(), value)


def run_function(app: AppSpec, entry_id: str, args) -> tuple[Any, ErrorObject | None]:
    """Function entry ``entry_id`` (ordinary code or an activity's function)
    called in this thread with Lua values, as Wippy's ``result, err``: an
    error it returns or raises is ``nil, err``; an ID the app has no
    function for is NOT_FOUND."""
    spec = app.entries.get(entry_id)
    if spec is None or spec.kind not in ("function", "activity"):
        return None, ErrorObject(NOT_FOUND, f"function '{entry_id}' not found", False)
    value, err, _returned = _run_entry(app, entry_id, args)
    return value, err
