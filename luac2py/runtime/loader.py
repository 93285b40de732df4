"""``load``, ``loadfile``, ``dofile`` and the ``package`` library (``require``).

A chunk loaded at run time goes through the same compiler as a build,
reached through an entry point (``_compiler``) when a program first loads code. The generated
module is executed in a fresh namespace whose ``__lua__`` names the chunk the
way Lua does (``[string "..."]``), so errors inside it read as in Lua.

The package library follows Lua 5.4's loadlib.c built without dynamic
libraries: ``require`` goes through ``package.searchers`` (preload, Lua files
on ``package.path``, and the two C searchers, which look along
``package.cpath`` and report the files they tried but can load nothing).
"""

from __future__ import annotations

import linecache
import os
import struct
import sys

from .errors import LuaError, c_function
from .ops import call, first
from .table import Table
from .values import number_to_str, type_name

LUA_IDSIZE = 60
_compiled: dict[tuple[str, str], object] = {}


def chunkid(source: str) -> str:
    """How Lua shows a chunk name in messages (``luaO_chunkid``)."""
    if source.startswith("="):
        return source[1:LUA_IDSIZE]
    if source.startswith("@"):
        name = source[1:]
        if len(name) >= LUA_IDSIZE:
            return "..." + name[len(name) - LUA_IDSIZE + 4 :]
        return name
    line = source.split("\n", 1)[0]
    room = LUA_IDSIZE - len('[string "..."]') - 1
    if len(line) < len(source) or len(line) > room:
        return f'[string "{line[:room]}..."]'
    return f'[string "{line}"]'


class LoadFailed(Exception):
    """A chunk that does not compile; ``message`` is Lua's ``load`` message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def compile_chunk(text: str, source: str):
    """The ``chunk(_ENV, *varargs)`` function of Lua source ``text``."""
    display = chunkid(source)
    key = (text, display)
    fn = _compiled.get(key)
    if fn is None:
        fn = _compiled[key] = _compile(text, display)
        fn.__globals__["__lua__"].source = source
    return fn


def _compiler():
    """The compiler's ``compile_for_load(text, chunkname) -> Python source``,
    found through the ``luac2py.compiler`` entry point its package declares:
    the runtime names no compiler module and loads without one."""
    global _compile_for_load
    if _compile_for_load is None:
        from importlib.metadata import entry_points

        found = entry_points(group="luac2py.compiler", name="load")
        if not found:
            raise LoadFailed("load needs the luac2py compiler, which is not installed")
        try:
            _compile_for_load = next(iter(found)).load()
        except ImportError as e:
            raise LoadFailed(f"load needs the luac2py compiler: {e}") from None
    return _compile_for_load


_compile_for_load = None


def _compile(text: str, display: str):
    try:
        python = _compiler()(text, display)
    except SyntaxError as e:  # the compiler's rejection: Lua's message
        raise LoadFailed(e.msg) from None
    filename = f"<lua chunk {len(_compiled)}: {display!r}>"
    lines = python.splitlines(keepends=True)
    linecache.cache[filename] = (len(python), None, lines, filename)
    namespace = {"__name__": "luac2py.loaded"}
    exec(compile(python, filename, "exec"), namespace)
    return namespace["chunk"]


def bind(chunk, env):
    """A loaded chunk as a Lua function with its ``_ENV``."""

    def loaded(*args):
        return chunk(loaded.lua_env, *args)

    loaded.__module__ = "luac2py.loaded"  # a Lua function, not a builtin
    loaded.lua_chunk = chunk  # for the debug library: its code, and _ENV as upvalue 1
    loaded.lua_env = env
    return loaded


def _load_text(text: str, source: str, mode) -> object:
    """``lua_load`` of source text: the compiled chunk, or LoadFailed with
    Lua's message (mode violations, binary chunks, syntax errors)."""
    mode = mode if type(mode) is str else "bt"
    if text.startswith("\x1b"):
        if "b" not in mode:
            raise LoadFailed(f"attempt to load a binary chunk (mode is '{mode}')")
        dumped = _DUMPS.get(text)
        if dumped is None:
            raise LoadFailed(f"{_binary_name(source)}: bad binary format ({_binary_failure(text)})")
        return dumped
    if "t" not in mode:
        raise LoadFailed(f"attempt to load a text chunk (mode is '{mode}')")
    return compile_chunk(text, source)


