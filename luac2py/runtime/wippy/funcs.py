"""Calling activities from workflows: ``activity_result``, the
default options, option tables -> ``execute_activity`` keyword arguments, and
the ``funcs`` module with its immutable executors; outside workflows
(activity and ordinary code) ``funcs`` calls the function in the process.
``funcs.async`` returns a ``Future``: in workflows a started activity, outside
them the function running in a thread of its own."""

from __future__ import annotations

import asyncio
import contextvars
import threading
from contextlib import nullcontext
from datetime import timedelta

from temporalio.common import RetryPolicy

from ..errors import LuaError
from ..table import Table
from ..temporal.context import context_values
from ..values import float_to_int, number_to_str, to_text, type_name
from .errors import CANCELED, INVALID, ErrorObject, from_exception, normalize_kind
from .json import encode as json_encode
from .module import LuaObject, Module
from .payload import Payload
from .registry import ACTIVITY_START_TO_CLOSE_SECONDS
from .time import parse_duration, timedelta_source

DEFAULT_START_TO_CLOSE = timedelta(seconds=ACTIVITY_START_TO_CLOSE_SECONDS)

# The Python SDK reports an activity type no worker registered as a retryable
# ApplicationError of this type; Wippy reports NOT_FOUND at once.
NOT_REGISTERED_TYPE = "NotFoundError"

DEFAULT_RETRY_POLICY = RetryPolicy(non_retryable_error_types=[NOT_REGISTERED_TYPE])


async def activity_result(awaitable):
    """``(value, None)`` or ``(None, error_object)`` for an activity call.
    Activity failures never raise; workflow cancellation does."""
    try:
        return (await awaitable, None)
    except asyncio.CancelledError:
        raise
    except Exception as e:  # noqa: BLE001  every failure becomes an error value
        return (None, from_exception(e))


# --- option tables -------------------------------------------------------------

_DURATION_OPTIONS = (
    "start_to_close_timeout",
    "schedule_to_close_timeout",
    "schedule_to_start_timeout",
    "heartbeat_timeout",
)
_ACTIVITY_OPTIONS = frozenset(
    _DURATION_OPTIONS + ("id", "task_queue", "wait_for_cancellation", "disable_eager_execution", "retry_policy")
)
# Options that execute_local_activity does not take.
_REMOTE_ONLY = ("task_queue", "heartbeat_timeout")


def _items(t):
    if isinstance(t, dict):
        return t.fields() if isinstance(t, Table) else dict.items(t)
    raise ValueError(f"options must be a table, got {type_name(t)}")


def _field(t: dict, *names):
    for n in names:
        v = dict.get(t, n)
        if v is not None:
            return v
    return None


def _string(key: str, v) -> str:
    if type(v) is not str:
        raise ValueError(f"{key} must be a string, got {type_name(v)}")
    return to_text(v)


def _string_list(key: str, v) -> list[str]:
    if isinstance(v, (list, tuple)):
        items = list(v)
    elif isinstance(v, dict) and all(type(k) is int for k in v) and sorted(v) == list(range(1, len(v) + 1)):
        items = [dict.__getitem__(v, i) for i in range(1, len(v) + 1)]
    else:
        raise ValueError(f"{key} must be a list of strings")
    return [_string(key, x) for x in items]


def _bool(key: str, v) -> bool:
    if type(v) is not bool:
        raise ValueError(f"{key} must be a boolean, got {type_name(v)}")
    return v


def _duration(key: str, v) -> timedelta:
    try:
        return parse_duration(v)
    except ValueError as e:
        raise ValueError(f"{key}: {e}") from None


