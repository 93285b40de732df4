"""Temporal workflows of the tour app: one class per workflow.lua entry.
Each is a Wippy process: signals and updates are messages to it."""

from typing import Any, Sequence

from temporalio import workflow
from temporalio.common import RawValue

with workflow.unsafe.imports_passed_through():
    from luac2py.runtime.temporal.glue import run_workflow
    from luac2py.runtime.wippy.process import WorkflowProcess

    from .app import APP


@workflow.defn(name="tour:tour_workflow")
class TourWorkflow:
    """tour:tour_workflow: tour_workflow.lua, function main."""

    def __init__(self) -> None:
        # Made before any handler runs: messages sent before the body starts wait.
        self.process = WorkflowProcess(APP, "tour:tour_workflow")

    @workflow.run
    async def run(self, input: Any = None, unread: Any = None) -> Any:
        # unread: the messages a run that continued as new had not read.
        self.process.carry_over(unread)
        return await run_workflow(APP, "tour:tour_workflow", input, self.process)

    @workflow.signal(dynamic=True)
    def message(self, topic: str, args: Sequence[RawValue]) -> None:
        self.process.signal(topic, args)

    @workflow.update(dynamic=True)
    async def request(self, topic: str, args: Sequence[RawValue]) -> Any:
        return await self.process.update(topic, args)


@workflow.defn(name="tour:receipt_workflow")
class ReceiptWorkflow:
    """tour:receipt_workflow: tour_workflow.lua, function receipt."""

    def __init__(self) -> None:
        # Made before any handler runs: messages sent before the body starts wait.
        self.process = WorkflowProcess(APP, "tour:receipt_workflow")

    @workflow.run
    async def run(self, input: Any = None, unread: Any = None) -> Any:
        # unread: the messages a run that continued as new had not read.
        self.process.carry_over(unread)
        return await run_workflow(APP, "tour:receipt_workflow", input, self.process)

    @workflow.signal(dynamic=True)
    def message(self, topic: str, args: Sequence[RawValue]) -> None:
        self.process.signal(topic, args)

    @workflow.update(dynamic=True)
    async def request(self, topic: str, args: Sequence[RawValue]) -> Any:
        return await self.process.update(topic, args)


WORKFLOWS = [
    TourWorkflow,
    ReceiptWorkflow,
]
