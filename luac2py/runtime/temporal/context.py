"""Context values: a string-keyed table that travels with a
workflow into every activity, local activity, child workflow and
continue-as-new run it starts, read by Lua through the ``ctx`` module.

On the wire it is the Temporal header ``wippy-context``: one ``json/plain``
payload holding a JSON object, made by the app's data converter. That is the
header Wippy's own Go runtime reads and writes, so context crosses between
the two.

In a process, the context of the running code is a ContextVar holding that
payload. Interceptors set it from the header on the way in (workflow run,
activity) and copy it into the header on the way out (client start, activity,
child, continue-as-new). A workflow's main task and the coroutines it spawns
(tasks that copy its context) see the workflow's values, which is where Lua
code runs; update and query handlers run in tasks of their own and see
none, signal handlers see the sender's (its ``temporal.signal.from`` names
the sending process, ``signal_sender``). Each activity task sees its own. Nothing here reads the clock or
randomness, so replays see what the original run saw. This module is under
``luac2py``, which the workflow sandbox passes through: workflows and
interceptors share one ContextVar."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterator, Mapping, NoReturn

from temporalio import client, worker, workflow
from temporalio.api.common.v1 import Payload

from ..table import Table
from ..values import type_name
from .converter import DATA_CONVERTER

HEADER = "wippy-context"
# The context key naming a signal's sender (Wippy's own).
SENDER_KEY = "temporal.signal.from"

_current: ContextVar[Payload | None] = ContextVar("luac2py_context", default=None)


def current_values() -> Table:
    """The running code's context as a new Lua table (empty without one):
    callers may change it without touching the context."""
    payload = _current.get()
    if payload is None:
        return Table()
    values = DATA_CONVERTER.payload_converter.from_payload(payload)
    # A foreign sender could put something other than an object in the header.
    return values if isinstance(values, Table) else Table()


@contextmanager
def context_values(values: Table) -> Iterator[None]:
    """Run the block with ``values`` merged over the current context: what it
    starts carries them. Raises ValueError for a key that is not a string and
    PayloadError for a value without a JSON form."""
    merged = current_values()
    for key, value in values.fields():
        if type(key) is not str:
            raise ValueError(f"context keys must be strings, got {type_name(key)}")
        dict.__setitem__(merged, key, value)
    token = _current.set(DATA_CONVERTER.payload_converter.to_payload(merged) if len(merged) else None)
    try:
        yield
    finally:
        _current.reset(token)


def signal_sender() -> str:
    """In a signal handler: the PID of the process that sent the signal, ""
    when the sender did not say."""
    sender = dict.get(current_values(), SENDER_KEY)
    return sender if type(sender) is str else ""


def _with_header(headers: Mapping[str, Payload]) -> Mapping[str, Payload]:
    payload = _current.get()
    if payload is None:
        return headers
    return {**headers, HEADER: payload}


# --- client: starting workflows ----------------------------------------------------


class ContextClientInterceptor(client.Interceptor):
    """Sends the starter's context with every workflow start (signal-with-start
    and update-with-start included)."""

    def intercept_client(self, next: client.OutboundInterceptor) -> client.OutboundInterceptor:
        return _ClientOutbound(next)


class _ClientOutbound(client.OutboundInterceptor):
    async def start_workflow(self, input: client.StartWorkflowInput) -> client.WorkflowHandle[Any, Any]:
        input.headers = _with_header(input.headers)
        return await super().start_workflow(input)

    async def start_update_with_start_workflow(
        self, input: client.StartWorkflowUpdateWithStartInput
    ) -> client.WorkflowUpdateHandle[Any]:
        start = input.start_workflow_input
        start.headers = _with_header(start.headers)
        return await super().start_update_with_start_workflow(input)

    async def signal_workflow(self, input: client.SignalWorkflowInput) -> None:
        input.headers = _with_header(input.headers)
        await super().signal_workflow(input)


# --- worker: workflows and activities ----------------------------------------------


class ContextWorkerInterceptor(worker.Interceptor):
    """Reads the header into the running workflow or activity and passes the
    workflow's context on to what it starts."""

    def intercept_activity(self, next: worker.ActivityInboundInterceptor) -> worker.ActivityInboundInterceptor:
        return _ActivityInbound(next)

    def workflow_interceptor_class(
        self, input: worker.WorkflowInterceptorClassInput
    ) -> type[worker.WorkflowInboundInterceptor]:
        return _WorkflowInbound


class _ActivityInbound(worker.ActivityInboundInterceptor):
    async def execute_activity(self, input: worker.ExecuteActivityInput) -> Any:
        # Synchronous activities run in the thread pool with a copy of this
        # task's context (temporalio copies it), so they see the value too.
        token = _current.set(input.headers.get(HEADER))
        try:
            return await super().execute_activity(input)
        finally:
            _current.reset(token)


class _WorkflowInbound(worker.WorkflowInboundInterceptor):
    def init(self, outbound: worker.WorkflowOutboundInterceptor) -> None:
        super().init(_WorkflowOutbound(outbound))

    async def execute_workflow(self, input: worker.ExecuteWorkflowInput) -> Any:
        # Set in the workflow's main task: the value stays local to this run.
        _current.set(input.headers.get(HEADER))
        return await super().execute_workflow(input)

    async def handle_signal(self, input: worker.HandleSignalInput) -> None:
        # The handler's own task: the sender's context names the sender.
        _current.set(input.headers.get(HEADER))
        await super().handle_signal(input)


class _WorkflowOutbound(worker.WorkflowOutboundInterceptor):
    def start_activity(self, input: worker.StartActivityInput) -> workflow.ActivityHandle[Any]:
        input.headers = _with_header(input.headers)
        return super().start_activity(input)

    def start_local_activity(self, input: worker.StartLocalActivityInput) -> workflow.ActivityHandle[Any]:
        input.headers = _with_header(input.headers)
        return super().start_local_activity(input)

    async def start_child_workflow(
        self, input: worker.StartChildWorkflowInput
    ) -> workflow.ChildWorkflowHandle[Any, Any]:
        input.headers = _with_header(input.headers)
        return await super().start_child_workflow(input)

    async def signal_child_workflow(self, input: worker.SignalChildWorkflowInput) -> None:
        input.headers = _with_header(input.headers)
        await super().signal_child_workflow(input)

    async def signal_external_workflow(self, input: worker.SignalExternalWorkflowInput) -> None:
        input.headers = _with_header(input.headers)
        await super().signal_external_workflow(input)

    def continue_as_new(self, input: worker.ContinueAsNewInput) -> NoReturn:
        input.headers = _with_header(input.headers)
        super().continue_as_new(input)
