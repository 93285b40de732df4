"""Temporal workflows of the orders app: one class per workflow.lua entry."""

from typing import Any

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from luac2py.runtime.temporal.glue import run_workflow

    from .app import APP


@workflow.defn(name="orders:order_workflow")
class OrderWorkflow:
    """orders:order_workflow: order_workflow.lua, function main."""

    @workflow.run
    async def run(self, input: Any = None) -> Any:
        return await run_workflow(APP, "orders:order_workflow", input)


@workflow.defn(name="orders:saga_workflow")
class SagaWorkflow:
    """orders:saga_workflow: saga_workflow.lua, function main."""

    @workflow.run
    async def run(self, input: Any = None) -> Any:
        return await run_workflow(APP, "orders:saga_workflow", input)


WORKFLOWS = [
    OrderWorkflow,
    SagaWorkflow,
]
