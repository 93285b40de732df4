"""Where everything in the tour app runs: client, workers, task queues."""

from luac2py.runtime.temporal.app import ActivitySpec, AppSpec, ClientSpec, WorkerSpec, WorkflowSpec

APP = AppSpec(
    name="tour",
    client=ClientSpec(
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
)
