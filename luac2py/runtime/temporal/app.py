"""The static description of a compiled app: which workflows and activities
run on which worker / task queue, and where the Temporal service is.
Generated ``app.py`` builds one ``AppSpec`` (``APP``)."""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

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
    """``tls`` and mTLS settings of a ``temporal.client`` entry."""

    enabled: bool = True
    ca_file: str | None = None
    server_name: str | None = None
    cert_file: str | None = None
    key_file: str | None = None


@dataclass(frozen=True)
class ClientSpec:
    """A ``temporal.client`` entry. String fields may hold ``${env:NAME}``."""

    address: str = "localhost:7233"
    namespace: str = "default"
    tq_prefix: str = ""
    tls: TLSSpec | None = None
    api_key: str | None = None
    api_key_file: str | None = None

    def resolved(self, environ: Mapping[str, str] | None = None) -> "ClientSpec":
        """Placeholders expanded; TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE override
        the address and namespace."""
        env = os.environ if environ is None else environ

        def exp(v):
            return expand_env(v, env) if isinstance(v, str) else v

        tls = self.tls
        if tls is not None:
            tls = TLSSpec(**{f.name: exp(getattr(tls, f.name)) for f in dataclasses.fields(TLSSpec)})
        return ClientSpec(
            address=env.get("TEMPORAL_ADDRESS") or exp(self.address),
            namespace=env.get("TEMPORAL_NAMESPACE") or exp(self.namespace),
            tq_prefix=exp(self.tq_prefix),
            tls=tls,
            api_key=exp(self.api_key),
            api_key_file=exp(self.api_key_file),
        )

    def connect_kwargs(self) -> dict:
        """Keyword arguments for ``Client.connect`` besides the address (call on
        a resolved spec)."""
        from temporalio.service import TLSConfig

        kw: dict[str, Any] = {"namespace": self.namespace}
        api_key = self.api_key
        if api_key is None and self.api_key_file:
            with open(self.api_key_file, encoding="utf-8") as f:
                api_key = f.read().strip()
        if api_key:
            kw["api_key"] = api_key
        t = self.tls
        # Without a tls setting the SDK enables TLS exactly when an API key is set.
        if t is not None:
            kw["tls"] = (
                TLSConfig(
                    server_root_ca_cert=_read(t.ca_file),
                    domain=t.server_name,
                    client_cert=_read(t.cert_file),
                    client_private_key=_read(t.key_file),
                )
                if t.enabled
                else False
            )
        return kw


def _read(path: str | None) -> bytes | None:
    if not path:
        return None
    with open(path, "rb") as f:
        return f.read()


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
class AppSpec:
    name: str
    client: ClientSpec = ClientSpec()
    workers: list[WorkerSpec] = field(default_factory=list)
    workflows: Mapping[str, WorkflowSpec] = field(default_factory=dict)
    activities: Mapping[str, ActivitySpec] = field(default_factory=dict)
    # Search attributes the workflows set (name -> Temporal type), for
    # registering them on a dev server.
    search_attributes: Mapping[str, str] = field(default_factory=dict)

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
