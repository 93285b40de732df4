"""bench/concurrency.py in its quick sizes, on the real time-skipping server:
it builds the app, the generated pool workflow and ping-pong return what
their hand-written twins return, and it ends with its figures. No target is
asserted (timings on a shared machine vary); only that the figures are there
and make sense."""

from __future__ import annotations

import importlib.util
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench" / "concurrency.py"
LAST_LINE = re.compile(r"replay_ratio=(\d+\.\d\d) pingpong_ratio=(\d+\.\d\d)")


def test_concurrency_bench_quick(tmp_path: Path):
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
    assert done.returncode == 0, report
    lines = done.stdout.strip().splitlines()
    m = LAST_LINE.fullmatch(lines[-1])
    assert m, report
    for figure in map(float, m.groups()):
        assert math.isfinite(figure) and figure > 0, report
    assert "results: generated == hand-written" in lines, report
    # Both replayed histories are of 100 jobs (one timer each: the bench
    # checks) and equally long; the ping-pong table line is there.
    events = re.search(r"recorded 100-job pool histories \(4 workers\): \{'generated': (\d+), 'hand-written': (\d+)\}",
                       done.stdout)  # fmt: skip
    assert events, report
    assert abs(int(events[1]) - int(events[2])) <= 10, report  # the same as a rule; the closest pair at worst
    assert re.search(r"^ping-pong 10,000 messages", done.stdout, re.M), report


def load_bench():
    spec = importlib.util.spec_from_file_location("luac2py_bench_concurrency_script", BENCH)
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # dataclasses look their module up there
    spec.loader.exec_module(bench)
    return bench


def test_concurrency_bench_detects_a_mismatch():
    bench = load_bench()
    bench.check_same("same", 6, 6, expected=6)
    with pytest.raises(bench.Mismatch):
        bench.check_same("x", 6, 6.0)  # a float where Lua returns an integer
    with pytest.raises(bench.Mismatch):
        bench.check_same("x", 6, 8)
    with pytest.raises(bench.Mismatch):
        bench.check_same("x", 8, 8, expected=6)


@pytest.mark.asyncio
async def test_hand_written_ping_pong():
    sys.path.insert(0, str(ROOT / "bench" / "concurrency_app"))
    try:
        from handwritten_ping_pong import ping_pong
    finally:
        sys.path.remove(str(ROOT / "bench" / "concurrency_app"))
    assert await ping_pong(0) == 0
    assert await ping_pong(100) == load_bench().expected_sum(100)
