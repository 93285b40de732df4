"""Wippy's own test suites (see tests/wippy_suites.py), unmodified, each
test entry run as ordinary code by ``luac2py run --entry`` against one dev
server. Skipped without ``LUAC2PY_WIPPY_RUNTIME``."""

from __future__ import annotations

import pytest

import wippy_suites as W

pytestmark = pytest.mark.skipif(not W.CLONE, reason=W.SKIP_REASON)

SUITES = ["types", "time", "channel", "temporal", "json", "uuid", "crypto", "hash", "errors", "ctx", "funcs", "payload"]

# Tests that must fail, each on exactly this message: their assertion
# contradicts the seeds (the seeds win), or the test itself is wrong.
MUST_FAIL = {
    # Seeds: a missing activity is NOT_FOUND, not retryable.
    "app.test.temporal.tests:activity_missing_activity_workflow": "missing activity defaults to retryable",
    # Seeds: kinds are spelled NOT_FOUND (CamelCase is accepted as input).
    "app.test.errors:constants": "NOT_FOUND: expected NotFound",
    # `results[i] = ...` in a loop without `i`: Lua says "table index is nil";
    # Wippy's go-lua stores a nil key there without complaint.
    "app.test.funcs:parallel": "parallel.lua:21: table index is nil",
}


@pytest.fixture(scope="module")
def suite_apps(tmp_path_factory):
    """Each suite laid out as an app, once."""
    return {suite: W.materialise(suite, tmp_path_factory.mktemp(suite)) for suite in SUITES}


@pytest.mark.parametrize("entry", [(s, e) for s in SUITES for e in W.test_entries(s)], ids=lambda p: p[1])
def test_wippy_test_entry(entry, suite_apps, module_dev_server_address):
    suite, entry_id = entry
    done = W.run_entry(suite_apps[suite], entry_id, module_dev_server_address, suite_apps[suite].parent)
    if entry_id in MUST_FAIL:
        assert done.returncode != 0 and MUST_FAIL[entry_id] in done.stderr, done.stderr[-2000:]
        assert "Traceback" not in done.stderr
    else:
        assert W.passed(done), done.stderr[-2000:]


def test_types_suite_size():
    # 54 test entries, 12 of them need the registry module (left out).
    assert len(W.test_entries("types")) == 42


def test_time_suite_size():
    assert len(W.test_entries("time")) == 12


def test_module_suite_sizes():
    assert len(W.test_entries("temporal")) == 40
    sizes = {s: len(W.test_entries(s)) for s in ["json", "uuid", "crypto", "hash", "errors", "ctx", "funcs", "payload"]}
    assert sum(sizes.values()) == 52, sizes
