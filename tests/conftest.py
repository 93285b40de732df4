"""Fixtures every test folder shares, one name per meaning:

- ``time_skipping_server`` / ``dev_server``: one real Temporal server each for
  the whole session, on the session's event loop (for tests marked
  ``asyncio(loop_scope="session")``);
- ``module_time_skipping_server`` / ``module_dev_server``: a fresh server for
  each test module, on the module's event loop (for tests marked
  ``asyncio(loop_scope="module")``, and modules that want a server of their
  own); ``module_dev_server_address`` is the latter's host:port;
- ``compiled_app``: the fixture apps under tests/fixtures/apps, each built
  once per session.

An event loop runs only while a test or fixture of its scope runs: a server
client (and workers) from one loop scope must not be awaited from another.
The plain helpers (``workflow_id``, ``run_package_cli``, ...) are in
tests/helpers.py; the server starters in tests/real_servers.py (imported by the
fixtures only, so that runs without Temporal do not import temporalio)."""

import os
import sys

import pytest
import pytest_asyncio
from helpers import FIXTURE_APPS, build_app_package

_exit_status: list[int] = []


def pytest_sessionfinish(session, exitstatus):
    _exit_status.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    # temporalio can crash the interpreter at exit after a green run
    # (sdk-python#300, rc 134/139): once pytest has reported, leave with its
    # own exit status (5 = no tests collected stays a failure).
    if _exit_status and "temporalio" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status[-1])


# --- real Temporal servers -----------------------------------------------------------------


def _server(kind: str, scope: str, doc: str):
    """A fixture holding a real server of ``kind`` ("time_skipping" or
    "dev_server", the starters of tests/real_servers.py) for ``scope``, on
    that scope's event loop."""

    @pytest_asyncio.fixture(scope=scope, loop_scope=scope)
    async def server():
        import real_servers

        env = await getattr(real_servers, kind)()
        yield env
        await env.shutdown()

    server.__doc__ = doc
    return server


time_skipping_server = _server(
    "time_skipping", "session", "The time-skipping test server (timers complete at once) for the session."
)
dev_server = _server("dev_server", "session", "The CLI dev server (in memory) for the session.")
module_time_skipping_server = _server(
    "time_skipping", "module", "A time-skipping test server of the test module's own, on the module's loop."
)
module_dev_server = _server("dev_server", "module", "A CLI dev server (in memory) of the test module's own.")


@pytest.fixture(scope="module")
def module_dev_server_address(module_dev_server) -> str:
    """``module_dev_server``'s host:port, for command lines and for clients
    made on other loops."""
    return module_dev_server.client.service_client.config.target_host


# --- fixture apps --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def compiled_app(tmp_path_factory):
    """``compiled_app(name, package=None)``: tests/fixtures/apps/<name>/app.yaml
    built with the compiler's Python API, once per session (per name and
    package), into a temporary folder put on sys.path; a helpers.CompiledApp
    (``.folder``, ``.package``, ``.yaml``, ``.app``, ``.workflows``,
    ``.activities``, ``.module(name)``)."""
    built = {}

    def build(name: str, package: str | None = None):
        if (name, package) not in built:
            work = tmp_path_factory.mktemp(f"app-{name}")
            built[name, package] = build_app_package(FIXTURE_APPS / name / "app.yaml", work, package)
        return built[name, package]

    return build