def retry_policy(t) -> RetryPolicy:
    """A RetryPolicy from a Lua retry table: intervals in ms or as
    duration strings, ``maximum_attempts = 0`` unlimited. Unregistered
    activities stay non-retryable whatever the table says."""
    key = "activity.retry_policy"
    if not isinstance(t, dict):
        raise ValueError(f"{key} must be a table, got {type_name(t)}")
    kw = {}
    v = _field(t, "initial_interval", "initialInterval")
    if v is not None:
        kw["initial_interval"] = _duration(f"{key}.initial_interval", v)
    v = _field(t, "backoff_coefficient", "backoffCoefficient")
    if v is not None:
        if type(v) not in (int, float):
            raise ValueError(f"{key}.backoff_coefficient must be a number, got {type_name(v)}")
        kw["backoff_coefficient"] = float(v)
    v = _field(t, "maximum_interval", "maximumInterval")
    if v is not None:
        kw["maximum_interval"] = _duration(f"{key}.maximum_interval", v)
    v = _field(t, "maximum_attempts", "maximumAttempts")
    if v is not None:
        n = v if type(v) is int else (float_to_int(v) if type(v) is float else None)
        if n is None or n < 0:
            raise ValueError(f"{key}.maximum_attempts must be a non-negative integer")
        kw["maximum_attempts"] = n
    kinds = []
    v = _field(t, "non_retryable_error_types", "nonRetryableErrorTypes")
    if v is not None:
        for kind in _string_list(f"{key}.non_retryable_error_types", v):
            kinds.append(normalize_kind(kind))
    if NOT_REGISTERED_TYPE not in kinds:
        kinds.append(NOT_REGISTERED_TYPE)
    return RetryPolicy(non_retryable_error_types=kinds, **kw)


def parse_activity_options(options) -> dict:
    """execute_activity keyword arguments for the options a table sets
    (``activity.*`` keys, with or without a ``temporal.`` prefix; other keys
    are ignored, as in Wippy). Raises ValueError."""
    from temporalio.workflow import ActivityCancellationType

    out: dict = {}
    if options is None:
        return out
    for k, v in _items(options):
        if type(k) is not str:
            continue
        name = to_text(k).removeprefix("temporal.")
        if not name.startswith("activity."):
            continue
        opt = name[len("activity.") :]
        if opt not in _ACTIVITY_OPTIONS or v is None:
            continue
        if opt in _DURATION_OPTIONS:
            out[opt] = _duration(name, v)
        elif opt == "id":
            out["activity_id"] = _string(name, v)
        elif opt == "task_queue":
            out["task_queue"] = _string(name, v)
        elif opt == "wait_for_cancellation":
            out["cancellation_type"] = (
                ActivityCancellationType.WAIT_CANCELLATION_COMPLETED
                if _bool(name, v)
                else ActivityCancellationType.TRY_CANCEL
            )
        elif opt == "disable_eager_execution":
            # The Python SDK decides eager execution per worker, not per call.
            _bool(name, v)
        else:
            out["retry_policy"] = retry_policy(v)
    return out


def activity_kwargs(options=None, *, local: bool = False) -> dict:
    """The full keyword arguments for ``workflow.execute_activity`` (or, with
    ``local``, ``execute_local_activity``) for an option table, defaults
    included. Pure Python: usable by the compiler at build time. An explicit
    ``task_queue`` is the logical name: pass it through ``AppSpec.task_queue``."""
    kw = {"start_to_close_timeout": DEFAULT_START_TO_CLOSE, "retry_policy": DEFAULT_RETRY_POLICY}
    kw.update(parse_activity_options(options))
    if local:
        for name in _REMOTE_ONLY:
            kw.pop(name, None)
    return kw


def activity_kwargs_source(options=None, *, local: bool = False, app_name: str = "APP") -> dict[str, str]:
    """``activity_kwargs`` as Python source expressions, for generated code.
    They use ``timedelta``, ``RetryPolicy`` (temporalio.common),
    ``ActivityCancellationType`` (temporalio.workflow), ``DEFAULT_RETRY_POLICY``
    (this module) and ``<app_name>.task_queue``."""
    out = {}
    for name, v in activity_kwargs(options, local=local).items():
        if isinstance(v, timedelta):
            out[name] = timedelta_source(v)
        elif isinstance(v, RetryPolicy):
            out[name] = "DEFAULT_RETRY_POLICY" if v == DEFAULT_RETRY_POLICY else _retry_source(v)
        elif name == "task_queue":
            out[name] = f"{app_name}.task_queue({v!r})"
        elif name == "cancellation_type":
            out[name] = f"ActivityCancellationType.{v.name}"
        else:
            out[name] = repr(v)
    return out


