"""Help texts describe every argument and use the app's own entry IDs."""

from __future__ import annotations

import argparse
from pathlib import Path


from helpers import run_luac2py, run_package_cli


def test_every_argument_of_the_package_cli_has_help(edges_app):
    APP = edges_app.app
    from luac2py.runtime.temporal.cli import _parser

    undocumented = []

    def visit(parser: argparse.ArgumentParser, path: str):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    visit(sub, f"{path} {name}")
            elif not action.help:
                undocumented.append(f"{path} {action.dest}")

    visit(_parser(APP), "edges")
    assert undocumented == []


def test_help_names_the_apps_entries(edges_app, tmp_path: Path):
    for command in ("run", "start"):
        done = run_package_cli("edges", edges_app.folder, command, "-h")
        assert done.returncode == 0
        text = " ".join(done.stdout.split())
        assert "ENTRY_ID the workflow entry to start: edges:echo or edges:abandon or edges:tag" in text
    top = " ".join(run_package_cli("edges", edges_app.folder, "-h").stdout.split())
    assert "(workflows: edges:echo, edges:abandon, edges:tag)" in top
    assert "example: python -m edges run edges:echo --input @input.json" in top
    run = run_luac2py("run", "-h", cwd=tmp_path)
    assert "APP.yaml" in run.stdout and "the app's root YAML file" in run.stdout
