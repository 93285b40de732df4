"""Process identifiers and the messages processes send each other.

A PID is a string, one of:

- ``{<client entry>@<worker entry>|<workflow id>}``: a workflow (the
  ``temporal.client`` and ``temporal.worker`` entries it runs under);
- ``{luac2py@<task queue>|<local id>}``: a process of ordinary code, reached
  through the ``luac2py:deliver`` activity on that task queue;
- ``{update|<update id>}``: an outside caller waiting for the reply to an
  update (a request).

Wherever a PID is taken, a bare workflow ID (no braces) is one too.
Everything here is plain Python on Lua strings (one character per byte),
the same in and out of workflows."""

from __future__ import annotations

from .module import LuaObject
from .payload import Payload

WORKFLOW = "workflow"
LOCAL = "local"
UPDATE = "update"

# The host part of an ordinary-code process's PID.
LOCAL_HOST = "luac2py"
# The activity that hands a message to a process of ordinary code.
DELIVER_ACTIVITY = "luac2py:deliver"


def parse_pid(pid: str) -> tuple[str, str | None, str]:
    """``(kind, a, b)`` for a PID: ``(WORKFLOW, "client@worker" or None for a
    bare ID, workflow id)``, ``(LOCAL, task queue, local id)`` or ``(UPDATE,
    None, update id)``. Raises ValueError for a malformed one."""
    if not pid.startswith("{"):
        if not pid:
            raise ValueError("empty process ID")
        return WORKFLOW, None, pid
    if not pid.endswith("}") or "|" not in pid:
        raise ValueError(f"malformed process ID {pid!r}")
    host, _, ident = pid[1:-1].partition("|")
    if not ident:
        raise ValueError(f"malformed process ID {pid!r}")
    if host == UPDATE:
        return UPDATE, None, ident
    if host.startswith(LOCAL_HOST + "@"):
        return LOCAL, host[len(LOCAL_HOST) + 1 :], ident
    return WORKFLOW, host, ident


def workflow_pid(app, entry_id: str, workflow_id: str) -> str:
    """The PID of workflow ``workflow_id``, a run of workflow entry ``entry_id``."""
    return "{%s@%s|%s}" % (getattr(app.client, "id", "") or app.name, app.workflow(entry_id).worker, workflow_id)


def local_pid(task_queue: str, local_id: str) -> str:
    return "{%s@%s|%s}" % (LOCAL_HOST, task_queue, local_id)


def update_pid(update_id: str) -> str:
    return "{%s|%s}" % (UPDATE, update_id)


class Message(LuaObject):
    """What ``process.inbox()`` (and ``listen`` with ``{message = true}``)
    gives: ``msg:topic()``, ``msg:payload()`` (``:data()`` reads it),
    ``msg:from()`` (the sender's PID, "" when unknown)."""

    __slots__ = ("_topic", "_payload", "_sender")
    lua_name = "message"
    lua_methods = frozenset({"topic", "payload", "from"})

    def __init__(self, topic: str, payload, sender: str = ""):
        self._topic = topic
        self._payload = payload
        self._sender = sender

    def topic(self, *_):
        return self._topic

    def payload(self, *_):
        return Payload(self._payload)

    def from_(self, *_):
        return self._sender

    def data(self):
        """The payload's value, for Python code."""
        return self._payload

    def lua_tostring(self) -> str:
        return f"message{{topic={self._topic}}}"


def decoded_array(t) -> list:
    """The items of a JSON array as a payload decodes it (a Lua table 1..n,
    or a Python list): the batches and carried-over mailboxes messages
    travel in."""
    from ..table import Table

    if isinstance(t, Table):
        return [dict.get(t, i) for i in range(1, t.length() + 1)]
    return list(t or ())