def _retry_source(p: RetryPolicy) -> str:
    default = RetryPolicy()
    args = []
    if p.initial_interval != default.initial_interval:
        args.append(f"initial_interval={timedelta_source(p.initial_interval)}")
    if p.backoff_coefficient != default.backoff_coefficient:
        args.append(f"backoff_coefficient={p.backoff_coefficient!r}")
    if p.maximum_interval is not None:
        args.append(f"maximum_interval={timedelta_source(p.maximum_interval)}")
    if p.maximum_attempts:
        args.append(f"maximum_attempts={p.maximum_attempts}")
    args.append(f"non_retryable_error_types={list(p.non_retryable_error_types or [])!r}")
    return f"RetryPolicy({', '.join(args)})"


# --- the funcs module ----------------------------------------------------------


def _lua_options(options, fname: str) -> dict:
    if not isinstance(options, Table):
        raise LuaError.at_caller(f"bad argument #1 to '{fname}' (table expected, got {type_name(options)})")
    try:
        return parse_activity_options(options)
    except ValueError as e:
        raise LuaError.at_caller(f"bad argument #1 to '{fname}' ({e})") from None


def _context(context: Table | None):
    """The block a call is made in: ``context`` (``with_context``) merged
    over the running code's, for what the block starts."""
    return nullcontext() if context is None else context_values(context)


def _entry_name(entry_id, fname: str) -> str:
    """A function ID argument as text: a string, or a number in its string
    form (Wippy's ``CheckString``); anything else is a bad argument."""
    t = type(entry_id)
    if t is str:
        return to_text(entry_id)
    if t is int or t is float:
        return number_to_str(entry_id)
    raise LuaError.at_caller(f"bad argument #1 to '{fname}' (string expected, got {type_name(entry_id)})")


def _target_error(name: str) -> ErrorObject | None:
    """Wippy's check of a function ID before a call starts: the namespace
    ends at the first colon (registry.ParseID)."""
    if name == "":
        return ErrorObject(INVALID, "function ID required", False)
    namespace, colon, entry = name.partition(":")
    if not colon or namespace == "":
        return ErrorObject(INVALID, "namespace required in function ID", False)
    if entry == "":
        return ErrorObject(INVALID, "name required in function ID", False)
    return None


class Future(LuaObject):
    """What ``funcs.async`` returns. ``complete`` is called once, on the loop
    of the code holding the future, when the call ends; the response
    channel (capacity 1, made on first use) then holds the result, a payload
    or an error object, and is closed, as Wippy ends the future's topic.
    ``cancel`` marks the future canceled and closes the channel; a result
    arriving after it is dropped."""

    __slots__ = ("_request_cancel", "_channel", "_done", "_value", "_err", "_canceled")
    lua_name = "Future"
    lua_methods = frozenset({"response", "channel", "is_complete", "is_canceled", "result", "error", "cancel"})

    def __init__(self, request_cancel):
        # Called by cancel(); may return an awaitable cancel() then waits for.
        self._request_cancel = request_cancel
        self._channel = None
        self._done = False
        self._value = None
        self._err = None
        self._canceled = False

    def complete(self, value, err: ErrorObject | None) -> None:
        if self._done or self._canceled:
            return
        self._done = True
        self._value = None if err is not None else Payload(value)
        self._err = err
        if self._channel is not None:
            self._deliver()

    def _deliver(self) -> None:
        self._channel.offer(self._err if self._err is not None else self._value)
        self._channel.close()

    def response(self, *_):
        from .channel import Channel

        if self._channel is None:
            self._channel = Channel(1)
            if self._done:
                self._deliver()
            elif self._canceled:
                self._channel.close()
        return self._channel

    channel = response

    def is_complete(self, *_):
        return self._done

    def is_canceled(self, *_):
        return self._canceled

    def result(self, *_):
        # Does not wait: (nil, nil) until the call ends.
        if self._canceled:
            return None, ErrorObject(CANCELED, "canceled", False)
        if self._err is not None:
            return None, self._err
        return self._value, None

    def error(self, *_):
        if self._err is not None:
            return self._err, True
        return None, False

    def cancel(self, *_):
        if self._canceled:
            return None
        self._canceled = True
        if self._channel is not None and not self._done:
            self._channel.close()
        return None if self._done else self._request_cancel()


