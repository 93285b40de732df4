"""The ``luac2py`` command: build, run, script."""

from __future__ import annotations

import argparse
import sys

from .diagnostics import BuildError, Diagnostic
from .runtime.temporal.console import connection_flags, input_flags, waiting_flags


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="luac2py", description="Compile Wippy-style Lua workflows to Temporal Python.")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="compile an app to a Python package")
    b.add_argument("app", metavar="APP.yaml", help="the app's root YAML file, e.g. examples/orders/app.yaml")
    b.add_argument("-o", "--output", help="output folder (default: generated/<package>)")
    b.add_argument("--package", help="Python package name (default: the namespace)")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress line on stderr")

    r = sub.add_parser(
        "run",
        help="build, start Temporal if needed, run a workflow (or call a function), print its result",
        description="Build the app, use the Temporal server at its client address (or start an embedded dev "
        "server when nothing answers there), register its search attributes, serve its workers, run one "
        "workflow and print its result as one line of JSON on stdout.",
        epilog="example: luac2py run examples/orders/app.yaml --input @examples/orders/order.json",
    )
    r.add_argument("app", metavar="APP.yaml", help="the app's root YAML file, e.g. examples/orders/app.yaml")
    r.add_argument("--entry", metavar="ENTRY_ID", help="the workflow entry to run, e.g. orders:order_workflow, "
                   "or a function entry (ordinary code) to call (default: the app's first workflow or function entry, as its YAML lists them)")  # fmt: skip
    input_flags(r)
    r.add_argument("--strict", action="store_true", help="treat build warnings as errors")
    waiting_flags(r)
    connection_flags(r, "the app's; when nothing answers there, an embedded dev server")

    s = sub.add_parser("script", help="compile a plain Lua program to a Python program")
    s.add_argument("file")
    s.add_argument("-o", "--output")

    args = parser.parse_args(argv)
    try:
        if args.command == "script":
            from .driver import compile_script

            compile_script(args.file, args.output)
            return 0
        if args.command == "build":
            from .build import build_app

            out = build_app(args.app, args.output, args.package, strict=args.strict, on_warning=print_diagnostic)
            if not args.quiet:
                print(f"wrote {out}", file=sys.stderr)
            return 0
        if args.command == "run":
            from .run import run_app

            return run_app(args)
    except BuildError as e:
        for d in e.diagnostics:
            print(d.render(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception:  # noqa: BLE001  a compiler bug, not a user error: say so, with the trace to report
        import traceback

        print("luac2py: internal compiler error (please report it with the trace below)", file=sys.stderr)
        traceback.print_exc()
        return 70
    return 0


def print_diagnostic(d: Diagnostic) -> None:
    print(d.render(), file=sys.stderr)


def console() -> None:
    """Console entry point: exit without interpreter teardown, where temporalio
    can crash after all work is done (sdk-python#300)."""
    import os

    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    console()
