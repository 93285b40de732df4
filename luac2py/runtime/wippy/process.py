"""The ``process`` module in workflow code. So far only ``process.upgrade``:
Wippy's spelling of continue-as-new."""

from __future__ import annotations

from .module import Module
from .workflow import continue_as_new


class ProcessModule(Module):
    lua_fields = frozenset({"upgrade"})

    async def upgrade(self, input=None, *_):
        """Continue as a new run of this workflow with ``input``."""
        await continue_as_new(input)


PROCESS = ProcessModule()
