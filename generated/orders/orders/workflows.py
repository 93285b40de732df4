"""Temporal workflows of the orders app: one class per workflow.lua entry.
Each is a Wippy process: signals and updates are messages to it."""

from typing import Any, Sequence

from temporalio import workflow
from temporalio.common import RawValue

with workflow.unsafe.imports_passed_through():
    from luac2py.runtime.temporal.glue import run_workflow
    from luac2py.runtime.wippy.process import WorkflowProcess

    from .app import APP


@workflow.defn(name="orders:order_workflow")
class OrderWorkflow:
    """orders:order_workflow: order_workflow.lua, function main."""

    def __init__(self) -> None:
        # Made before any handler runs: messages sent before the body starts wait.
        self.process = WorkflowProcess(APP, "orders:order_workflow")

    @workflow.run
    async def run(self, input: Any = None, unread: Any = None) -> Any:
        # unread: the messages a run that continued as new had not read.
        self.process.carry_over(unread)
        return await run_workflow(APP, "orders:order_workflow", input, self.process)

    @workflow.signal(dynamic=True)
    def message(self, topic: str, args: Sequence[RawValue]) -> None:
        self.process.signal(topic, args)

    @workflow.update(dynamic=True)
    async def request(self, topic: str, args: Sequence[RawValue]) -> Any:
        return await self.process.update(topic, args)


@workflow.defn(name="orders:saga_workflow")
class SagaWorkflow:
    """orders:saga_workflow: saga_workflow.lua, function main."""

    def __init__(self) -> None:
        # Made before any handler runs: messages sent before the body starts wait.
        self.process = WorkflowProcess(APP, "orders:saga_workflow")

    @workflow.run
    async def run(self, input: Any = None, unread: Any = None) -> Any:
        # unread: the messages a run that continued as new had not read.
        self.process.carry_over(unread)
        return await run_workflow(APP, "orders:saga_workflow", input, self.process)

    @workflow.signal(dynamic=True)
    def message(self, topic: str, args: Sequence[RawValue]) -> None:
        self.process.signal(topic, args)

    @workflow.update(dynamic=True)
    async def request(self, topic: str, args: Sequence[RawValue]) -> Any:
        return await self.process.update(topic, args)


WORKFLOWS = [
    OrderWorkflow,
    SagaWorkflow,
]
