"""Workers for a compiled app: one temporalio Worker per ``temporal.worker``
entry (task queue), serving the workflows and activities that name it; all
of the app's worker entries, or the ones asked for (``only``)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Collection, Iterable, Mapping, Sequence

from temporalio import activity, workflow
from temporalio.client import Client
from temporalio.worker import Worker
from temporalio.worker.workflow_sandbox import SandboxedWorkflowRunner, SandboxRestrictions

from ..wippy.time import parse_duration
from .app import AppSpec, WorkerSpec
from .console import say
from .context import ContextWorkerInterceptor

# The runtime (and, through imports_passed_through, the generated Lua modules)
# must not be re-imported per workflow run: Table and friends must stay the
# classes the data converter knows.
WORKFLOW_RUNNER = SandboxedWorkflowRunner(restrictions=SandboxRestrictions.default.with_passthrough_modules("luac2py"))

# Every worker runs these; a Replayer of the app's histories should too.
WORKER_INTERCEPTORS = (ContextWorkerInterceptor(),)

# Wippy ``worker_options`` -> temporalio Worker arguments.
_COUNTS = {
    "max_concurrent_activity_execution_size": "max_concurrent_activities",
    "max_concurrent_workflow_task_execution_size": "max_concurrent_workflow_tasks",
    "max_concurrent_local_activity_execution_size": "max_concurrent_local_activities",
    "max_concurrent_activity_task_pollers": "max_concurrent_activity_task_polls",
    "max_concurrent_workflow_task_pollers": "max_concurrent_workflow_task_polls",
    "worker_activities_per_second": "max_activities_per_second",
    "task_queue_activities_per_second": "max_task_queue_activities_per_second",
    "identity": "identity",
    "disable_eager_activities": "disable_eager_activity_execution",
}
_DURATIONS = {
    "sticky_schedule_to_start_timeout": "sticky_queue_schedule_to_start_timeout",
    "max_heartbeat_throttle_interval": "max_heartbeat_throttle_interval",
    "default_heartbeat_throttle_interval": "default_heartbeat_throttle_interval",
    "worker_stop_timeout": "graceful_shutdown_timeout",
}
DEFAULT_MAX_ACTIVITIES = 100


def worker_kwargs(options: Mapping) -> dict:
    """temporalio Worker keyword arguments for a worker's ``worker_options``
    (options Wippy has and the Python SDK lacks, such as sessions, are ignored)."""
    kw = {}
    for key, value in options.items():
        if key in _COUNTS:
            kw[_COUNTS[key]] = value
        elif key in _DURATIONS:
            kw[_DURATIONS[key]] = parse_duration(value)
    return kw


def workflow_type(cls: type) -> str:
    return workflow._Definition.must_from_class(cls).name


def activity_type(fn: Callable) -> str:
    return activity._Definition.must_from_callable(fn).name


def worker_entries(app: AppSpec, ids: Iterable[str]) -> list[str]:
    """``ids``, each a ``temporal.worker`` entry ID of the app, without
    repeats. Raises KeyError (a one-line message naming the app's worker
    entries) for one that is not."""
    known = [w.id for w in app.workers]
    out: list[str] = []
    for wid in ids:
        if wid not in known:
            raise KeyError(f"unknown worker entry {wid!r} (this app's worker entries: {', '.join(known) or 'none'})")
        if wid not in out:
            out.append(wid)
    return out


def build_workers(
    client: Client,
    app: AppSpec,
    workflows: Sequence[type],
    activities: Sequence[Callable],
    *,
    only: Collection[str] | None = None,
    **overrides,
) -> list[Worker]:
    """One Worker per WorkerSpec that has something to serve; with ``only``
    (worker entry IDs, see ``worker_entries``), of those entries alone.
    ``overrides`` go to every Worker (tests use them)."""
    chosen = None if only is None else set(worker_entries(app, only))
    by_type = {spec.type_name: spec for spec in app.workflows.values()}
    wf_for: dict[str, list[type]] = {}
    for cls in workflows:
        name = workflow_type(cls)
        if name not in by_type:
            raise ValueError(f"workflow {name!r} is not in app {app.name!r}")
        wf_for.setdefault(by_type[name].worker, []).append(cls)
    act_for: dict[str, list[Callable]] = {}
    for fn in activities:
        name = activity_type(fn)
        if name not in app.activities:
            raise ValueError(f"activity {name!r} is not in app {app.name!r}")
        act_for.setdefault(app.activities[name].worker, []).append(fn)
    known = {w.id for w in app.workers}
    for wid in set(wf_for) | set(act_for):
        if wid not in known:
            raise ValueError(f"worker {wid!r} is not in app {app.name!r}")
    return [
        _worker(client, app, spec, wf_for.get(spec.id, []), act_for.get(spec.id, []), overrides)
        for spec in app.workers
        if (spec.id in wf_for or spec.id in act_for) and (chosen is None or spec.id in chosen)
    ]


def _worker(client, app: AppSpec, spec: WorkerSpec, workflows, activities, overrides) -> Worker:
    kw = {
        "workflow_runner": WORKFLOW_RUNNER,
        "workflow_failure_exception_types": [Exception],
        **worker_kwargs(spec.options),
        **overrides,
        "interceptors": [*WORKER_INTERCEPTORS, *overrides.get("interceptors", ())],
    }
    if activities:
        # Activities are synchronous functions; the pool bounds how many run.
        threads = kw.get("max_concurrent_activities") or DEFAULT_MAX_ACTIVITIES
        kw["activity_executor"] = ThreadPoolExecutor(max_workers=threads, thread_name_prefix=f"activity-{spec.id}")
    return Worker(client, task_queue=app.task_queue(spec.task_queue), workflows=workflows, activities=activities, **kw)


async def run_until_stopped(workers: Sequence[Worker], stop: asyncio.Event) -> None:
    """Run all workers until ``stop`` is set or one of them fails, then shut
    them all down. Re-raises the first worker failure."""
    runs = [asyncio.create_task(w.run()) for w in workers]
    stopper = asyncio.create_task(stop.wait())
    await asyncio.wait([*runs, stopper], return_when=asyncio.FIRST_COMPLETED)
    stopper.cancel()
    # Every worker, also one whose run has not begun yet (a start that failed
    # at once): shutdown() before run() makes that run end straight away.
    await asyncio.gather(*(w.shutdown() for w in workers), return_exceptions=True)
    for w in workers:
        executor = w.config().get("activity_executor")
        if executor is not None:
            executor.shutdown(wait=False)
    results = await asyncio.gather(*runs, return_exceptions=True)
    for r in results:
        if isinstance(r, BaseException) and not isinstance(r, asyncio.CancelledError):
            raise r


async def run_workers(
    client: Client,
    app: AppSpec,
    workflows: Sequence[type],
    activities: Sequence[Callable],
    stop: asyncio.Event | None = None,
    only: Collection[str] | None = None,
) -> None:
    """Serve every workflow and activity of the app on its task queue (with
    ``only``, those of these worker entries) until ``stop`` is set or the
    calling task is cancelled."""
    workers = build_workers(client, app, workflows, activities, only=only)
    if not workers:
        where = "" if only is None else f" on {', '.join(worker_entries(app, only)) or 'no worker entry'}"
        raise ValueError(f"app {app.name!r} has no workflows or activities to serve{where}")
    say(f"serving {app.name} on task queue(s) {', '.join(w.task_queue for w in workers)}", prefix="worker")
    if stop is None:
        stop = asyncio.Event()
    runner = asyncio.create_task(run_until_stopped(workers, stop))
    try:
        await asyncio.shield(runner)
    except asyncio.CancelledError:
        # Cancelled from outside: shut the workers down before giving up.
        stop.set()
        await runner
        raise