def merged_context(base: Table | None, values) -> Table:
    """``with_context(values)`` over ``base`` (executors and process
    builders alike), checked here so a bad value is reported where it is given."""
    if not isinstance(values, Table):
        raise LuaError.at_caller(f"bad argument #1 to 'with_context' (table expected, got {type_name(values)})")
    merged = Table()
    for src in (base, values):
        if src is not None:
            for k, v in src.fields():
                dict.__setitem__(merged, k, v)
    try:
        if any(type(k) is not str for k in dict.keys(merged)):
            raise ValueError("context keys must be strings")
        json_encode(merged)
    except ValueError as e:
        raise LuaError.at_caller(f"bad argument #1 to 'with_context' ({e})") from None
    return merged


class Executor(LuaObject):
    """``funcs.new()``: immutable; ``with_options``/``with_context`` return a
    new executor."""

    __slots__ = ("_funcs", "options", "context")
    lua_name = "executor"
    lua_methods = frozenset({"with_options", "with_context", "call", "async"})

    def __init__(self, funcs: "FuncsModule | DirectFuncs", options: dict, context: Table | None):
        self._funcs = funcs
        self.options = options
        self.context = context

    def with_options(self, options=None, *_):
        return Executor(self._funcs, {**self.options, **self._funcs.executor_options(options)}, self.context)

    def with_context(self, values=None, *_):
        return Executor(self._funcs, self.options, merged_context(self.context, values))

    def call(self, entry_id=None, *args):
        # Awaitable in workflow code (FuncsModule), the result outside it.
        return self._funcs.execute(entry_id, args, self.options, self.context)

    def async_(self, entry_id=None, *args):
        return self._funcs.start(entry_id, args, self.options, self.context)


class FuncsModule(Module):
    """``require("funcs")`` in a workflow of ``app`` (an AppSpec)."""

    lua_fields = frozenset({"call", "new", "async"})

    def __init__(self, app):
        self.app = app

    async def call(self, entry_id=None, *args):
        return await self.execute(entry_id, args, {})

    def async_(self, entry_id=None, *args):
        return self.start(entry_id, args, {})

    def new(self, *_):
        return Executor(self, {}, None)

    def executor_options(self, options) -> dict:
        """``with_options``: activity options, checked where they are given."""
        return _lua_options(options, "with_options")

    async def execute(self, entry_id, args: tuple, options: dict, context: Table | None = None):
        """Run activity ``entry_id``: local or remote and its task queue from
        the app's ActivitySpec; an ID the app does not know is scheduled on the
        workflow's own task queue, where it fails as NOT_FOUND. ``context``
        (``with_context``) goes to this activity only, over the workflow's."""
        from temporalio import workflow

        name = _entry_name(entry_id, "call")
        local, kw = self._activity_kwargs(name, options)
        execute = workflow.execute_local_activity if local else workflow.execute_activity
        # The activity is scheduled inside the block: its header carries the merge.
        with _context(context):
            return await activity_result(execute(name, args=list(args), **kw))

    def start(self, entry_id, args: tuple, options: dict, context: Table | None = None):
        """Start activity ``entry_id`` as ``execute`` would run it, without
        waiting: ``future, nil`` or ``nil, err`` for an ID Wippy rejects.
        The future completes from the activity handle's done callback, on the
        workflow's loop, so replays see the same order; cancel requests the
        activity's cancellation (and waits for it with
        ``wait_for_cancellation``)."""
        from temporalio import workflow

        name = _entry_name(entry_id, "async")
        err = _target_error(name)
        if err is not None:
            return None, err
        local, kw = self._activity_kwargs(name, options)
        begin = workflow.start_local_activity if local else workflow.start_activity
        try:
            with _context(context):
                handle = begin(name, args=list(args), **kw)
        except Exception as e:  # noqa: BLE001  e.g. a local activity the worker lacks
            return None, from_exception(e)
        wait = kw.get("cancellation_type") == workflow.ActivityCancellationType.WAIT_CANCELLATION_COMPLETED

        def request_cancel():
            handle.cancel()
            return _settled(handle) if wait else None

        future = Future(request_cancel)
        handle.add_done_callback(lambda h: future.complete(*_outcome(h)))
        return future, None

    def _activity_kwargs(self, name: str, options: dict) -> tuple[bool, dict]:
        """(local, keyword arguments) for activity ``name`` with ``options``."""
        spec = self.app.activities.get(name)
        kw = {"start_to_close_timeout": DEFAULT_START_TO_CLOSE, "retry_policy": DEFAULT_RETRY_POLICY, **options}
        if spec is not None and spec.local:
            for opt in _REMOTE_ONLY:
                kw.pop(opt, None)
            return True, kw
        if "task_queue" in kw:
            kw["task_queue"] = self.app.task_queue(kw["task_queue"])
        elif spec is not None:
            kw["task_queue"] = self.app.task_queue(spec.task_queue)
        return False, kw


