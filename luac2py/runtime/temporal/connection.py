"""Where and how a compiled app connects to Temporal.

Three layers, each field taken from the first that sets it:

1. flags (``--address``, ``--namespace``, ``--api-key``, ``--tls-*``; the
   client API's arguments),
2. Temporal's environment configuration (``temporalio.envconfig``: the
   ``TEMPORAL_ADDRESS``, ``TEMPORAL_NAMESPACE``, ``TEMPORAL_API_KEY``,
   ``TEMPORAL_TLS_*`` variables and the profile ``TEMPORAL_PROFILE`` or
   ``--profile`` names in the config file),
3. the app's ``temporal.client`` entry, whose ``${env:NAME}`` placeholders
   are resolved here, when the package runs.

Files (CA, client certificate and key, API key file) are read here too, so
an unreadable one is a one-line ``ConnectionSettingsError`` before anything
connects, not a hang."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Mapping

from .app import ClientSpec, TLSSpec, expand_env


class ConnectionSettingsError(ValueError):
    """Settings that cannot be used: an unset ``${env:NAME}``, an unreadable
    file, an unknown profile. One line."""


@dataclass(frozen=True)
class Overrides:
    """The flags' layer: None leaves a field to the layers below."""

    address: str | None = None
    namespace: str | None = None
    profile: str | None = None
    api_key: str | None = None
    tls: bool | None = None
    tls_ca_file: str | None = None
    tls_server_name: str | None = None
    tls_cert_file: str | None = None
    tls_key_file: str | None = None


@dataclass(frozen=True)
class _TLS:
    enabled: bool
    ca: Any = None  # a path (Path) or the PEM itself (str/bytes)
    server_name: str | None = None
    cert: Any = None
    key: Any = None


def connect_config(
    spec: ClientSpec, overrides: Overrides | None = None, environ: Mapping[str, str] | None = None
) -> tuple[str, dict]:
    """The target address and the other ``Client.connect`` keyword arguments
    (namespace, api_key, tls). Raises ConnectionSettingsError."""
    env = os.environ if environ is None else environ
    flags = overrides or Overrides()
    yaml = _expanded(spec, env)
    profile = _profile(flags.profile, env)

    address = flags.address or profile.address or yaml.address
    namespace = flags.namespace or profile.namespace or yaml.namespace
    api_key = flags.api_key or profile.api_key or _yaml_api_key(yaml)
    tls = _yaml_tls(yaml)
    if profile.tls is not None:
        t = profile.tls
        base = tls or _TLS(enabled=True)
        tls = _TLS(
            enabled=not t.disabled,
            ca=t.server_root_ca_cert or base.ca,
            server_name=t.server_name or base.server_name,
            cert=t.client_cert or base.cert,
            key=t.client_private_key or base.key,
        )
    if any(
        v is not None
        for v in (flags.tls, flags.tls_ca_file, flags.tls_server_name, flags.tls_cert_file, flags.tls_key_file)
    ):
        base = tls or _TLS(enabled=True)
        tls = _TLS(
            enabled=base.enabled if flags.tls is None else flags.tls,
            ca=Path(flags.tls_ca_file) if flags.tls_ca_file else base.ca,
            server_name=flags.tls_server_name or base.server_name,
            cert=Path(flags.tls_cert_file) if flags.tls_cert_file else base.cert,
            key=Path(flags.tls_key_file) if flags.tls_key_file else base.key,
        )

    kw: dict[str, Any] = {"namespace": namespace}
    if api_key:
        kw["api_key"] = api_key
    # No TLS setting anywhere: the SDK then uses TLS exactly when an API key is set.
    if tls is not None:
        kw["tls"] = _tls_config(tls) if tls.enabled else False
    return address, kw


def _expanded(spec: ClientSpec, env: Mapping[str, str]) -> ClientSpec:
    def exp(v):
        return expand_env(v, env) if isinstance(v, str) else v

    try:
        tls = spec.tls
        if tls is not None:
            tls = TLSSpec(
                enabled=_flag(exp(tls.enabled)),
                ca_file=exp(tls.ca_file),
                server_name=exp(tls.server_name),
                cert_file=exp(tls.cert_file),
                key_file=exp(tls.key_file),
            )
        return replace(
            spec,
            address=exp(spec.address),
            namespace=exp(spec.namespace),
            tq_prefix=exp(spec.tq_prefix),
            tls=tls,
            auth_type=exp(spec.auth_type),
            api_key=exp(spec.api_key),
            api_key_file=exp(spec.api_key_file),
        )
    except ValueError as e:
        raise ConnectionSettingsError(str(e)) from None


def _flag(value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off", ""):
        return False
    raise ConnectionSettingsError(f"tls.enabled is {value!r}, not true or false")


def _profile(name: str | None, env: Mapping[str, str]):
    from temporalio.envconfig import ClientConfigProfile

    try:
        return ClientConfigProfile.load(profile=name, override_env_vars=dict(env))
    except Exception as e:  # noqa: BLE001  the bridge's ConfigError and file errors: one line
        raise ConnectionSettingsError(f"Temporal environment configuration: {e}") from None


def _yaml_api_key(spec: ClientSpec) -> str | None:
    if spec.auth_type == "none":
        return None
    if spec.api_key:
        return spec.api_key
    if spec.api_key_file:
        return _read(spec.api_key_file, "API key file").decode("utf-8").strip()
    return None


def _yaml_tls(spec: ClientSpec) -> _TLS | None:
    t = spec.tls
    if t is None:
        return None
    path = lambda p: Path(p) if p else None  # noqa: E731
    return _TLS(bool(t.enabled), path(t.ca_file), t.server_name or None, path(t.cert_file), path(t.key_file))


def _tls_config(tls: _TLS):
    from temporalio.service import TLSConfig

    if (tls.cert is None) != (tls.key is None):
        raise ConnectionSettingsError("mTLS needs both a client certificate and its key file")
    return TLSConfig(
        server_root_ca_cert=_source(tls.ca, "TLS CA file"),
        domain=tls.server_name,
        client_cert=_source(tls.cert, "TLS client certificate"),
        client_private_key=_source(tls.key, "TLS client key"),
    )


def _source(value, what: str) -> bytes | None:
    if value is None:
        return None
    if isinstance(value, Path):
        return _read(value, what)
    return value.encode() if isinstance(value, str) else bytes(value)


def _read(path, what: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise ConnectionSettingsError(f"cannot read the {what} {path}: {e.strerror or e}") from None
