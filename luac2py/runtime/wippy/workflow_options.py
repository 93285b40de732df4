"""The ``temporal.workflow.*`` options of a workflow start, parsed once for
workflow code (children) and ordinary code (client starts)."""

from __future__ import annotations

from ..errors import LuaError
from ..table import Table
from ..values import to_text, type_name
from .funcs import _bool, _duration, _items, _string, retry_policy

# What a start does when the workflow ID is already running. Children cannot
# ask the server for it (start_child_workflow has no conflict policy), so the
# start's WorkflowAlreadyStartedError is answered here.
USE_EXISTING, FAIL, TERMINATE_EXISTING = "use_existing", "fail", "terminate_existing"
_CONFLICT_POLICIES = {
    "use_existing": USE_EXISTING,
    "fail": FAIL,
    "terminate_existing": TERMINATE_EXISTING,
    "WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING": USE_EXISTING,
    "WORKFLOW_ID_CONFLICT_POLICY_FAIL": FAIL,
    "WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING": TERMINATE_EXISTING,
}
_DURATIONS = ("execution_timeout", "run_timeout", "task_timeout")


def parse_workflow_options(options) -> dict:
    """Start keyword arguments (start_child_workflow's, with the client's
    ``start_delay`` and ``request_eager_start``), plus ``conflict`` (a
    conflict policy), for the ``workflow.*`` keys of an option table (``temporal.``
    prefix optional; other keys ignored). Raises ValueError."""
    from temporalio.common import WorkflowIDReusePolicy
    from temporalio.workflow import ParentClosePolicy

    from .json import to_python

    out: dict = {}
    if options is None:
        return out
    for k, v in _items(options):
        if type(k) is not str or v is None:
            continue
        name = to_text(k).removeprefix("temporal.")
        if not name.startswith("workflow."):
            continue
        opt = name[len("workflow.") :]
        if opt == "id":
            out["id"] = _string(name, v)
        elif opt == "task_queue":
            out["task_queue"] = _string(name, v)
        elif opt in _DURATIONS:
            out[opt] = _duration(name, v)
        elif opt == "id_reuse_policy":
            out["id_reuse_policy"] = _enum(name, v, WorkflowIDReusePolicy, "WORKFLOW_ID_REUSE_POLICY_")
        elif opt == "id_conflict_policy":
            policy = _CONFLICT_POLICIES.get(_string(name, v))
            if policy is None:
                raise ValueError(f"{name} must be use_existing, fail or terminate_existing")
            out["conflict"] = policy
        elif opt == "execution_error_when_already_started":
            out.setdefault("conflict", FAIL if _bool(name, v) else USE_EXISTING)
        elif opt == "retry_policy":
            out["retry_policy"] = retry_policy(v)
        elif opt == "cron_schedule":
            out["cron_schedule"] = _string(name, v)
        elif opt == "memo":
            if not isinstance(v, Table):
                raise ValueError(f"{name} must be a table")
            out["memo"] = {to_text(mk): to_python(mv) for mk, mv in v.fields()}
        elif opt == "search_attributes":
            out["search_attributes"] = _search_attributes(name, v)
        elif opt == "parent_close_policy":
            out["parent_close_policy"] = _enum(name, v, ParentClosePolicy, "PARENT_CLOSE_POLICY_")
        elif opt == "start_delay":  # client starts only
            out["start_delay"] = _duration(name, v)
        elif opt == "request_eager_start":
            out["request_eager_start"] = _bool(name, v)
    return out


def _enum(key: str, v, enum, prefix: str):
    text = _string(key, v).upper().removeprefix(prefix)
    try:
        return enum[text]
    except KeyError:
        names = ", ".join(m.name.lower() for m in enum if m.value)
        raise ValueError(f"{key} must be one of {names}") from None


def _search_attributes(key: str, v):
    from temporalio.common import TypedSearchAttributes

    from .workflow import _search_update

    if not isinstance(v, Table):
        raise ValueError(f"{key} must be a table")
    updates = [_search_update(to_text(k), x) for k, x in sorted(v.fields(), key=lambda kv: str(kv[0]))]
    return TypedSearchAttributes([_pair(u) for u in updates])


def _pair(update):
    from temporalio.common import SearchAttributePair

    return SearchAttributePair(update.key, update.value)


def host_task_queue(app, spec, host) -> str:
    """The task queue a spawn's ``host`` argument names: a worker entry ID
    its queue, another string a queue name, nil the entry's own worker's."""
    if host is None:
        return app.task_queue(spec.task_queue)
    if type(host) is not str:
        raise LuaError.at_caller(f"bad argument #2 (string expected, got {type_name(host)})")
    name = to_text(host)
    for w in app.workers:
        if w.id == name:
            return app.task_queue(w.task_queue)
    return app.task_queue(name)
