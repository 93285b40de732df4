"""The ``activity`` module for code running as a Temporal activity: heartbeats
(long-running ``process.lua`` activities) and facts about the attempt."""

from __future__ import annotations

from ..table import Table
from ..values import from_text
from .module import Module


class ActivityModule(Module):
    lua_fields = frozenset({"heartbeat", "info"})

    def heartbeat(self, *details):
        from temporalio import activity

        activity.heartbeat(*details)

    def info(self, *_):
        from temporalio import activity

        i = activity.info()
        return Table(
            activity_id=from_text(i.activity_id),
            activity_type=from_text(i.activity_type),
            attempt=i.attempt,
            task_queue=from_text(i.task_queue),
            workflow_id=from_text(i.workflow_id or ""),
            workflow_type=from_text(i.workflow_type or ""),
            is_local=i.is_local,
        )
