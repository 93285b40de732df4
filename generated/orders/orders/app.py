"""Where everything in the orders app runs: client, workers, task queues."""

from luac2py.runtime.temporal.app import ActivitySpec, AppSpec, ClientSpec, WorkerSpec, WorkflowSpec

APP = AppSpec(
    name="orders",
    client=ClientSpec(
        address="localhost:7233",
        namespace="default",
    ),
    workers=[
        WorkerSpec(id="orders:worker", task_queue="orders", options={}),
    ],
    workflows={
        "orders:order_workflow": WorkflowSpec(
            type_name="orders:order_workflow", worker="orders:worker", task_queue="orders"
        ),
        "orders:saga_workflow": WorkflowSpec(
            type_name="orders:saga_workflow", worker="orders:worker", task_queue="orders"
        ),
    },
    activities={
        "orders:charge_payment": ActivitySpec(
            worker="orders:worker", task_queue="orders", local=False, kind="function"
        ),
        "orders:refund_payment": ActivitySpec(
            worker="orders:worker", task_queue="orders", local=False, kind="function"
        ),
        "orders:ship_order": ActivitySpec(
            worker="orders:worker", task_queue="orders", local=False, kind="function"
        ),
        "orders:reserve_inventory": ActivitySpec(
            worker="orders:worker", task_queue="orders", local=False, kind="function"
        ),
        "orders:release_inventory": ActivitySpec(
            worker="orders:worker", task_queue="orders", local=False, kind="function"
        ),
    },
)
