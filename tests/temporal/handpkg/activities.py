from typing import Any

from temporalio import activity

from luac2py.runtime.temporal.glue import run_activity

from .app import APP
from .lua import faults, payment, shipping


@activity.defn(name="app:charge_payment")
def charge_payment(*args: Any) -> Any:
    return run_activity(APP, "app:charge_payment", payment.chunk, "charge", args)


@activity.defn(name="app:refund_payment")
def refund_payment(*args: Any) -> Any:
    return run_activity(APP, "app:refund_payment", payment.chunk, "refund", args)


@activity.defn(name="app:ship_order")
def ship_order(*args: Any) -> Any:
    return run_activity(APP, "app:ship_order", shipping.chunk, "main", args)


@activity.defn(name="app:declined")
def declined(*args: Any) -> Any:
    return run_activity(APP, "app:declined", faults.chunk, "declined", args)


@activity.defn(name="app:rejected")
def rejected(*args: Any) -> Any:
    return run_activity(APP, "app:rejected", faults.chunk, "rejected", args)


@activity.defn(name="app:crash")
def crash(*args: Any) -> Any:
    return run_activity(APP, "app:crash", faults.chunk, "crash", args)


@activity.defn(name="app:slow")
def slow(*args: Any) -> Any:
    return run_activity(APP, "app:slow", faults.chunk, "slow", args)


@activity.defn(name="app:echo")
def echo(*args: Any) -> Any:
    return run_activity(APP, "app:echo", faults.chunk, "echo", args)


@activity.defn(name="app:mixed")
def mixed(*args: Any) -> Any:
    return run_activity(APP, "app:mixed", faults.chunk, "mixed", args)


@activity.defn(name="app:greet")
def greet(*args: Any) -> Any:
    return run_activity(APP, "app:greet", faults.chunk, "greet", args)


@activity.defn(name="app:double")
def double(*args: Any) -> Any:
    return run_activity(APP, "app:double", faults.chunk, "double", args)


@activity.defn(name="app:local_reject")
def local_reject(*args: Any) -> Any:
    return run_activity(APP, "app:local_reject", faults.chunk, "local_reject", args)


@activity.defn(name="app:busy")
def busy(*args: Any) -> Any:
    return run_activity(APP, "app:busy", faults.chunk, "busy", args)


ACTIVITIES = [
    busy,
    charge_payment,
    refund_payment,
    ship_order,
    declined,
    rejected,
    crash,
    slow,
    echo,
    mixed,
    greet,
    double,
    local_reject,
]
