from luac2py.runtime.temporal.app import ActivitySpec, AppSpec, ClientSpec, WorkerSpec, WorkflowSpec

APP = AppSpec(
    name="orders",
    client=ClientSpec(address="localhost:7233", namespace="default"),
    workers=[WorkerSpec(id="app:worker", task_queue="orders")],
    workflows={
        "app:order_workflow": WorkflowSpec(type_name="app:order_workflow", worker="app:worker", task_queue="orders"),
        "app:probe": WorkflowSpec(type_name="app:probe", worker="app:worker", task_queue="orders"),
        "app:bad_fail": WorkflowSpec(type_name="app:bad_fail", worker="app:worker", task_queue="orders"),
        "app:bad_crash": WorkflowSpec(type_name="app:bad_crash", worker="app:worker", task_queue="orders"),
        "app:echo_workflow": WorkflowSpec(type_name="app:echo_workflow", worker="app:worker", task_queue="orders"),
        "app:clock": WorkflowSpec(type_name="app:clock", worker="app:worker", task_queue="orders"),
        "app:greet_workflow": WorkflowSpec(type_name="app:greet_workflow", worker="app:worker", task_queue="orders"),
    },
    activities={
        "app:charge_payment": ActivitySpec(worker="app:worker", task_queue="orders"),
        "app:refund_payment": ActivitySpec(worker="app:worker", task_queue="orders"),
        "app:ship_order": ActivitySpec(worker="app:worker", task_queue="orders"),
        "app:declined": ActivitySpec(worker="app:worker", task_queue="orders"),
        "app:rejected": ActivitySpec(worker="app:worker", task_queue="orders"),
        "app:crash": ActivitySpec(worker="app:worker", task_queue="orders"),
        "app:slow": ActivitySpec(worker="app:worker", task_queue="orders"),
        "app:echo": ActivitySpec(worker="app:worker", task_queue="orders"),
        "app:mixed": ActivitySpec(worker="app:worker", task_queue="orders"),
        "app:busy": ActivitySpec(worker="app:worker", task_queue="orders"),
        "app:greet": ActivitySpec(worker="app:worker", task_queue="orders"),
        "app:double": ActivitySpec(worker="app:worker", task_queue="orders", local=True),
        "app:local_reject": ActivitySpec(worker="app:worker", task_queue="orders", local=True),
        # Declared but registered nowhere: calls fail as NOT_FOUND.
        "app:ghost_local": ActivitySpec(worker="app:worker", task_queue="orders", local=True),
    },
)
