"""Client API of a compiled app: connect, start workflows by entry ID, wait
for results; call ordinary code (function entries) in this process. Inputs
are plain Python data (converted to Lua values), results come back as plain
Python data; a failed workflow raises ``WorkflowFailed`` carrying the Wippy
error kind, a failed function call ``CallFailed``, an input that cannot be
sent ``InputError``, and a workflow whose tasks keep failing
``WorkflowTaskFailing`` (when the caller asked to give up)."""

from __future__ import annotations

import asyncio
import re
import uuid
from dataclasses import dataclass, replace
from typing import Any, Callable, Mapping

from temporalio.api.enums.v1 import EventType, WorkflowTaskFailedCause
from temporalio.client import Client, WorkflowFailureError, WorkflowHandle, WorkflowUpdateFailedError
from temporalio.service import RPCError, RPCStatusCode

from ..values import to_text
from ..wippy.errors import INTERNAL, from_exception
from ..wippy.json import MAX_DEPTH, PayloadError
from .app import AppSpec
from .connection import ConnectionSettingsError, Overrides, connect_config
from .context import ContextClientInterceptor, context_values
from .converter import DATA_CONVERTER, to_lua, to_python
from .glue import run_function

__all__ = [
    "CallFailed",
    "ConnectionSettingsError",
    "InputError",
    "RequestFailed",
    "TaskFailure",
    "WorkflowFailed",
    "WorkflowTaskFailing",
    "call",
    "connect",
    "execute",
    "handle_result",
    "request",
    "result",
    "send",
    "start",
]

# gRPC's default message limit, which Temporal servers keep; a single payload
# is also limited by the server (2 MiB by default), which says so itself.
GRPC_MESSAGE_LIMIT = 4 * 1024 * 1024


class WorkflowFailed(Exception):
    """A workflow ended in failure: ``kind`` (NOT_FOUND, INVALID, INTERNAL,
    TIMEOUT, CANCELED, ...), ``message``, ``retryable``, ``details``."""

    def __init__(self, workflow_id: str, kind: str, message: str, retryable: bool | None, details: Any = None):
        super().__init__(f"{kind}: {message}")
        self.workflow_id = workflow_id
        self.kind = kind
        self.message = message
        self.retryable = retryable
        self.details = details


class CallFailed(Exception):
    """A function entry returned ``nil, err`` or raised a Lua error (whose
    message starts with its Lua file:line): ``kind``, ``message``,
    ``retryable``, ``details``."""

    def __init__(self, entry_id: str, kind: str, message: str, retryable: bool | None, details: Any = None):
        super().__init__(f"{kind}: {message}")
        self.entry_id = entry_id
        self.kind = kind
        self.message = message
        self.retryable = retryable
        self.details = details


class RequestFailed(Exception):
    """A workflow refused or failed a request: ``kind``, ``message``."""

    def __init__(self, workflow_id: str, kind: str, message: str):
        super().__init__(f"{kind}: {message}")
        self.workflow_id = workflow_id
        self.kind = kind
        self.message = message


class InputError(ValueError):
    """An input or context that cannot be sent: nested deeper than Wippy's
    128 levels, too large for Temporal, or holding something JSON cannot
    carry. The message is one line naming the limit and the value."""


@dataclass(frozen=True)
class TaskFailure:
    """A workflow task of ``workflow_id`` failed: ``cause`` as Temporal names
    it (BAD_SEARCH_ATTRIBUTES, NON_DETERMINISTIC_ERROR, ...) and the message."""

    workflow_id: str
    cause: str
    message: str

    def __str__(self) -> str:
        return (
            f"workflow {self.workflow_id} cannot make progress: its workflow task failed ({self.cause}): {self.message}"
        )


class WorkflowTaskFailing(Exception):
    """The workflow's task kept failing for the grace period given; the
    workflow is still running (Temporal retries the task)."""

    def __init__(self, failure: TaskFailure, grace: float):
        super().__init__(f"{failure} (still failing after {grace:g} s; the workflow keeps running)")
        self.failure = failure


def _size(n: int) -> str:
    return f"{n / 1048576:.1f} MiB" if n >= 104858 else f"{n} bytes"


