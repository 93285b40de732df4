"""Start counter workflows and read their results from Python; call its
function entries (ordinary code) in this process.

    client = await connect()
    result = await execute(client, "counter:counter_workflow", {"id": "1"})
    value = await call("counter:driver", {"id": "1"})
"""

from typing import Any, Mapping

from luac2py.runtime.temporal import client as _client

from .app import APP


async def connect(address: str | None = None, namespace: str | None = None):
    """A Temporal client for this app (address: argument, TEMPORAL_ADDRESS, or the app's client entry)."""
    return await _client.connect(APP, address=address, namespace=namespace)


async def start(
    client,
    entry_id: str,
    input: Any = None,
    *,
    id: str | None = None,
    context: Mapping[str, Any] | None = None,
) -> str:
    """Start workflow ``entry_id``; returns its workflow ID. ``context``
    holds the values its Lua code reads with ``ctx``."""
    handle = await _client.start(client, APP, entry_id, input, workflow_id=id, context=context)
    return handle.id


async def execute(
    client,
    entry_id: str,
    input: Any = None,
    *,
    id: str | None = None,
    context: Mapping[str, Any] | None = None,
) -> Any:
    """Start workflow ``entry_id`` and wait for its result."""
    return await _client.execute(client, APP, entry_id, input, workflow_id=id, context=context)


async def result(client, workflow_id: str) -> Any:
    """Wait for the result of a started workflow."""
    return await _client.result(client, workflow_id)


async def call(entry_id: str, *args: Any, context: Mapping[str, Any] | None = None) -> Any:
    """Call function entry ``entry_id`` (ordinary code) with ``args`` in this
    process; its first result. Raises ``CallFailed`` (``kind``, ``message``)
    when it returns ``nil, err`` or raises a Lua error."""
    return await _client.call(APP, entry_id, *args, context=context)


async def send(client, workflow_id: str, topic: str, payload: Any = None) -> None:
    """Send a running workflow (its ID or PID) message ``topic`` (a signal)."""
    await _client.send(client, workflow_id, topic, payload)


async def request(client, workflow_id: str, topic: str, payload: Any = None) -> Any:
    """Ask a running workflow (an update named ``topic``); its ``ok`` reply.
    Raises ``RequestFailed`` (``kind``, ``message``) for a nak or an error."""
    return await _client.request(client, workflow_id, topic, payload)
