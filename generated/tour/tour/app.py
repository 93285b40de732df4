"""Where everything in the tour app runs: client, workers, task queues;
each Lua entry's modules, imports and compiled code."""

from luac2py.runtime.temporal.app import (
    ActivitySpec,
    AppSpec,
    ClientSpec,
    EntrySpec,
    WorkerSpec,
    WorkflowSpec,
)

from .lua import activities, tour_workflow

APP = AppSpec(
    name="tour",
    client=ClientSpec(
        id="tour:temporal_client",
        address="localhost:7233",
        namespace="default",
    ),
    workers=[
        WorkerSpec(id="tour:worker", task_queue="tour", options={}),
    ],
    workflows={
        "tour:tour_workflow": WorkflowSpec(
            type_name="tour:tour_workflow", worker="tour:worker", task_queue="tour"
        ),
        "tour:receipt_workflow": WorkflowSpec(
            type_name="tour:receipt_workflow", worker="tour:worker", task_queue="tour"
        ),
    },
    activities={
        "tour:sign": ActivitySpec(
            worker="tour:worker", task_queue="tour", local=False, kind="function"
        ),
        "tour:fetch": ActivitySpec(
            worker="tour:worker", task_queue="tour", local=False, kind="function"
        ),
        "tour:stamp": ActivitySpec(
            worker="tour:worker", task_queue="tour", local=True, kind="function"
        ),
    },
    search_attributes={"TourOrder": "Keyword"},
    entries={
        "tour:tour_workflow": EntrySpec(
            kind="workflow",
            method="main",
            modules=("funcs", "time", "workflow", "uuid", "crypto", "ctx", "json", "base64"),
            workflow_code=tour_workflow.chunk,
        ),
        "tour:receipt_workflow": EntrySpec(
            kind="workflow",
            method="receipt",
            modules=("funcs", "time", "workflow", "uuid", "crypto", "ctx", "json", "base64"),
            workflow_code=tour_workflow.chunk,
        ),
        "tour:sign": EntrySpec(
            kind="activity",
            method="sign",
            modules=("hash", "crypto", "uuid", "json", "base64", "time", "ctx", "http_client"),
            activity_code=activities.chunk,
        ),
        "tour:fetch": EntrySpec(
            kind="activity",
            method="fetch",
            modules=("hash", "crypto", "uuid", "json", "base64", "time", "ctx", "http_client"),
            activity_code=activities.chunk,
        ),
        "tour:stamp": EntrySpec(
            kind="activity",
            method="stamp",
            modules=("hash", "crypto", "uuid", "json", "base64", "time", "ctx", "http_client"),
            activity_code=activities.chunk,
        ),
    },
)
