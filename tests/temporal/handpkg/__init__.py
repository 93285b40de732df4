"""A hand-written stand-in for what luac2py emits for a small app (order
workflow, payments, failure probes). Lua sources are in the docstrings."""
