"""The static description of a compiled app: which workflows and activities
run on which worker / task queue, where the Temporal service is, and each
Lua entry's module rules and compiled code.
Generated ``app.py`` builds one ``AppSpec`` (``APP``)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

_PLACEHOLDER = re.compile(r"\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}")


def expand_env(value: str, environ: Mapping[str, str] | None = None) -> str:
    """Replace ``${env:NAME}`` placeholders; an unset variable is an error."""
    env = os.environ if environ is None else environ

    def sub(m):
        name = m.group(1)
        if name not in env:
            raise ValueError(
                f"environment variable {name} is not set (used as ${{env:{name}}} in the Temporal client settings)"
            )
        return env[name]

    return _PLACEHOLDER.sub(sub, value)


@dataclass(frozen=True)
class TLSSpec:
    """The ``tls`` settings of a ``temporal.client`` entry, with the client
    certificate and key of ``auth: {type: mtls}``. Fields may hold
    ``${env:NAME}``; ``enabled`` may be a placeholder for "true"/"false"."""

    enabled: bool | str = True
    ca_file: str | None = None
    server_name: str | None = None
    cert_file: str | None = None
    key_file: str | None = None


@dataclass(frozen=True)
class ClientSpec:
    """A ``temporal.client`` entry. String fields may hold ``${env:NAME}``,
    resolved when the package runs (``connection.py``), so no secret is
    written into a generated package. ``auth_type`` is Wippy's ``auth.type``
    (none, api_key, mtls; None: what the other fields imply). ``id`` is
    its entry ID (the host part of its workflows' PIDs)."""

    id: str = ""
    address: str = "localhost:7233"
    namespace: str = "default"
    tq_prefix: str = ""
    tls: TLSSpec | None = None
    auth_type: str | None = None
    api_key: str | None = None
    api_key_file: str | None = None


@dataclass(frozen=True)
class WorkerSpec:
    """A ``temporal.worker`` entry. ``options`` holds its ``worker_options``."""

    id: str
    task_queue: str
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class WorkflowSpec:
    """A ``workflow.lua`` entry: Temporal workflow type name, worker, queue."""

    type_name: str
    worker: str
    task_queue: str


@dataclass(frozen=True)
class ActivitySpec:
    """A ``function.lua`` / ``process.lua`` entry registered as an activity
    under its entry ID. ``kind`` is "function" or "process"."""

    worker: str
    task_queue: str
    local: bool = False
    kind: str = "function"


@dataclass(frozen=True)
class EntrySpec:
    """A Lua entry compiled into the package: ``kind`` is its role
    (workflow, activity, function: ordinary code, library), ``method`` the
    function it runs (None for a library: what its file returns),
    ``modules`` and ``imports`` (alias -> entry ID) what its ``require`` may
    load, and its file's compiled chunk per role it is compiled for: as
    workflow code, and as activity code (activities and ordinary code)."""

    kind: str
    method: str | None = None
    modules: tuple[str, ...] = ()
    imports: Mapping[str, str] = field(default_factory=dict)
    workflow_code: Callable | None = None
    activity_code: Callable | None = None


@dataclass(frozen=True)
class AppSpec:
    name: str
    client: ClientSpec = ClientSpec()
    workers: list[WorkerSpec] = field(default_factory=list)
    workflows: Mapping[str, WorkflowSpec] = field(default_factory=dict)
    activities: Mapping[str, ActivitySpec] = field(default_factory=dict)
    # Search attributes the workflows set (name -> Temporal type), for
    # registering them on a dev server.
    search_attributes: Mapping[str, str] = field(default_factory=dict)
    entries: Mapping[str, EntrySpec] = field(default_factory=dict)
    # What the libraries of activity and ordinary code returned, by entry ID:
    # loaded once per process, as ``package.loaded`` keeps a module.
    loaded: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def task_queue(self, name: str) -> str:
        """The real task queue for a logical one (``tq_prefix`` applied)."""
        prefix = self.client.tq_prefix
        if prefix and "${env:" in prefix:
            prefix = expand_env(prefix)
        return prefix + name

    def workflow(self, entry_id: str) -> WorkflowSpec:
        try:
            return self.workflows[entry_id]
        except KeyError:
            known = ", ".join(sorted(self.workflows)) or "none"
            raise KeyError(f"unknown workflow {entry_id!r} (this app has: {known})") from None

    @property
    def functions(self) -> list[str]:
        """The ordinary-code entries (function entries without meta.temporal)."""
        return [i for i, e in self.entries.items() if e.kind == "function"]
