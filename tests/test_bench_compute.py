"""bench/compute.py's programs, in its quick sizes: the compiled Lua, the
hand-written Python and real Lua 5.4 (lupa) return the same values. Only the
correctness check; no timing is asserted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "compute.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("luac2py_bench_compute", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_compute_bench_programs_agree(tmp_path: Path):
    pytest.importorskip("lupa")
    bench = load_bench()
    assert len(bench.PROGRAMS) >= 6
    results = bench.verify(quick=True, folder=tmp_path)
    assert set(results) == {p.name for p in bench.PROGRAMS}


def test_compute_bench_detects_a_mismatch():
    bench = load_bench()
    with pytest.raises(bench.Mismatch):
        bench.check_same("x", (3,), (3.0,), "compiled Lua")
