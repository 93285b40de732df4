"""The orders app as Temporal Python, compiled from Lua by luac2py.

Run a worker with ``python -m orders worker``; start workflows with
``python -m orders run ENTRY_ID --input JSON`` or with ``orders.client``.
"""
