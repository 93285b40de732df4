"""Command line: ``python -m counter worker | run | start | result | call | send | request``."""

from luac2py.runtime.temporal.cli import main

from .activities import ACTIVITIES
from .app import APP
from .workflows import WORKFLOWS

if __name__ == "__main__":
    main(APP, workflows=WORKFLOWS, activities=ACTIVITIES)
