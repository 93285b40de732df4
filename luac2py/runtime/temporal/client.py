"""Client API of a compiled app: connect, start workflows by entry ID, wait
for results. Inputs are plain Python data (converted to Lua values), results
come back as plain Python data; a failed workflow raises ``WorkflowFailed``
carrying the Wippy error kind."""

from __future__ import annotations

import uuid
from typing import Any, Mapping

from temporalio.client import Client, WorkflowFailureError, WorkflowHandle

from ..values import to_text
from ..wippy.errors import from_exception
from .app import AppSpec
from .context import ContextClientInterceptor, context_values
from .converter import DATA_CONVERTER, to_lua, to_python


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


def target(app: AppSpec, address: str | None = None, namespace: str | None = None) -> tuple[str, dict]:
    """Address and Client.connect keyword arguments. Precedence: arguments >
    TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE > the app's client entry."""
    spec = app.client.resolved()
    kw = spec.connect_kwargs()
    if namespace:
        kw["namespace"] = namespace
    return address or spec.address, kw


async def connect(app: AppSpec, address: str | None = None, namespace: str | None = None, **kwargs) -> Client:
    host, kw = target(app, address, namespace)
    interceptors = [ContextClientInterceptor(), *kwargs.pop("interceptors", ())]
    return await Client.connect(host, data_converter=DATA_CONVERTER, interceptors=interceptors, **kw, **kwargs)


def _sending_context(client: Client) -> Client:
    """``client``, or one on the same connection that also sends context
    headers (for clients made elsewhere, e.g. a test environment's)."""
    config = client.config()
    if any(isinstance(i, ContextClientInterceptor) for i in config["interceptors"]):
        return client
    config["interceptors"] = [*config["interceptors"], ContextClientInterceptor()]
    return Client(**config)


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
    if context:
        client = _sending_context(client)
    with context_values(to_lua(dict(context or {}))):
        return await client.start_workflow(
            spec.type_name,
            to_lua(input),
            id=workflow_id or new_workflow_id(entry_id),
            task_queue=app.task_queue(spec.task_queue),
            **options,
        )


async def result(client: Client, workflow_id: str, run_id: str | None = None) -> Any:
    """Wait for a workflow's result (plain Python data)."""
    return await handle_result(client.get_workflow_handle(workflow_id, run_id=run_id))


async def handle_result(handle: WorkflowHandle) -> Any:
    """Wait for the result of a started workflow (plain Python data). Prefer
    it to ``result`` for a handle ``start`` gave: with the time-skipping test
    server only that handle lets time skip."""
    workflow_id = handle.id
    try:
        return to_python(await handle.result())
    except WorkflowFailureError as e:
        err = from_exception(e.cause) if e.cause is not None else None
        if err is None:
            raise WorkflowFailed(workflow_id, "INTERNAL", str(e), None) from e
        raise WorkflowFailed(
            workflow_id, to_text(err.kind()), to_text(err.message()), err.retryable(), to_python(err.details())
        ) from e


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
