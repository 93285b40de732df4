"""Connection settings: flags > Temporal's environment configuration > the
app's client entry, ${env:NAME} resolved when the package runs, files read
with one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from temporalio.service import TLSConfig

from luac2py.runtime.temporal.app import AppSpec, ClientSpec, TLSSpec, expand_env
from luac2py.runtime.temporal.client import target
from luac2py.runtime.temporal.connection import ConnectionSettingsError, Overrides, connect_config

# No Temporal config file may leak in from the machine running the tests.
NO_FILE = {"TEMPORAL_CONFIG_FILE": "/nonexistent/temporal.toml"}


def test_placeholders_are_resolved_from_the_environment():
    spec = ClientSpec(address="${env:T_HOST}:7233", namespace="prod", api_key="${env:T_KEY}")
    address, kw = connect_config(spec, environ={**NO_FILE, "T_HOST": "temporal.internal", "T_KEY": "k"})
    assert (address, kw) == ("temporal.internal:7233", {"namespace": "prod", "api_key": "k"})
    with pytest.raises(ConnectionSettingsError, match="environment variable T_HOST is not set"):
        connect_config(spec, environ=NO_FILE)
    assert expand_env("plain") == "plain"


def test_environment_overrides_the_app_and_flags_override_both():
    spec = ClientSpec(address="app:1", namespace="appns")
    env = {**NO_FILE, "TEMPORAL_ADDRESS": "env:2", "TEMPORAL_NAMESPACE": "envns", "TEMPORAL_API_KEY": "envkey"}
    assert connect_config(spec, environ=NO_FILE) == ("app:1", {"namespace": "appns"})
    assert connect_config(spec, environ=env) == ("env:2", {"namespace": "envns", "api_key": "envkey"})
    flags = Overrides(address="flag:3", namespace="flagns", api_key="flagkey")
    assert connect_config(spec, flags, environ=env) == ("flag:3", {"namespace": "flagns", "api_key": "flagkey"})


def test_a_profile_of_the_config_file(tmp_path: Path):
    config = tmp_path / "temporal.toml"
    config.write_text('[profile.staging]\naddress = "staging:7233"\nnamespace = "stage"\n')
    env = {"TEMPORAL_CONFIG_FILE": str(config)}
    spec = ClientSpec(address="app:1")
    assert connect_config(spec, Overrides(profile="staging"), environ=env) == ("staging:7233", {"namespace": "stage"})
    assert connect_config(spec, environ={**env, "TEMPORAL_PROFILE": "staging"})[0] == "staging:7233"
    with pytest.raises(ConnectionSettingsError, match="Profile 'nope' not found"):
        connect_config(spec, Overrides(profile="nope"), environ=env)


def test_tls_from_the_app_reads_its_files(tmp_path: Path):
    (tmp_path / "ca.pem").write_bytes(b"CA")
    (tmp_path / "c.pem").write_bytes(b"CERT")
    (tmp_path / "c.key").write_bytes(b"KEY")
    spec = ClientSpec(
        tls=TLSSpec(
            ca_file="${env:CERTS}/ca.pem",
            server_name="temporal.example",
            cert_file=str(tmp_path / "c.pem"),
            key_file=str(tmp_path / "c.key"),
        )
    )
    _, kw = connect_config(spec, environ={**NO_FILE, "CERTS": str(tmp_path)})
    assert kw["tls"] == TLSConfig(
        server_root_ca_cert=b"CA", domain="temporal.example", client_cert=b"CERT", client_private_key=b"KEY"
    )
    # The environment's TLS settings win field by field; TEMPORAL_TLS=false turns it off.
    _, kw = connect_config(spec, environ={**NO_FILE, "CERTS": str(tmp_path), "TEMPORAL_TLS_SERVER_NAME": "other"})
    assert kw["tls"].domain == "other" and kw["tls"].server_root_ca_cert == b"CA"
    _, kw = connect_config(spec, environ={**NO_FILE, "CERTS": str(tmp_path), "TEMPORAL_TLS": "false"})
    assert kw["tls"] is False
    _, kw = connect_config(spec, Overrides(tls=False), environ={**NO_FILE, "CERTS": str(tmp_path)})
    assert kw["tls"] is False


def test_an_unreadable_file_is_a_one_line_error(tmp_path: Path):
    spec = ClientSpec(tls=TLSSpec(ca_file=str(tmp_path / "missing.pem")))
    with pytest.raises(ConnectionSettingsError) as e:
        connect_config(spec, environ=NO_FILE)
    assert str(e.value) == f"cannot read the TLS CA file {tmp_path / 'missing.pem'}: No such file or directory"
    with pytest.raises(ConnectionSettingsError, match="API key file"):
        connect_config(ClientSpec(api_key_file=str(tmp_path / "key")), environ=NO_FILE)
    with pytest.raises(ConnectionSettingsError, match="needs both a client certificate and its key"):
        connect_config(ClientSpec(tls=TLSSpec(cert_file=str(tmp_path / "c.pem"))), environ=NO_FILE)


def test_api_key_sources_and_auth_type(tmp_path: Path):
    (tmp_path / "key").write_text("from-file\n")
    assert connect_config(ClientSpec(api_key_file=str(tmp_path / "key")), environ=NO_FILE)[1]["api_key"] == "from-file"
    assert "api_key" not in connect_config(ClientSpec(auth_type="none", api_key="k"), environ=NO_FILE)[1]
    spec = ClientSpec(tls=TLSSpec(enabled="${env:USE_TLS}"))
    assert connect_config(spec, environ={**NO_FILE, "USE_TLS": "false"})[1]["tls"] is False
    with pytest.raises(ConnectionSettingsError, match="not true or false"):
        connect_config(spec, environ={**NO_FILE, "USE_TLS": "maybe"})


def test_client_target_takes_arguments_first(monkeypatch):
    monkeypatch.setenv("TEMPORAL_CONFIG_FILE", NO_FILE["TEMPORAL_CONFIG_FILE"])
    for name in ("TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE", "TEMPORAL_API_KEY", "TEMPORAL_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    app = AppSpec(name="a", client=ClientSpec(address="spec:1", namespace="specns"))
    assert target(app) == ("spec:1", {"namespace": "specns"})
    monkeypatch.setenv("TEMPORAL_ADDRESS", "env:2")
    assert target(app)[0] == "env:2"
    assert target(app, "flag:3", "flagns") == ("flag:3", {"namespace": "flagns"})
