"""Temporal workflows of the tour app: one class per workflow.lua entry."""

from typing import Any

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from luac2py.runtime.temporal.glue import run_workflow

    from .app import APP


@workflow.defn(name="tour:tour_workflow")
class TourWorkflow:
    """tour:tour_workflow: tour_workflow.lua, function main."""

    @workflow.run
    async def run(self, input: Any = None) -> Any:
        return await run_workflow(APP, "tour:tour_workflow", input)


@workflow.defn(name="tour:receipt_workflow")
class ReceiptWorkflow:
    """tour:receipt_workflow: tour_workflow.lua, function receipt."""

    @workflow.run
    async def run(self, input: Any = None) -> Any:
        return await run_workflow(APP, "tour:receipt_workflow", input)


WORKFLOWS = [
    TourWorkflow,
    ReceiptWorkflow,
]
