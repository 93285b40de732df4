"""What the command lines (``luac2py run``, ``python -m PKG``) take and print.

They share their flags (``--input JSON|@FILE``, ``--context``, connection
settings). Results go to stdout and nothing else; errors, progress and every
log line (ours, the SDK's, the Temporal core's) go to stderr, one line each,
without colours.

The Temporal core writes its log lines to stdout in colour unless they are
forwarded to Python logging, so ``log_to_stderr`` installs a runtime that
forwards them; it must run before the first client connects."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from .connection import Overrides

_quiet = False

DEFAULT_GIVE_UP_AFTER = 10.0


def connection_flags(parser: argparse.ArgumentParser, default_address: str) -> None:
    """The flags of ``Overrides`` (shared with ``luac2py run``)."""
    g = parser.add_argument_group("connection (flags > TEMPORAL_* environment and profile > the app's client entry)")
    g.add_argument("--address", metavar="HOST:PORT", help=f"Temporal frontend (default: {default_address})")
    g.add_argument("--namespace", metavar="NS", help="Temporal namespace")
    g.add_argument("--profile", metavar="NAME", help="profile of Temporal's client config file (TEMPORAL_PROFILE)")
    g.add_argument("--api-key", metavar="KEY", help="API key (better: TEMPORAL_API_KEY or the app's ${env:...})")
    g.add_argument("--tls", action=argparse.BooleanOptionalAction, default=None, help="use TLS (or not)")
    g.add_argument("--tls-ca-file", metavar="PEM", help="CA certificate to trust")
    g.add_argument("--tls-server-name", metavar="NAME", help="server name to expect in its certificate")
    g.add_argument("--tls-cert-file", metavar="PEM", help="client certificate (mTLS)")
    g.add_argument("--tls-key-file", metavar="PEM", help="client key (mTLS)")


def overrides(args, address: str | None = None) -> Overrides:
    """The flags' layer of the connection settings (``address`` replaces the flag)."""
    return Overrides(
        address=address or args.address,
        namespace=args.namespace,
        profile=args.profile,
        api_key=args.api_key,
        tls=args.tls,
        tls_ca_file=args.tls_ca_file,
        tls_server_name=args.tls_server_name,
        tls_cert_file=args.tls_cert_file,
        tls_key_file=args.tls_key_file,
    )


def input_flags(parser: argparse.ArgumentParser, what: str = "the workflow's input") -> None:
    parser.add_argument(
        "--input",
        default="null",
        metavar="JSON|@FILE",
        help=f"{what} as JSON, or @FILE holding JSON (default: null)",
    )
    parser.add_argument(
        "--context",
        metavar="JSON|@FILE",
        help='context values its Lua code reads with ctx.get / ctx.all: a JSON object, e.g. \'{"user": "ada"}\'',
    )


def waiting_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--give-up-after",
        type=float,
        default=DEFAULT_GIVE_UP_AFTER,
        metavar="SECONDS",
        help="once the workflow's task fails (reported at once), wait this long for it to recover "
        f"(default: {DEFAULT_GIVE_UP_AFTER:g})",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")


def set_quiet(quiet: bool) -> None:
    """``--quiet``: drop progress lines (errors and warnings stay)."""
    global _quiet
    _quiet = quiet


def say(message: str, prefix: str = "luac2py") -> None:
    """A progress line on stderr."""
    if not _quiet:
        sys.stderr.write(f"{prefix}: {message}\n")
        sys.stderr.flush()


def fail(message: str) -> None:
    """``error: message`` on stderr."""
    sys.stderr.buffer.write(f"error: {message}\n".encode("utf-8", "replace"))
    sys.stderr.flush()


def warn(message: str) -> None:
    """``warning: message`` on stderr (kept by --quiet)."""
    sys.stderr.write(f"warning: {message}\n")
    sys.stderr.flush()


def print_json(value) -> None:
    """A result: one line of JSON on stdout."""
    line = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    sys.stdout.buffer.write((line + "\n").encode("utf-8"))
    sys.stdout.flush()


def read_json_arg(text: str, flag: str):
    """The value of a ``--input`` / ``--context`` argument: JSON, or ``@FILE``
    holding JSON. Raises ValueError with a one-line message naming the flag."""
    source = flag
    if text.startswith("@"):
        path = Path(text[1:])
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise ValueError(f"{flag}: cannot read {path}: {getattr(e, 'strerror', None) or e}") from None
        source = f"{flag} {path}"
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(f"{source} is nested too deeply to read (Wippy's limit is 128 levels)") from None
    except ValueError as e:
        raise ValueError(f"{source} is not valid JSON: {e}") from None


def read_inputs(args) -> tuple:
    """``(input, context)`` of the ``--input`` / ``--context`` flags (context
    None when not given). Raises ValueError with the one-line message."""
    data = read_json_arg(args.input, "--input")
    context = read_json_arg(args.context, "--context") if args.context is not None else None
    if context is not None and not isinstance(context, dict):
        raise ValueError("--context must be a JSON object")
    return data, context


class _OneLine(logging.Formatter):
    """``LEVEL logger: message``, with an exception as ``: Type: text`` on the
    same line instead of a traceback (the SDK logs one for every failed
    activity, including those abandoned at shutdown)."""

    def format(self, record: logging.LogRecord) -> str:
        text = f"{record.levelname} {record.name}: {record.getMessage()}"
        if record.exc_info and record.exc_info[1] is not None:
            e = record.exc_info[1]
            text += f": {type(e).__name__}: {e}"
        return text.replace("\n", " ")


_configured = False


def log_to_stderr(level: int = logging.WARNING) -> None:
    """Route the SDK's and the core's log records to stderr, one line each."""
    global _configured
    if _configured:
        return
    _configured = True
    from temporalio.runtime import LogForwardingConfig, LoggingConfig, Runtime, TelemetryConfig, TelemetryFilter

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    for name in ("temporalio", "luac2py"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(level)
        logger.propagate = False
    core = logging.getLogger("temporalio.core")
    forwarding = LogForwardingConfig(
        logger=core, append_target_to_name=False, prepend_target_on_message=False, append_log_fields_to_message=True
    )
    telemetry = TelemetryConfig(
        logging=LoggingConfig(filter=TelemetryFilter(core_level="WARN", other_level="ERROR"), forwarding=forwarding)
    )
    Runtime.set_default(Runtime(telemetry=telemetry), error_if_already_set=False)