def _nesting(value: Any) -> int:
    """How many lists/dicts deep ``value`` is (iteratively: inputs can be
    deeper than Python's stack)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        v, depth = stack.pop()
        if isinstance(v, dict):
            items = v.values()
        elif isinstance(v, (list, tuple)):
            items = v
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((x, depth + 1) for x in items)
    return deepest


def encode_input(value: Any, what: str = "input") -> Any:
    """``value`` (plain Python data or Lua values) as the Lua value a workflow
    gets, checked against Wippy's and Temporal's limits. Raises InputError."""
    depth = _nesting(value)
    if depth > MAX_DEPTH:
        raise InputError(f"{what} is nested {depth} levels deep; Wippy's limit is {MAX_DEPTH}")
    lua_value = to_lua(value)
    try:
        (payload,) = DATA_CONVERTER.payload_converter.to_payloads([lua_value])
    except PayloadError as e:
        raise InputError(f"{what} cannot be sent: {e}") from None
    except (TypeError, ValueError) as e:
        raise InputError(f"{what} cannot be sent as JSON: {e}") from None
    size = payload.ByteSize()
    if size > GRPC_MESSAGE_LIMIT:
        raise InputError(
            f"{what} is {_size(size)} as JSON, over Temporal's gRPC message limit ({_size(GRPC_MESSAGE_LIMIT)})"
        )
    return lua_value


def _sending_error(e: RPCError, what: str, value: Any) -> Exception:
    """A start rejected for its size, as an InputError naming the limit."""
    text = str(e)
    if "Blob data size exceeds limit" in text or (
        e.status == RPCStatusCode.RESOURCE_EXHAUSTED and "larger than max" in text
    ):
        (payload,) = DATA_CONVERTER.payload_converter.to_payloads([value])
        limit = "2 MiB by default" if "Blob" in text else _size(GRPC_MESSAGE_LIMIT)
        return InputError(
            f"{what} is {_size(payload.ByteSize())} as JSON, over the Temporal server's payload limit ({limit}): {text}"
        )
    return e


def target(
    app: AppSpec, address: str | None = None, namespace: str | None = None, overrides: Overrides | None = None
) -> tuple[str, dict]:
    """Address and Client.connect keyword arguments. Precedence: arguments
    (and ``overrides``: the CLI's flags) > Temporal's environment
    configuration > the app's client entry (``connection.py``). Raises
    ConnectionSettingsError."""
    o = overrides or Overrides()
    o = replace(o, address=address or o.address, namespace=namespace or o.namespace)
    return connect_config(app.client, o)


async def connect(
    app: AppSpec,
    address: str | None = None,
    namespace: str | None = None,
    *,
    overrides: Overrides | None = None,
    **kwargs,
) -> Client:
    host, kw = target(app, address, namespace, overrides)
    interceptors = [ContextClientInterceptor(), *kwargs.pop("interceptors", ())]
    return await Client.connect(host, data_converter=DATA_CONVERTER, interceptors=interceptors, **{**kw, **kwargs})


def sending_context(client: Client) -> Client:
    """``client``, or one on the same connection that also sends context
    headers (for clients made elsewhere, e.g. a test environment's)."""
    config = client.config()
    if any(isinstance(i, ContextClientInterceptor) for i in config["interceptors"]):
        return client
    config["interceptors"] = [*config["interceptors"], ContextClientInterceptor()]
    return Client(**config)


async def register_search_attributes(client: Client, app: AppSpec) -> list[str]:
    """Register the search attributes the app's workflows set (``APP.search_attributes``)
    on the client's namespace, those the server lacks; idempotent. The
    problems, one line each (a server that refuses, such as Temporal Cloud
    with a namespace API key; a name registered with another type)."""
    from temporalio.api.enums.v1 import IndexedValueType
    from temporalio.api.operatorservice.v1 import AddSearchAttributesRequest, ListSearchAttributesRequest

    wanted = dict(app.search_attributes)
    if not wanted:
        return []
    namespace = client.namespace
    try:
        known = await client.operator_service.list_search_attributes(ListSearchAttributesRequest(namespace=namespace))
    except RPCError as e:
        return [f"cannot list the search attributes of namespace {namespace}: {e}"]
    registered = {**known.system_attributes, **known.custom_attributes}
    problems, missing = [], {}
    for name, kind in wanted.items():
        value_type = IndexedValueType.Value("INDEXED_VALUE_TYPE_" + re.sub(r"(?<!^)(?=[A-Z])", "_", kind).upper())
        if name not in registered:
            missing[name] = value_type
        elif registered[name] != value_type:
            have = IndexedValueType.Name(registered[name]).removeprefix("INDEXED_VALUE_TYPE_")
            problems.append(f"search attribute {name} is registered as {have}, but the workflows set a {kind}")
    if missing:
        try:
            await client.operator_service.add_search_attributes(
                AddSearchAttributesRequest(namespace=namespace, search_attributes=missing)
            )
        except RPCError as e:
            problems.append(f"cannot register search attributes {', '.join(missing)} in namespace {namespace}: {e}")
    return problems


def new_workflow_id(entry_id: str) -> str:
    return f"{entry_id.rpartition(':')[2]}-{uuid.uuid4()}"


async def start(
    client: Client,
    app: AppSpec,
    entry_id: str,
    input: Any = None,
    *,
    workflow_id: str | None = None,
    context: Mapping[str, Any] | None = None,
    **options,
) -> WorkflowHandle:
    """Start workflow entry ``entry_id`` on its task queue; its handle.
    ``context`` (plain data, string keys) is what the workflow, its
    activities and its children read with ``ctx``. ``options`` are
    ``Client.start_workflow`` keyword arguments (execution_timeout,
    id_conflict_policy, ...)."""
    spec = app.workflow(entry_id)
    value = encode_input(input)
    values = encode_input(dict(context or {}), "context")
    if context:
        client = sending_context(client)
    try:
        with context_values(values):
            return await client.start_workflow(
                spec.type_name,
                value,
                id=workflow_id or new_workflow_id(entry_id),
                **{"task_queue": app.task_queue(spec.task_queue), **options},
            )
    except RPCError as e:
        raise _sending_error(e, "input", value) from None


async def result(client: Client, workflow_id: str, run_id: str | None = None) -> Any:
    """Wait for a workflow's result (plain Python data)."""
    return await handle_result(client.get_workflow_handle(workflow_id, run_id=run_id))


async def handle_result(
    handle: WorkflowHandle,
    *,
    on_task_failure: Callable[[TaskFailure], None] | None = None,
    give_up_after: float | None = None,
    on_no_worker: Callable[[], None] | None = None,
) -> Any:
    """Wait for the result of a started workflow (plain Python data). Prefer
    it to ``result`` for a handle ``start`` gave: with the time-skipping test
    server only that handle lets time skip.

    With ``on_task_failure`` or ``give_up_after``, the workflow's history is
    watched while waiting: a workflow task failure (a search attribute the
    server lacks, non-determinism, a sandbox violation) is handed to
    ``on_task_failure`` at once, and after ``give_up_after`` seconds in which
    no later task completed, ``WorkflowTaskFailing`` is raised.
    ``on_no_worker`` is called once when no worker has taken the
    workflow's first task within ``NO_WORKER_NOTICE_AFTER`` seconds."""
    workflow_id = handle.id
    try:
        if on_task_failure is None and give_up_after is None and on_no_worker is None:
            value = await handle.result()
        else:
            value = await _watching(handle, on_task_failure or (lambda f: None), give_up_after, on_no_worker)
        return to_python(value)
    except WorkflowFailureError as e:
        err = from_exception(e.cause) if e.cause is not None else None
        if err is None:
            raise WorkflowFailed(workflow_id, "INTERNAL", str(e), None) from e
        raise WorkflowFailed(
            workflow_id, to_text(err.kind()), to_text(err.message()), err.retryable(), to_python(err.details())
        ) from e


_CAUSE_PREFIX = "WORKFLOW_TASK_FAILED_CAUSE_"


class _TaskWatch:
    """Follows a workflow's history: ``failure`` is the latest workflow task
    failure that no completed task has followed (Temporal records the first
    failed attempt only; later attempts retry silently)."""

    def __init__(self, handle: WorkflowHandle):
        self.handle = handle
        self.failure: TaskFailure | None = None
        self.task_started = False  # has any worker taken one of its tasks?
        self.changed = asyncio.Event()

    async def run(self) -> None:
        try:
            await self._follow()
        except Exception:  # noqa: BLE001  a server that cannot be watched: the result still comes
            pass

    async def _follow(self) -> None:
        async for event in self.handle.fetch_history_events(wait_new_event=True, skip_archival=True):
            if event.event_type == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED:
                self.task_started = True
            elif event.event_type == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED:
                a = event.workflow_task_failed_event_attributes
                cause = WorkflowTaskFailedCause.Name(a.cause).removeprefix(_CAUSE_PREFIX)
                self.failure = TaskFailure(self.handle.id, cause, a.failure.message)
            elif event.event_type == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED and self.failure is not None:
                self.failure = None
            else:
                continue
            self.changed.set()


# A failure followed this soon by a completed task (an old one in a history
# read from the start) is not reported.
_SETTLE = 0.3
NO_WORKER_NOTICE_AFTER = 5.0


async def _watching(
    handle: WorkflowHandle,
    report: Callable[[TaskFailure], None],
    give_up_after: float | None,
    on_no_worker: Callable[[], None] | None,
) -> Any:
    loop = asyncio.get_running_loop()
    result = asyncio.ensure_future(handle.result())
    watch = _TaskWatch(handle)
    watcher = asyncio.create_task(watch.run())
    reported: TaskFailure | None = None
    deadline: float | None = None
    # When no worker has taken the workflow's first task by then, say so once.
    idle_at = None if on_no_worker is None else loop.time() + NO_WORKER_NOTICE_AFTER
    try:
        while not result.done():
            failure = watch.failure
            if failure is not None and failure is not reported:
                await asyncio.wait([result], timeout=_SETTLE)
                if result.done() or watch.failure is not failure:
                    continue
                report(failure)
                reported = failure
                deadline = None if give_up_after is None else loop.time() + give_up_after
            elif failure is None:
                reported, deadline = None, None
            watch.changed.clear()
            changed = asyncio.ensure_future(watch.changed.wait())
            if watch.task_started:
                idle_at = None
            wake = min((t for t in (deadline, idle_at) if t is not None), default=None)
            timeout = None if wake is None else max(0.0, wake - loop.time())
            done, _ = await asyncio.wait([result, changed], timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
            changed.cancel()
            if done:
                continue
            if deadline is not None and loop.time() >= deadline:
                raise WorkflowTaskFailing(reported, give_up_after)
            if idle_at is not None and loop.time() >= idle_at and not watch.task_started:
                on_no_worker()
                idle_at = None
        return result.result()
    finally:
        watcher.cancel()
        if not result.done():
            result.cancel()


async def execute(
    client: Client,
    app: AppSpec,
    entry_id: str,
    input: Any = None,
    *,
    workflow_id: str | None = None,
    context: Mapping[str, Any] | None = None,
    **options,
) -> Any:
    """Start workflow entry ``entry_id`` and wait for its result."""
    handle = await start(client, app, entry_id, input, workflow_id=workflow_id, context=context, **options)
    return await handle_result(handle)


async def call(
    app: AppSpec,
    entry_id: str,
    *args: Any,
    context: Mapping[str, Any] | None = None,
    client: Client | None = None,
    overrides: Overrides | None = None,
) -> Any:
    """Call function entry ``entry_id`` (ordinary code) in this process
    with ``args`` (plain Python data) and return its first result as plain
    Python data. ``context`` holds the values its Lua code reads with
    ``ctx``. Its Lua code runs in a worker thread, so this event loop (its
    workers, say) keeps running meanwhile; it is a process (``process.pid``,
    its inbox): when it first talks to Temporal, with ``client`` or else one
    connected with the app's settings and ``overrides``, this loop serves
    its delivery queue too. Raises ``CallFailed`` for ``nil, err`` or a Lua
    error, KeyError for an ID that names no function entry."""
    from ..wippy.outside import running_process

    spec = app.entries.get(entry_id)
    if spec is None or spec.kind not in ("function", "activity"):
        known = ", ".join(sorted(app.functions)) or "none"
        raise KeyError(f"unknown function {entry_id!r} (this app's ordinary functions: {known})")
    values = [to_lua(a) for a in args]

    async def get_client() -> Client:
        return client if client is not None else await connect(app, overrides=overrides)

    # The thread runs in a copy of this context: the block's values included.
    with context_values(encode_input(dict(context or {}), "context")):
        value, err = await running_process(
            app, get_client, lambda: asyncio.to_thread(run_function, app, entry_id, values)
        )
    if err is not None:
        raise CallFailed(
            entry_id, to_text(err.kind()) or INTERNAL, to_text(err.message()), err.retryable(), to_python(err.details())
        )
    return to_python(value)


# --- messages to workflows -------------------------------------------------------------


def _workflow_id(pid: str) -> str:
    from ..wippy.message import parse_pid

    return parse_pid(pid)[2]


async def send(client: Client, workflow_id: str, topic: str, payload: Any = None) -> None:
    """Send message ``topic`` with ``payload`` (plain data) to a workflow
    (its ID or PID): a signal. Raises RPCError when it is not running."""
    value = encode_input(payload, "payload")
    await client.get_workflow_handle(_workflow_id(workflow_id)).signal(topic, value)


async def request(client: Client, workflow_id: str, topic: str, payload: Any = None) -> Any:
    """Ask a workflow (its ID or PID) and wait for its answer: an update
    named ``topic``, a message from ``{update|<id>}`` its body answers with
    ``ok`` (the value returned, as plain data), ``error`` or ``nak``
    (``RequestFailed``, kind NAK)."""
    value = encode_input(payload, "payload")
    workflow_id = _workflow_id(workflow_id)
    try:
        reply = await client.get_workflow_handle(workflow_id).execute_update(topic, value)
    except WorkflowUpdateFailedError as e:
        err = from_exception(e.cause) if e.cause is not None else None
        if err is None:
            raise RequestFailed(workflow_id, INTERNAL, str(e)) from e
        raise RequestFailed(workflow_id, to_text(err.kind()) or INTERNAL, to_text(err.message())) from e
    return to_python(reply)