def make_load(globals_table: Table):
    """``load`` for one global environment."""
    from .errors import lua_position
    from .lib.base import _arg_error, _typename_for_msg
    from .values import NOVALUE

    def load(chunk=NOVALUE, chunkname=None, mode="bt", *rest):
        env = rest[0] if rest else globals_table
        text = _lua_tostring(chunk) if chunk is not NOVALUE else None
        if text is not None:
            source = chunkname if type(chunkname) is str else text
        elif type_name(chunk) == "function":
            # ``generic_reader``: pieces until nil or an empty string; an error
            # in the reader makes load return it.
            pieces = []
            while True:
                try:
                    piece = first(call(chunk))
                except LuaError as e:
                    value = e.value
                    if type(value) is str or type(value) in (int, float):
                        return None, value
                    return None, f"(error object is a {type_name(value)} value)"
                if piece is None or piece == "":
                    break
                if type(piece) is not str:
                    return None, lua_position(1) + "reader function must return a string"
                pieces.append(piece)
            text = "".join(pieces)
            source = chunkname if type(chunkname) is str else "=(load)"
        else:
            got = "no value" if chunk is NOVALUE else _typename_for_msg(chunk)
            raise _arg_error(1, "load", f"function expected, got {got}")
        source = source.partition("\0")[0]  # a C string to lua_load
        try:
            fn = _load_text(text, source, mode)
        except LoadFailed as e:
            message = e.message
            if message.endswith(": C stack overflow"):
                message = "C stack overflow"  # raised by the C stack check: no position
            return None, message
        if isinstance(fn, Dumped):
            return fn.instantiate(env)
        return bind(fn, env)

    return load


def _strerror(e: OSError) -> str:
    return e.strerror or os.strerror(e.errno or 0)


def load_file(filename, mode=None):
    """``luaL_loadfilex``: the compiled chunk of a file (standard input for
    nil), or LoadFailed with Lua's message. A first line starting with ``#``
    (and a UTF-8 byte order mark) is skipped, its newline kept for the line
    numbers."""
    if filename is None:
        source = "=stdin"
        data = sys.stdin.buffer.read()
    else:
        source = "@" + filename
        try:
            fd = os.open(filename.encode("latin-1"), os.O_RDONLY)
        except OSError as e:
            raise LoadFailed(f"cannot open {filename}: {_strerror(e)}") from None
        try:
            with open(fd, "rb") as fh:
                data = fh.read()
        except OSError as e:
            raise LoadFailed(f"cannot read {filename}: {_strerror(e)}") from None
    text = data.decode("latin-1")
    if text.startswith("\xef\xbb\xbf"):
        text = text[3:]
    if text.startswith("#"):
        nl = text.find("\n")
        text = "\n" if nl < 0 else text[nl:]
    return _load_text(text, source, mode)


def _opt_string(v, n: int, fname: str, default):
    from .lib.lmath import NOVALUE, check_string

    return default if v is None or v is NOVALUE else check_string(v, n, fname)


def make_loadfile(globals_table: Table):
    from .lib.lmath import NOVALUE

    def loadfile(filename=NOVALUE, mode=NOVALUE, *rest):
        filename = _opt_string(filename, 1, "loadfile", None)
        mode = _opt_string(mode, 2, "loadfile", None)
        env = rest[0] if rest else globals_table
        try:
            fn = load_file(filename, mode)
        except LoadFailed as e:
            return None, e.message
        return bind(fn, env)

    return loadfile


