"""The ``workflow`` module (SPEC B): facts about the running execution."""

from __future__ import annotations

from ..table import Table
from ..values import from_text
from .module import Module


class WorkflowModule(Module):
    lua_fields = frozenset({"info", "history_length", "history_size"})

    def info(self, *_):
        from temporalio import workflow

        i = workflow.info()
        return Table(
            workflow_id=from_text(i.workflow_id),
            run_id=from_text(i.run_id),
            workflow_type=from_text(i.workflow_type),
            task_queue=from_text(i.task_queue),
            namespace=from_text(i.namespace),
            attempt=i.attempt,
            history_length=i.get_current_history_length(),
            history_size=i.get_current_history_size(),
        )

    def history_length(self, *_):
        from temporalio import workflow

        return workflow.info().get_current_history_length()

    def history_size(self, *_):
        from temporalio import workflow

        return workflow.info().get_current_history_size()
