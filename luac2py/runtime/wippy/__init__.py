"""Wippy's Lua modules (``errors``, ``funcs``, ``time``, ``json``, ...) as
generated code sees them. Each module is a ``Module`` userdata: generated code
calls its Python methods directly (``funcs.call(...)``) and Lua code reaches the
same functions through ``lua_index`` (``local call = funcs.call``)."""
