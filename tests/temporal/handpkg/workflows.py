from typing import Any

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from luac2py.runtime.temporal.glue import run_workflow

    from .app import APP
    from .lua import bad, clock, echo_workflow, greet_workflow, order_workflow, probe


@workflow.defn(name="app:order_workflow")
class OrderWorkflow:
    @workflow.run
    async def run(self, input: Any = None) -> Any:
        return await run_workflow(APP, "app:order_workflow", order_workflow.chunk, "main", input)


@workflow.defn(name="app:probe")
class Probe:
    @workflow.run
    async def run(self, input: Any = None) -> Any:
        return await run_workflow(APP, "app:probe", probe.chunk, "main", input)


@workflow.defn(name="app:bad_fail")
class BadFail:
    @workflow.run
    async def run(self, input: Any = None) -> Any:
        return await run_workflow(APP, "app:bad_fail", bad.chunk, "fail", input)


@workflow.defn(name="app:bad_crash")
class BadCrash:
    @workflow.run
    async def run(self, input: Any = None) -> Any:
        return await run_workflow(APP, "app:bad_crash", bad.chunk, "crash", input)


@workflow.defn(name="app:echo_workflow")
class EchoWorkflow:
    @workflow.run
    async def run(self, input: Any = None) -> Any:
        return await run_workflow(APP, "app:echo_workflow", echo_workflow.chunk, "main", input)


@workflow.defn(name="app:clock")
class Clock:
    @workflow.run
    async def run(self, input: Any = None) -> Any:
        return await run_workflow(APP, "app:clock", clock.chunk, "main", input)


@workflow.defn(name="app:greet_workflow")
class GreetWorkflow:
    @workflow.run
    async def run(self, input: Any = None) -> Any:
        return await run_workflow(APP, "app:greet_workflow", greet_workflow.chunk, "main", input)


WORKFLOWS = [OrderWorkflow, Probe, BadFail, BadCrash, EchoWorkflow, Clock, GreetWorkflow]
