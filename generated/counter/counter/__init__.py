"""The counter app as Temporal Python, compiled from Lua by luac2py.

Run a worker with ``python -m counter worker``; start workflows with
``python -m counter run ENTRY_ID --input JSON`` or with ``counter.client``;
call a function entry (ordinary code) with ``await counter.call(ENTRY_ID, ...)``
or ``python -m counter call ENTRY_ID --input JSON``.
"""

from typing import Any


async def call(entry_id: str, *args: Any, context: Any = None) -> Any:
    """Call function entry ``entry_id`` in this process; its first result (``client.call``)."""
    # Imported here: the workflow sandbox imports this package for every run.
    from .client import call as _call

    return await _call(entry_id, *args, context=context)
