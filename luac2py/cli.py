"""The ``luac2py`` command: build, run, script."""

from __future__ import annotations

import argparse
import sys

from .diagnostics import BuildError


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="luac2py", description="Compile Wippy-style Lua workflows to Temporal Python.")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="compile an app to a Python package")
    b.add_argument("app", help="the app's root YAML file")
    b.add_argument("-o", "--output", help="output folder (default: generated/<package>)")
    b.add_argument("--package", help="Python package name (default: the namespace)")

    r = sub.add_parser("run", help="build, start Temporal if needed, run a workflow, print its result")
    r.add_argument("app")
    r.add_argument("--entry", help="workflow entry ID (default: the app's first workflow)")
    r.add_argument("--input", default="null", help="workflow input as JSON, or @FILE holding JSON")
    r.add_argument("--address", help="Temporal address (default: the app's client, else an embedded dev server)")
    r.add_argument("--context", help="context values as a JSON object")

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

            out = build_app(args.app, args.output, args.package)
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
