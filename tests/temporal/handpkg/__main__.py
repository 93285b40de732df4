from luac2py.runtime.temporal.cli import main

from .activities import ACTIVITIES
from .app import APP
from .workflows import WORKFLOWS

main(APP, workflows=WORKFLOWS, activities=ACTIVITIES)
