"""TLS and API keys for real: a TLS-terminating proxy (certificates made
here, ALPN h2) in front of the dev server; the generated package's worker and
client find it through the YAML client entry alone."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from cli_helpers import EDGES, package_worker
from helpers import run_luac2py, run_package_cli
from tls_proxy import TLSProxy

pytestmark = pytest.mark.temporal

# Only the app's client entry may say where Temporal is.
CLEAN = {"TEMPORAL_CONFIG_FILE": "/nonexistent/temporal.toml"}


@pytest.fixture(autouse=True)
def no_temporal_environment(monkeypatch):
    for name in [n for n in os.environ if n.startswith("TEMPORAL_")]:
        monkeypatch.delenv(name)
    for name, value in CLEAN.items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="module")
def proxy(module_dev_server_address, tmp_path_factory):
    with TLSProxy(module_dev_server_address, tmp_path_factory.mktemp("certs")) as p:
        yield p


def app_with_client(folder: Path, address: str, settings: str, package_name: str = "edges") -> Path:
    """The edges app whose temporal.client entry has ``address`` and the YAML
    ``settings`` (its tls/auth lines), built into ``folder``."""
    client = f"  - name: client\n    kind: temporal.client\n    address: {address}\n{settings}"
    source = EDGES.read_text(encoding="utf-8")
    start = source.index("  - name: client")
    end = source.index("  - name: worker")
    app = folder / "app"
    app.mkdir()
    for lua in EDGES.parent.glob("*.lua"):
        (app / lua.name).write_text(lua.read_text(encoding="utf-8"))
    (app / "app.yaml").write_text(source[:start] + client + "\n" + source[end:])
    out = folder / "out"
    done = run_luac2py("build", str(app / "app.yaml"), "-o", str(out), "--package", package_name, cwd=folder)
    assert done.returncode == 0, done.stderr
    return out


def test_worker_and_client_reach_temporal_through_tls(tmp_path: Path, proxy: TLSProxy):
    out = app_with_client(
        tmp_path,
        proxy.address,
        f"""    tls:
      ca_file: {proxy.ca_file}
      server_name: localhost
""",
    )
    app_py = (out / "edges" / "app.py").read_text(encoding="utf-8")
    assert "tls=TLSSpec(" in app_py and f'ca_file="{proxy.ca_file}"' in app_py and 'server_name="localhost"' in app_py
    before = proxy.connections
    with package_worker("edges", out):
        done = run_package_cli("edges", out, "run", "edges:echo", "--input", '{"over": "tls"}')
    assert done.returncode == 0, done.stderr
    assert done.stdout == '{"over":"tls"}\n'
    assert proxy.connections >= before + 2  # the worker's and the client's


def test_without_the_ca_the_package_fails_in_one_line(tmp_path: Path, proxy: TLSProxy):
    out = app_with_client(
        tmp_path,
        proxy.address,
        """    tls:
      server_name: localhost
""",
    )
    for args in (["run", "edges:echo", "--input", "1"], ["worker"]):
        done = run_package_cli("edges", out, *args, timeout=60)
        assert done.returncode == 1 and done.stdout == ""
        lines = done.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: cannot connect to Temporal: "), done.stderr
        assert "UnknownIssuer" in lines[0]
        assert done.seconds < 30


def test_an_unreadable_certificate_is_a_one_line_error(tmp_path: Path, proxy: TLSProxy):
    missing = tmp_path / "nowhere" / "ca.pem"
    out = app_with_client(
        tmp_path,
        proxy.address,
        f"""    tls:
      ca_file: {missing}
""",
    )
    for args in (["run", "edges:echo"], ["worker"]):
        done = run_package_cli("edges", out, *args, timeout=60)
        assert (done.returncode, done.stdout) == (1, "")
        assert done.stderr == f"error: cannot read the TLS CA file {missing}: No such file or directory\n"


async def test_an_api_key_from_the_environment_never_lands_in_generated_files(
    tmp_path: Path, proxy: TLSProxy, monkeypatch
):
    secret = "key-7f3a9c-not-in-any-file"
    out = app_with_client(
        tmp_path,
        proxy.address,
        f"""    auth:
      type: api_key
      api_key: ${{env:EDGES_API_KEY}}
    tls:
      ca_file: {proxy.ca_file}
      server_name: localhost
""",
        package_name="edges_keyed",
    )
    monkeypatch.setenv("EDGES_API_KEY", secret)
    files = [p for p in out.rglob("*") if p.is_file()]
    assert files and not [p for p in files if secret.encode() in p.read_bytes()]
    assert 'api_key="${env:EDGES_API_KEY}"' in (out / "edges_keyed" / "app.py").read_text(encoding="utf-8")

    sys.path.insert(0, str(out))
    try:
        from edges_keyed import client
    finally:
        sys.path.remove(str(out))
    connected = await client.connect()
    assert connected.api_key == secret  # what Client.connect was given
    # The dev server ignores the key; the call went through TLS with it.
    assert await connected.service_client.check_health()

    monkeypatch.delenv("EDGES_API_KEY")
    from luac2py.runtime.temporal.connection import ConnectionSettingsError

    with pytest.raises(ConnectionSettingsError, match="environment variable EDGES_API_KEY is not set"):
        await client.connect()


def test_a_literal_api_key_is_a_build_warning(tmp_path: Path):
    app = tmp_path / "app"
    app.mkdir()
    for lua in EDGES.parent.glob("*.lua"):
        (app / lua.name).write_text(lua.read_text(encoding="utf-8"))
    (app / "app.yaml").write_text(EDGES.read_text(encoding="utf-8").replace(
        "    address: localhost:7233\n", "    address: localhost:7233\n    auth:\n      type: api_key\n      api_key: abc123\n"
    ))  # fmt: skip
    done = run_luac2py("build", str(app / "app.yaml"), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr.splitlines()[:2] == [
        "app/app.yaml:12:16: warning: auth.api_key is a literal: it is written into the generated package as it is",
        "  hint: give it as ${env:NAME} (resolved when the package runs) or use api_key_file",
    ]
    strict = run_luac2py("build", str(app / "app.yaml"), "-o", str(tmp_path / "out2"), "--strict", cwd=tmp_path)
    assert strict.returncode == 1 and "error: auth.api_key is a literal" in strict.stderr