def make_dofile(globals_table: Table):
    from .lib.lmath import NOVALUE

    def dofile(filename=NOVALUE, *_):
        filename = _opt_string(filename, 1, "dofile", None)
        try:
            fn = load_file(filename)
        except LoadFailed as e:
            raise LuaError(e.message) from None
        return _call_from_c(fn, globals_table)  # the chunk runs under dofile, a C function

    return dofile


# --- the package library (loadlib.c) ------------------------------------------

LUA_PATH_DEFAULT = (
    "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;"
    "/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;./?.lua;./?/init.lua"
)
LUA_CPATH_DEFAULT = "/usr/local/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so"
PACKAGE_CONFIG = "/\n;\n?\n!\n-\n"  # dir separator, path separator, mark, exec dir, ignore mark
DLMSG = "dynamic libraries not enabled; check your Lua installation"


def _cstr(s: str) -> str:
    """A Lua string as C code sees it: up to its first zero byte."""
    i = s.find("\0")
    return s if i < 0 else s[:i]


def _lua_tostring(v):
    """``lua_tostring``: strings, and numbers converted; None otherwise."""
    t = type(v)
    if t is str:
        return v
    if t is int or t is float:
        return number_to_str(v)
    return None


def env_path(envname: str, default: str) -> str:
    """``setpath``: ``ENVNAME_5_4`` or ``ENVNAME`` from the environment, with a
    ``;;`` in it replaced by the default path; the default without either."""
    env = os.environb
    raw = env.get(f"{envname}_5_4".encode())
    if raw is None:
        raw = env.get(envname.encode())
    if raw is None:
        return default
    path = _cstr(raw.decode("latin-1"))
    mark = path.find(";;")
    if mark < 0:
        return path
    out = ""
    if mark > 0:
        out = path[:mark] + ";"
    out += default
    if mark < len(path) - 2:
        out += ";" + path[mark + 2 :]
    return out


def _readable(filename: str) -> bool:
    try:
        fd = os.open(filename.encode("latin-1"), os.O_RDONLY)
    except (OSError, ValueError):
        return False
    os.close(fd)
    return True


def search_path(name: str, path: str, sep: str = ".", dirsep: str = "/"):
    """``searchpath``: ``(filename, None)`` for the first readable file of
    ``path``'s templates with ``?`` replaced by ``name`` (``sep`` in ``name``
    replaced by ``dirsep`` first), or ``(None, "no file '...'\\n\\tno file ...")``."""
    name, path, sep, dirsep = _cstr(name), _cstr(path), _cstr(sep), _cstr(dirsep)
    if sep and sep[0] in name:
        name = name.replace(sep, dirsep)
    pathname = path.replace("?", name)
    if pathname:
        for filename in pathname.split(";"):
            if filename and _readable(filename):
                return filename, None
    return None, "no file '" + pathname.replace(";", "'\n\tno file '") + "'"


@c_function
def _call_from_c(f, *args):
    """A call made by a C function of the package library (``require`` calling
    a searcher or a loader): a stack level without a position, so errors raised
    at level 1 by the callee, or at level 2 inside a loaded module, have none."""
    return call(f, *args)