def _outcome(task) -> tuple:
    """``(value, err)`` of a finished activity handle."""
    if task.cancelled():
        return None, ErrorObject(CANCELED, "canceled", False)
    exc = task.exception()
    if exc is not None:
        return None, from_exception(exc)
    return task.result(), None


async def _settled(handle) -> None:
    """Wait until a canceled activity has ended, however it ended."""
    try:
        await asyncio.shield(handle)
    except asyncio.CancelledError:
        if not handle.done():
            raise  # the workflow itself is being canceled
    except Exception:  # noqa: BLE001  its outcome is the future's, already dropped
        pass


class DirectFuncs(Module):
    """``require("funcs")`` in activity and ordinary code: ``funcs.call``
    runs the function entry in this thread, as Wippy does outside workflows,
    ``funcs.async`` in a thread of its own; an executor's activity options do
    not apply, its context does."""

    lua_fields = frozenset({"call", "new", "async"})

    def __init__(self, app):
        self.app = app

    def call(self, entry_id=None, *args):
        return self.execute(entry_id, args, {})

    def async_(self, entry_id=None, *args):
        return self.start(entry_id, args, {})

    def new(self, *_):
        return Executor(self, {}, None)

    def executor_options(self, options) -> dict:
        """``with_options`` takes any table, as Wippy's does (it keeps the
        options unread); activity options do not apply here."""
        if not isinstance(options, Table):
            raise LuaError.at_caller(f"bad argument #1 to 'with_options' (table expected, got {type_name(options)})")
        return {}

    def execute(self, entry_id, args: tuple, options: dict, context: Table | None = None):
        """``value, err``: a malformed ID is ``nil, INVALID`` before anything
        runs, as in Wippy; an ID the app has no function for, NOT_FOUND."""
        from ..temporal.glue import run_function

        name = _entry_name(entry_id, "call")
        err = _target_error(name)
        if err is not None:
            return None, err
        with _context(context):
            return run_function(self.app, name, args)

    def start(self, entry_id, args: tuple, options: dict, context: Table | None = None):
        """Run the function in a new thread, with this code's context (and
        the executor's over it). Its result reaches the future on the event
        loop running here, if any, so channel waiters wake on their own loop.
        Cancel is best effort, as in Wippy: the thread runs on, its result is
        dropped."""
        from ..temporal.glue import run_function

        name = _entry_name(entry_id, "async")
        err = _target_error(name)
        if err is not None:
            return None, err
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        future = Future(lambda: None)
        with _context(context):
            inherited = contextvars.copy_context()

        def run():
            value, err = inherited.run(run_function, self.app, name, args)
            if loop is None:
                future.complete(value, err)
            elif not loop.is_closed():
                loop.call_soon_threadsafe(future.complete, value, err)

        threading.Thread(target=run, name=f"funcs.async {name}", daemon=True).start()
        return future, None
