"""Plain helpers shared by the test folders (no fixtures here: those are in
tests/conftest.py). Importing this module imports neither temporalio nor the
compiler."""

from __future__ import annotations

import contextlib
import importlib
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_APPS = ROOT / "tests" / "fixtures" / "apps"


def workflow_id(prefix: str) -> str:
    """A workflow id no other test uses: ``prefix-`` and 8 hex digits."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


class CompiledApp:
    """A generated package in ``folder`` (which is on sys.path), named ``package``;
    its app, workflows and activities imported on first use."""

    def __init__(self, folder: Path, package: str, yaml: Path):
        self.folder = folder
        self.package = package
        self.yaml = yaml  # the app.yaml it was built from

    def module(self, name: str):
        """The package's module ``name`` (``app``, ``workflows``, ...), imported."""
        return importlib.import_module(f"{self.package}.{name}")

    @property
    def app(self):
        return self.module("app").APP

    @property
    def workflows(self):
        return self.module("workflows").WORKFLOWS

    @property
    def activities(self):
        return self.module("activities").ACTIVITIES

    def __repr__(self) -> str:
        return f"CompiledApp({self.package!r} in {str(self.folder)!r})"


def build_app_package(yaml: Path, work: Path, package: str | None = None) -> CompiledApp:
    """Build ``yaml`` with the compiler's Python API into ``work``/out (the
    build cache goes in ``work``, not in the repository) and put that folder
    on sys.path: the workflow sandbox imports the package again."""
    from luac2py.build import build_app

    with contextlib.chdir(work):
        out = build_app(yaml, work / "out", package=package).resolve()
    if package is None:
        (package,) = [p.name for p in out.iterdir() if (p / "app.py").is_file()]
    sys.path.insert(0, str(out))
    return CompiledApp(out, package, yaml)


# --- command lines -----------------------------------------------------------------------


def command(args, cwd: Path, timeout: float = 60, env: dict | None = None, text: bool = True):
    """Run a command to its end, stdin closed, with the test's environment and
    ``env``; its output (text unless ``text=False``) and how long it took
    (``.seconds``)."""
    return _timed_run(args, cwd, timeout, {**os.environ, **(env or {})}, text)


def run_luac2py(*args, cwd: Path, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    """``luac2py ARGS`` (the compiler's command line) in ``cwd``, to its end."""
    return command([sys.executable, "-m", "luac2py.cli", *args], cwd, timeout=timeout, **kw)


def _timed_run(args, cwd: Path, timeout: float, env: dict, text: bool) -> subprocess.CompletedProcess:
    started = time.monotonic()
    done = subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=text,
        encoding="utf-8" if text else None,
        timeout=timeout,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    done.seconds = time.monotonic() - started
    return done


def package_env(folder: Path, env: dict | None = None) -> dict:
    """The environment for a process of the generated package in ``folder``:
    no TEMPORAL_ADDRESS or TEMPORAL_NAMESPACE from the machine (flags, the
    app or ``env`` say where Temporal is), PYTHONPATH the package's folder and
    the repository, then ``env``."""
    base = {k: v for k, v in os.environ.items() if k not in ("TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE")}
    return {**base, "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)]), **(env or {})}


def _package_command(package: str, args, address: str | None) -> list[str]:
    return [sys.executable, "-m", package, *args, *(["--address", address] if address else [])]


def run_package_cli(
    package: str,
    folder: Path,
    *args: str,
    address: str | None = None,
    env: dict | None = None,
    timeout: float = 60,
    text: bool = True,
) -> subprocess.CompletedProcess:
    """``python -m PACKAGE ARGS [--address ADDRESS]`` in ``folder`` (where the
    package was built), run to its end, stdin closed, in ``package_env``; its
    output (text unless ``text=False``) and how long it took (``.seconds``)."""
    return _timed_run(_package_command(package, args, address), folder, timeout, package_env(folder, env), text)


def start_package_cli(
    package: str,
    folder: Path,
    *args: str,
    address: str | None = None,
    env: dict | None = None,
    stdout=subprocess.PIPE,
    stderr=subprocess.PIPE,
) -> subprocess.Popen:
    """``python -m PACKAGE ARGS [--address ADDRESS]`` in ``folder`` started in
    the background (a worker, or a run to wait for): the caller signals or
    ``communicate()``s it. Output piped (bytes) unless ``stdout``/``stderr`` say otherwise."""
    return subprocess.Popen(
        _package_command(package, args, address),
        cwd=folder,
        env=package_env(folder, env),
        stdout=stdout,
        stderr=stderr,
        stdin=subprocess.DEVNULL,
    )
