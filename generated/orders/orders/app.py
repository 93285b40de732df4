"""Where everything in the orders app runs: client, workers, task queues;
each Lua entry's modules, imports and compiled code."""

from luac2py.runtime.temporal.app import (
    ActivitySpec,
    AppSpec,
    ClientSpec,
    EntrySpec,
    WorkerSpec,
    WorkflowSpec,
)

from .lua import inventory, order_workflow, payment, saga_workflow, shipping

APP = AppSpec(
    name="orders",
    client=ClientSpec(
        id="orders:temporal_client",
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
    entries={
        "orders:order_workflow": EntrySpec(
            kind="workflow",
            method="main",
            modules=("funcs", "time"),
            workflow_code=order_workflow.chunk,
        ),
        "orders:saga_workflow": EntrySpec(
            kind="workflow",
            method="main",
            modules=("funcs",),
            workflow_code=saga_workflow.chunk,
        ),
        "orders:charge_payment": EntrySpec(
            kind="activity",
            method="charge",
            modules=("errors",),
            activity_code=payment.chunk,
        ),
        "orders:refund_payment": EntrySpec(
            kind="activity",
            method="refund",
            modules=(),
            activity_code=payment.chunk,
        ),
        "orders:ship_order": EntrySpec(
            kind="activity",
            method="ship",
            modules=("errors",),
            activity_code=shipping.chunk,
        ),
        "orders:reserve_inventory": EntrySpec(
            kind="activity",
            method="reserve",
            modules=("errors",),
            activity_code=inventory.chunk,
        ),
        "orders:release_inventory": EntrySpec(
            kind="activity",
            method="release",
            modules=(),
            activity_code=inventory.chunk,
        ),
    },
)