def make_package(env: Table, loaded: Table, search_files: bool) -> Table:
    """The ``package`` table and ``require`` of one global environment.

    Without ``search_files`` (app mode: workflow code must not touch the file
    system) ``package.searchers`` holds only the preload searcher, and there is
    no ``path``, ``cpath``, ``searchpath`` or ``loadlib``."""
    from .lib.lmath import NOVALUE, check_string

    package = Table()
    preload = Table()  # the registry's _PRELOAD: replacing package.preload does not change it

    def searcher_preload(name=NOVALUE, *_):
        name = check_string(name, 1, "?")
        loader = preload[name]
        if loader is None:
            return f"no field package.preload['{name}']"
        return loader, ":preload:"

    def findfile(name: str, pname: str, dirsep: str):
        path = _lua_tostring(package[pname])
        if path is None:
            raise LuaError.at_caller(f"'package.{pname}' must be a string")
        return search_path(name, path, ".", dirsep)

    def checkload(name: str, filename: str, message: str):
        raise LuaError.at_caller(f"error loading module '{name}' from file '{filename}':\n\t{message}")

    def searcher_lua(name=NOVALUE, *_):
        name = check_string(name, 1, "?")
        filename, err = findfile(name, "path", "/")
        if filename is None:
            return err
        try:
            fn = load_file(filename)
        except LoadFailed as e:
            checkload(name, filename, e.message)
        return bind(fn, env), filename

    def searcher_c(name=NOVALUE, *_):
        name = check_string(name, 1, "?")
        filename, err = findfile(name, "cpath", "/")
        if filename is None:
            return err
        checkload(name, filename, DLMSG)  # no dynamic libraries

    def searcher_croot(name=NOVALUE, *_):
        name = check_string(name, 1, "?")
        dot = _cstr(name).find(".")
        if dot < 0:
            return ()
        filename, err = findfile(name[:dot], "cpath", "/")
        if filename is None:
            return err
        checkload(name, filename, DLMSG)

    def findloader(name: str):
        searchers = package["searchers"]
        if not isinstance(searchers, Table):
            raise LuaError.at_caller("'package.searchers' must be a table")
        msg = []
        i = 1
        while True:
            searcher = dict.get(searchers, i)
            if searcher is None:
                raise LuaError.at_caller(f"module '{name}' not found:{''.join(msg)}")
            result = _call_from_c(searcher, name)
            if type(result) is tuple:
                loader = result[0] if result else None
                data = result[1] if len(result) > 1 else None
            else:
                loader, data = result, None
            if type_name(loader) == "function":
                return loader, data
            text = _lua_tostring(loader)
            if text is not None:
                msg.append("\n\t" + text)
            i += 1

    def require(name=NOVALUE, *_):
        name = check_string(name, 1, "require")
        value = loaded[name]
        if value is not None and value is not False:
            return value
        loader, data = findloader(name)
        value = first(_call_from_c(loader, name, data))
        if value is not None:
            loaded.set(name, value)
        value = loaded[name]
        if value is None:
            value = True
            loaded.set(name, value)
        return value, data

    def searchpath(name=NOVALUE, path=NOVALUE, sep=NOVALUE, rep=NOVALUE, *_):
        # C evaluates ll_searchpath's argument checks right to left.
        rep = _opt_string(rep, 4, "package.searchpath", "/")
        sep = _opt_string(sep, 3, "package.searchpath", ".")
        path = check_string(path, 2, "package.searchpath")
        name = check_string(name, 1, "package.searchpath")
        filename, err = search_path(name, path, sep, rep)
        return filename if filename is not None else (None, err)

    def loadlib(path=NOVALUE, init=NOVALUE, *_):
        check_string(path, 1, "package.loadlib")
        check_string(init, 2, "package.loadlib")
        return None, DLMSG, "absent"

    searchers = Table()
    dict.__setitem__(searchers, 1, searcher_preload)
    if search_files:
        for i, fn in enumerate((searcher_lua, searcher_c, searcher_croot), start=2):
            dict.__setitem__(searchers, i, fn)
        dict.__setitem__(package, "path", env_path("LUA_PATH", LUA_PATH_DEFAULT))
        dict.__setitem__(package, "cpath", env_path("LUA_CPATH", LUA_CPATH_DEFAULT))
        dict.__setitem__(package, "searchpath", searchpath)
        dict.__setitem__(package, "loadlib", loadlib)
    dict.__setitem__(package, "config", PACKAGE_CONFIG)
    dict.__setitem__(package, "loaded", loaded)
    dict.__setitem__(package, "preload", preload)
    dict.__setitem__(package, "searchers", searchers)
    dict.__setitem__(loaded, "package", package)
    dict.__setitem__(env, "package", package)
    dict.__setitem__(env, "require", require)
    return package


