"""Wippy's own test suites (see tests/wippy_suites.py), unmodified, each
test entry run as ordinary code by ``luac2py run --entry`` against one dev
server. Skipped without ``LUAC2PY_WIPPY_RUNTIME``."""

from __future__ import annotations

import pytest

import wippy_suites as W

pytestmark = pytest.mark.skipif(not W.CLONE, reason=W.SKIP_REASON)

SUITES = ["types", "time", "channel"]


@pytest.fixture(scope="module")
def suite_apps(tmp_path_factory):
    """Each suite laid out as an app, once."""
    return {suite: W.materialise(suite, tmp_path_factory.mktemp(suite)) for suite in SUITES}


@pytest.mark.parametrize("entry", [(s, e) for s in SUITES for e in W.test_entries(s)], ids=lambda p: p[1])
def test_wippy_test_entry(entry, suite_apps, module_dev_server_address):
    suite, entry_id = entry
    done = W.run_entry(suite_apps[suite], entry_id, module_dev_server_address, suite_apps[suite].parent)
    assert W.passed(done), done.stderr[-2000:]


def test_types_suite_size():
    # 54 test entries, 12 of them need the registry module (left out).
    assert len(W.test_entries("types")) == 42


def test_time_suite_size():
    assert len(W.test_entries("time")) == 12
