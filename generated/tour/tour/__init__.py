"""The tour app as Temporal Python, compiled from Lua by luac2py.

Run a worker with ``python -m tour worker``; start workflows with
``python -m tour run ENTRY_ID --input JSON`` or with ``tour.client``.
"""
