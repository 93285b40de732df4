"""Where everything in the counter app runs: client, workers, task queues;
each Lua entry's modules, imports and compiled code."""

from luac2py.runtime.temporal.app import (
    ActivitySpec,
    AppSpec,
    ClientSpec,
    EntrySpec,
    WorkerSpec,
    WorkflowSpec,
)

from .lua import counter_workflow, driver, echo, jobs_driver, jobs_workflow

APP = AppSpec(
    name="counter",
    client=ClientSpec(
        id="counter:temporal_client",
        address="localhost:7233",
        namespace="default",
    ),
    workers=[
        WorkerSpec(id="counter:worker", task_queue="counter", options={}),
    ],
    workflows={
        "counter:counter_workflow": WorkflowSpec(
            type_name="counter:counter_workflow", worker="counter:worker", task_queue="counter"
        ),
        "counter:jobs_workflow": WorkflowSpec(
            type_name="counter:jobs_workflow", worker="counter:worker", task_queue="counter"
        ),
    },
    activities={
        "counter:echo_activity": ActivitySpec(
            worker="counter:worker", task_queue="counter", local=False, kind="function"
        ),
    },
    entries={
        "counter:driver": EntrySpec(
            kind="function",
            method="main",
            modules=("time",),
            activity_code=driver.chunk,
        ),
        "counter:counter_workflow": EntrySpec(
            kind="workflow",
            method="main",
            modules=(),
            workflow_code=counter_workflow.chunk,
        ),
        "counter:jobs_driver": EntrySpec(
            kind="function",
            method="main",
            modules=("time",),
            activity_code=jobs_driver.chunk,
        ),
        "counter:jobs_workflow": EntrySpec(
            kind="workflow",
            method="main",
            modules=("funcs",),
            workflow_code=jobs_workflow.chunk,
        ),
        "counter:echo_activity": EntrySpec(
            kind="activity",
            method="echo",
            modules=(),
            activity_code=echo.chunk,
        ),
    },
)