# --- string.dump ---------------------------------------------------------------
# A compiled function has Python code, not Lua bytecode. Its "binary chunk" is
# Lua 5.4's header (signature, version, format, LUAC_DATA, sizes, LUAC_INT and
# LUAC_NUM) followed by a handle valid in this process: load() makes a new
# function from the same code with fresh upvalues (nil, except _ENV), as Lua
# does with a dumped function. A changed or cut header fails as in Lua.

DUMP_HEADER = (
    "\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08"
    + struct.pack("<qd", 0x5678, 370.5).decode("latin-1")
)
DUMP_SIGNATURE = DUMP_HEADER + "luac2py:"
_DUMPS: dict[str, "Dumped"] = {}


_HEADER_FIELDS = (  # (length, what a wrong value is called), in reading order
    (4, "not a binary chunk"),
    (1, "version mismatch"),
    (1, "format mismatch"),
    (6, "corrupted chunk"),
    (1, "Instruction size mismatch"),
    (1, "lua_Integer size mismatch"),
    (1, "lua_Number size mismatch"),
    (8, "integer format mismatch"),
    (8, "float format mismatch"),
)


def _binary_failure(text: str) -> str:
    """``luaU_undump``'s complaint about a binary chunk that is not one of ours."""
    at = 0
    for size, what in _HEADER_FIELDS:
        if len(text) < at + size:
            return "truncated chunk"
        if text[at : at + size] != DUMP_HEADER[at : at + size]:
            return what
        at += size
    rest = text[at:]
    if any(known.startswith(text) for known in _DUMPS):
        return "truncated chunk"
    return "corrupted chunk" if rest else "truncated chunk"


def _binary_name(source: str) -> str:
    if source[:1] in ("@", "="):
        return source[1:]
    return "binary string" if source[:1] == "\x1b" else source


class Dumped:
    def __init__(self, fn, chunk: bool, strip: bool = False):
        if strip:
            # Without debug information errors read "?:-1:" as in Lua.
            from .errors import LuaSource

            namespace = dict(fn.__globals__)
            namespace["__lua__"] = LuaSource("?", "1:-1")
            import types

            fn = types.FunctionType(fn.__code__, namespace, fn.__name__, fn.__defaults__, fn.__closure__)
        self.fn = fn
        self.chunk = chunk

    def instantiate(self, env):
        import types

        fn = self.fn
        if self.chunk:
            return bind(fn, env)
        code = fn.__code__
        # Lua sets a loaded function's first upvalue to the environment,
        # whatever its name; the others start as nil.
        order = fn.__globals__["__lua__"].upvalues.get(code.co_firstlineno)
        first_upvalue = order[0][1] if order else "_ENV"
        cells = []
        for name, old in zip(code.co_freevars, fn.__closure__ or ()):
            try:
                boxed = type(old.cell_contents).__name__ == "Cell"
            except ValueError:
                boxed = False
            value = env if name == first_upvalue else None
            if boxed:
                from .values import Cell

                value = Cell(value)
            cells.append(types.CellType(value))
        new = types.FunctionType(code, fn.__globals__, fn.__name__, fn.__defaults__, tuple(cells))
        kwdefaults = dict.fromkeys(fn.__kwdefaults__ or ())
        if first_upvalue in kwdefaults:
            kwdefaults[first_upvalue] = env
        new.__kwdefaults__ = kwdefaults or None
        return new


def dump_function(fn, strip: bool = False) -> str | None:
    """``string.dump``'s string for a compiled Lua function, or None."""
    chunk = getattr(fn, "lua_chunk", None)
    target = chunk if chunk is not None else fn
    globals_ = getattr(target, "__globals__", None)
    if globals_ is None or type(globals_.get("__lua__")).__name__ != "LuaSource":
        return None
    text = f"{DUMP_SIGNATURE}{len(_DUMPS)}\n"
    _DUMPS[text] = Dumped(target, chunk is not None, strip)
    return text
