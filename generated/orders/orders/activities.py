"""Temporal activities of the orders app: one function per activity entry.

Each runs its Lua function in a worker thread (activities may block)."""

from typing import Any

from temporalio import activity

from luac2py.runtime.temporal.glue import run_activity

from .app import APP


@activity.defn(name="orders:charge_payment")
def charge_payment(*args: Any) -> Any:
    """orders:charge_payment: payment.lua, function charge."""
    return run_activity(APP, "orders:charge_payment", args)


@activity.defn(name="orders:refund_payment")
def refund_payment(*args: Any) -> Any:
    """orders:refund_payment: payment.lua, function refund."""
    return run_activity(APP, "orders:refund_payment", args)


@activity.defn(name="orders:ship_order")
def ship_order(*args: Any) -> Any:
    """orders:ship_order: shipping.lua, function ship."""
    return run_activity(APP, "orders:ship_order", args)


@activity.defn(name="orders:reserve_inventory")
def reserve_inventory(*args: Any) -> Any:
    """orders:reserve_inventory: inventory.lua, function reserve."""
    return run_activity(APP, "orders:reserve_inventory", args)


@activity.defn(name="orders:release_inventory")
def release_inventory(*args: Any) -> Any:
    """orders:release_inventory: inventory.lua, function release."""
    return run_activity(APP, "orders:release_inventory", args)


ACTIVITIES = [
    charge_payment,
    refund_payment,
    ship_order,
    reserve_inventory,
    release_inventory,
]
