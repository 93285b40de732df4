"""luac2py: compile Wippy-style Lua workflows into native Temporal Python.

Passes (one module each): load (YAML) -> parse -> resolve -> analyse ->
lower (package) -> emit. The runtime the output imports is ``luac2py.runtime``.
"""

__version__ = "0.1.0"
