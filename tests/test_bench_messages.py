"""bench/messages.py in its quick size, on the real dev server: it builds the
app, every message reaches its workflow once and in per-sender order, and it
ends with its figures. No target is asserted (timings on a shared machine
vary); only that the figures are there and make sense. Then the books
themselves: both receivers, fed a reordered, a duplicated or a lost message,
say so, and the bench's last line with them."""

from __future__ import annotations

import importlib.util
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_asyncio
from helpers import workflow_id

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench" / "messages.py"
LAST_LINE = re.compile(r"delivered=(\d+)/(\d+) order_ok=(true|false) throughput_ratio=(\d+\.\d\d)")
ON_MODULE_LOOP = pytest.mark.asyncio(loop_scope="module")


def test_messages_bench_quick(tmp_path: Path):
    # A subprocess: the bench runs its own event loop and server, and guards
    # temporalio's crash at interpreter exit with os._exit.
    try:
        done = subprocess.run(
            [sys.executable, str(BENCH), "--quick"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"the quick bench took over {e.timeout} s:\n{e.stdout}\n{e.stderr}")
    report = f"stdout:\n{done.stdout}\nstderr (tail):\n{done.stderr[-3000:]}"
    lines = done.stdout.strip().splitlines()
    m = LAST_LINE.fullmatch(lines[-1])
    assert m, report
    delivered, total, order_ok, ratio = m.groups()
    # 20 workflows x 50 messages, every one processed once, in order.
    assert (delivered, total, order_ok) == ("1000", "1000", "true"), report
    assert math.isfinite(float(ratio)) and float(ratio) > 0, report
    assert done.returncode == 0, report
    every_round = r"^round \d (generated|hand-written) +1000/1000 delivered, in order, once each;"
    rounds = re.findall(every_round, done.stdout, re.M)
    assert sorted(rounds) == ["generated", "generated", "hand-written", "hand-written"], report
    assert "0 out of order, 0 duplicates, 0 without a result" in done.stdout, report


def load_bench():
    spec = importlib.util.spec_from_file_location("luac2py_bench_messages_script", BENCH)
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # dataclasses look their module up there
    spec.loader.exec_module(bench)
    return bench


def test_fifty_messages_from_four_senders():
    assert load_bench().seqs_per_sender() == [13, 13, 12, 12]


def test_the_last_line_says_what_went_wrong():
    bench = load_bench()
    good = {"received": 50, "in_order": True, "dups": 0}
    books = bench.tally([good, good])
    assert (books.delivered, books.order_ok) == (100, True)
    assert bench.Outcome(100, 100, True, 0.954).last_line() == "delivered=100/100 order_ok=true throughput_ratio=0.95"
    assert bench.Outcome(100, 100, True, 1.0).ok

    for results, delivered in [
        ([good, {"received": 50, "in_order": False, "dups": 0}], 100),  # reordered
        ([good, {"received": 50, "in_order": True, "dups": 1}], 99),  # one twice, so one not at all
        ([good, None], 50),  # a workflow that gave no result
    ]:
        books = bench.tally(results)
        assert (books.delivered, books.order_ok) == (delivered, False)
        outcome = bench.Outcome(books.delivered, 100, books.order_ok, 1.0)
        assert outcome.last_line() == f"delivered={delivered}/100 order_ok=false throughput_ratio=1.00"
        assert not outcome.ok
    # Lost messages alone (received fewer, the rest in order) fail too.
    assert not bench.Outcome(99, 100, True, 1.0).ok


# --- the receivers' books, on a dev server of this module's own ----------------------------


@pytest.fixture(scope="module")
def bench_and_subjects(tmp_path_factory):
    bench = load_bench()
    added = len(sys.path)
    subjects = bench.load_subjects(tmp_path_factory.mktemp("bench-messages"))
    yield bench, subjects
    del sys.path[: len(sys.path) - added]  # the generated package and the app folder


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def served(module_dev_server, bench_and_subjects):
    bench, subjects = bench_and_subjects
    async with bench.side_by_side(module_dev_server.client, subjects, bench.HAND_QUEUE):
        yield module_dev_server.client, bench, subjects


async def receive(served, kind_name: str, expected: int, messages: list[tuple[int, int]]) -> dict:
    """A receiver of ``kind_name`` expecting ``expected`` messages, sent
    ``messages`` ((sender, seq) pairs, in this order) one after the other;
    what it returns (a round's ``collect``: "stop" after a stall)."""
    from luac2py.runtime.temporal.client import start

    client, bench, subjects = served
    (kind,) = [k for k in bench.kinds(subjects) if k.name == kind_name]
    wid = workflow_id(f"books-{kind_name}")
    if kind_name == "generated":
        handle = await start(client, subjects.app, bench.ENTRY, {"expected": expected}, workflow_id=wid)
    else:
        handle = await client.start_workflow(
            kind.workflow_type, {"expected": expected}, id=wid, task_queue=kind.task_queue
        )
    for sender, seq in messages:
        await handle.signal(bench.TOPIC, {"sender": sender, "seq": seq})
    (result,) = await bench.collect([handle])
    return result


BOTH = pytest.mark.parametrize("kind", ["generated", "hand-written"])


@ON_MODULE_LOOP
@BOTH
async def test_in_order_messages_from_interleaved_senders(served, kind):
    result = await receive(served, kind, 5, [(1, 1), (2, 1), (1, 2), (2, 2), (1, 3)])
    assert result == {"received": 5, "in_order": True, "dups": 0}


@ON_MODULE_LOOP
@BOTH
async def test_a_reordered_message_is_seen(served, kind):
    result = await receive(served, kind, 4, [(1, 1), (2, 1), (1, 3), (1, 2)])
    assert result == {"received": 4, "in_order": False, "dups": 0}


@ON_MODULE_LOOP
@BOTH
async def test_a_duplicate_is_seen(served, kind):
    result = await receive(served, kind, 4, [(1, 1), (2, 1), (2, 1), (1, 2)])
    assert result == {"received": 4, "in_order": True, "dups": 1}


@ON_MODULE_LOOP
@BOTH
async def test_a_lost_message_shows_in_the_counts(served, kind, monkeypatch):
    _, bench, _ = served
    monkeypatch.setattr(bench, "STALL_S", 1)  # the bench waits 30 s
    # Sender 1's seq 2 is lost: seq 3 comes early, and the receiver waits
    # for a fourth message until the bench tells it to stop.
    result = await receive(served, kind, 4, [(1, 1), (2, 1), (1, 3)])
    assert result == {"received": 3, "in_order": False, "dups": 0}
    assert bench.tally([result]).delivered == 3
